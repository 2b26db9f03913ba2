#include "server/email_handlers.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "jobs/job_json.h"
#include "jobs/job_store.h"
#include "jobs/mail_sender.h"
#include "server/handlers.h"
#include "server/job_handlers.h"
#include "server/problem.h"

namespace parting::server {
namespace {

constexpr std::size_t kMaxSettlementBody = 4096;

std::string EmailJson(const jobs::UnconfirmedEmail& email) {
  const jobs::Envelope envelope = jobs::Envelope::Decode(email.envelope);
  nlohmann::ordered_json recipients = nlohmann::ordered_json::array();
  for (const std::string& recipient : envelope.recipients) recipients.push_back(recipient);
  return "{\"job\":" + jobs::JsonString(email.job_id) +
         ",\"index\":" + std::to_string(email.index) +
         ",\"message_id\":" + jobs::JsonString(jobs::MessageIdOf(email.eml)) +
         ",\"from\":" + jobs::JsonString(envelope.from) + ",\"recipients\":" + recipients.dump() +
         ",\"reason\":" + jobs::JsonString(email.reply) + "}";
}

}  // namespace

UnconfirmedEmailHandler::UnconfirmedEmailHandler(const ServiceContext& context, Route route,
                                                 std::string_view route_name,
                                                 std::vector<std::string> params)
    : EndpointHandler(route_name), context_(context), route_(route), params_(std::move(params)) {}

HttpReply UnconfirmedEmailHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  if (!context_.job_store)
    return ProblemReply(503, "jobs are not available on this server (no job store)");
  switch (route_) {
    case Route::kListAll:
      return List("");
    case Route::kListJob:
      return List(params_.at(0));
    case Route::kSettle:
      return Settle(request);
  }
  return UnknownJobReply();
}

HttpReply UnconfirmedEmailHandler::List(const std::string& job_id) {
  if (!job_id.empty()) {
    auto job = context_.job_store->Find(job_id);
    if (!job.ok()) return JobStoreUnavailable(job.status());
    if (!job->has_value()) return UnknownJobReply();
  }
  auto emails = context_.job_store->UnconfirmedEmails(job_id);
  if (!emails.ok()) return JobStoreUnavailable(emails.status());
  std::string body = "{\"emails\":[";
  for (std::size_t i = 0; i < emails->size(); ++i)
    body += (i > 0 ? "," : "") + EmailJson((*emails)[i]);
  return JsonReply(200, body + "]}");
}

HttpReply UnconfirmedEmailHandler::Settle(Poco::Net::HTTPServerRequest& request) {
  const std::string& job_id = params_.at(0);
  const std::string& text = params_.at(1);
  std::int64_t index = -1;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), index);
  if (failure != std::errc() || end != text.data() + text.size() || index < 0)
    return ProblemReply(404, "there is no such item: items are numbered from 0");

  JsonBody body = ReadJsonBody(request, kMaxSettlementBody);
  if (!body.text) return body.problem;
  const auto json = nlohmann::ordered_json::parse(*body.text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return ProblemReply(400, "the body is not valid JSON");
  const std::string kHow = R"(must be "sent" (the relay's log shows it delivered) or "resend")";
  if (!json.is_object()) return ProblemReply(422, "the body must be an object", {{"", kHow}});
  for (const auto& [name, value] : json.items())
    if (name != "decision")
      return ProblemReply(422, "the settlement is invalid", {{"/" + name, "unknown field"}});
  const auto decision_field = json.find("decision");
  std::optional<jobs::Settlement> decision;
  if (decision_field != json.end() && decision_field->is_string())
    decision = jobs::ParseSettlement(decision_field->get<std::string>());
  if (!decision) return ProblemReply(422, "the settlement is invalid", {{"/decision", kHow}});

  auto settled = context_.job_store->SettleEmail(job_id, index, *decision);
  if (!settled.ok()) return JobStoreUnavailable(settled.status());
  using Kind = jobs::SettleOutcome::Kind;
  switch (settled->kind) {
    case Kind::kNoJob:
      return UnknownJobReply();
    case Kind::kNoItem:
      return ProblemReply(404, "the job has no item " + text);
    case Kind::kNotUnconfirmed:
      return ProblemReply(409,
                          "the e-mail of item " + text + " is not unconfirmed (it is " +
                              settled->email_status + "): there is nothing to settle",
                          {{"/decision", "applies only to an unconfirmed e-mail"}});
    case Kind::kSettledOtherwise:
      return ProblemReply(
          409, "the e-mail of item " + text + " was settled before as \"" + settled->settled + "\"",
          {{"/decision", "differs from the decision on record"}});
    case Kind::kSettled:
    case Kind::kAlreadySettled:
      break;
  }
  return JsonReply(200, "{\"job\":" + jobs::JsonString(job_id) +
                            ",\"index\":" + std::to_string(index) +
                            ",\"decision\":" + jobs::JsonString(settled->settled) +
                            ",\"email_status\":" + jobs::JsonString(settled->email_status) + "}");
}

}  // namespace parting::server
