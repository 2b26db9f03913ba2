#include "server/job_handlers.h"

#include <algorithm>
#include <charconv>

#include "batch/download_name.h"
#include "jobs/batch_seam.h"
#include "jobs/callback_allow_list.h"
#include "jobs/job_json.h"
#include "jobs/job_store.h"
#include "server/access_log.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/request_body.h"

namespace parting::server {
namespace {

constexpr std::string_view kIdempotencyHeader = "Idempotency-Key";
constexpr std::size_t kMaxIdempotencyKey = 255;
constexpr std::string_view kArchiveName = "letters.zip";

bool IsVisibleAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

std::string Location(const std::string& id) { return "/v1/jobs/" + id; }

}  // namespace

HttpReply JsonReply(int status, std::string body) {
  HttpReply reply;
  reply.status = status;
  reply.content_type = "application/json";
  reply.body = std::move(body);
  return reply;
}

// A store that cannot answer: 503, the cause in the log only.
HttpReply JobStoreUnavailable(const parting::Status& status) {
  LogServerMessage("jobs: " + status.message(), "error");
  HttpReply reply = ProblemReply(503, "the job store is unavailable; retry after a few seconds");
  reply.headers.emplace_back("Retry-After", "5");
  return reply;
}

HttpReply UnknownJobReply() { return ProblemReply(404, "there is no such job"); }

JobHandler::JobHandler(const ServiceContext& context, Route route, std::string_view route_name,
                       std::vector<std::string> params)
    : EndpointHandler(route_name), context_(context), route_(route), params_(std::move(params)) {}

HttpReply JobHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  if (!context_.job_store)
    return ProblemReply(503, "jobs are not available on this server (no job store)");
  switch (route_) {
    case Route::kCreate:
      return Create(request);
    case Route::kStatus:
      return Status();
    case Route::kCancel:
      return Cancel();
    case Route::kManifest:
      return Manifest();
    case Route::kLetter:
      return Letter();
    case Route::kArchive:
      return Archive();
  }
  return UnknownJobReply();
}

HttpReply JobHandler::Create(Poco::Net::HTTPServerRequest& request) {
  std::vector<FieldError> header_errors;
  const std::string key = request.get(std::string(kIdempotencyHeader), "");
  if (request.has(std::string(kIdempotencyHeader)) &&
      (key.empty() || key.size() > kMaxIdempotencyKey || !IsVisibleAscii(key)))
    header_errors.push_back(
        {"/headers/Idempotency-Key", "must be 1 to 255 visible ASCII characters"});
  const std::string callback = request.get(std::string(jobs::kCallbackHeader), "");
  if (request.has(std::string(jobs::kCallbackHeader))) {
    const parting::Status allowed = context_.callback_allow
                                        ? context_.callback_allow->Check(callback)
                                        : jobs::CallbackAllowList().Check(callback);
    if (!allowed.ok())
      header_errors.insert(header_errors.end(), allowed.errors().begin(), allowed.errors().end());
  }
  if (!header_errors.empty())
    return ProblemReply(422, "a header of the request is invalid", header_errors);

  const BatchSettings& settings = context_.batch;
  const bool json_lines = jobs::IsJsonLinesType(request.getContentType());
  JsonBody body = ReadBody(
      request, settings.max_body_bytes, json_lines || IsJsonContentType(request.getContentType()),
      "a job must be sent as application/json (an array) or application/x-ndjson (UTF-8)");
  if (!body.text) return body.problem;
  auto items = jobs::SplitBatchBody(*body.text, json_lines);
  if (!items.ok()) return StatusReply(items.status());
  if (items->empty()) return ProblemReply(422, "the job holds no requests");
  if (items->size() > settings.max_items)
    return ProblemReply(413, "the job holds " + std::to_string(items->size()) +
                                 " requests; the limit is " + std::to_string(settings.max_items) +
                                 " (--max-batch-items)");

  jobs::NewJob job;
  job.id = jobs::NewJobId();
  // The same bytes sent as an array or as JSON Lines are different batches.
  job.body_sha256 = jobs::Sha256(std::string(json_lines ? "ndjson\n" : "json\n") + *body.text);
  job.idempotency_key = key;
  job.callback_url = callback;
  job.items.reserve(items->size());
  for (std::size_t i = 0; i < items->size(); ++i)
    job.items.push_back(
        jobs::ValidateItem(*context_.engine, *settings.cover_notes, (*items)[i], i));

  auto created = context_.job_store->Create(job);
  if (!created.ok()) return JobStoreUnavailable(created.status());
  if (created->kind == jobs::CreateOutcome::Kind::kKeyConflict)
    return ProblemReply(409, "this Idempotency-Key was used before with another body",
                        {{"/headers/Idempotency-Key", "was used for another job"}});
  auto stored = context_.job_store->Find(created->id);
  if (!stored.ok()) return JobStoreUnavailable(stored.status());
  if (!stored->has_value()) return UnknownJobReply();  // deleted at once: retention 0
  const bool fresh = created->kind == jobs::CreateOutcome::Kind::kCreated;
  HttpReply reply = JsonReply(fresh ? 202 : 200, jobs::JobJson(**stored));
  reply.headers.emplace_back("Location", Location(created->id));
  return reply;
}

HttpReply JobHandler::Status() {
  auto job = context_.job_store->Find(params_.at(0));
  if (!job.ok()) return JobStoreUnavailable(job.status());
  if (!job->has_value()) return UnknownJobReply();
  return JsonReply(200, jobs::JobJson(**job));
}

HttpReply JobHandler::Cancel() {
  const std::string& id = params_.at(0);
  auto cancelled = context_.job_store->Cancel(id);
  if (!cancelled.ok()) return JobStoreUnavailable(cancelled.status());
  auto job = context_.job_store->Find(id);
  if (!job.ok()) return JobStoreUnavailable(job.status());
  if (!job->has_value()) return UnknownJobReply();
  if (!*cancelled && (*job)->status != jobs::kCancelled)
    return ProblemReply(
        409, "the job has already ended (" + (*job)->status + "): there is nothing left to cancel");
  return JsonReply(200, jobs::JobJson(**job));
}

HttpReply JobHandler::Manifest() {
  const std::string& id = params_.at(0);
  auto job = context_.job_store->Find(id);
  if (!job.ok()) return JobStoreUnavailable(job.status());
  if (!job->has_value()) return UnknownJobReply();
  auto items = context_.job_store->Items(id);
  if (!items.ok()) return JobStoreUnavailable(items.status());
  return JsonReply(200, jobs::JobManifestJson(*items));
}

HttpReply JobHandler::Letter() {
  const std::string& id = params_.at(0);
  const std::string& text = params_.at(1);
  std::int64_t index = -1;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), index);
  if (failure != std::errc() || end != text.data() + text.size() || index < 0)
    return ProblemReply(404, "there is no such item: items are numbered from 0");
  auto item = context_.job_store->Item(id, index);
  if (!item.ok()) return JobStoreUnavailable(item.status());
  if (!item->has_value()) {
    auto job = context_.job_store->Find(id);
    if (!job.ok()) return JobStoreUnavailable(job.status());
    return job->has_value() ? ProblemReply(404, "the job has no item " + text) : UnknownJobReply();
  }
  const jobs::ItemSummary& summary = (*item)->summary;
  if (summary.status == jobs::kPending || summary.status == jobs::kClaimed)
    return ProblemReply(409, "item " + text + " is not rendered yet");
  if (summary.status == jobs::kCancelled)
    return ProblemReply(409, "item " + text + " was cancelled before it was rendered");
  if (summary.status != jobs::kOk)
    return ProblemReply(422, "item " + text + " was " + summary.status + ": see its errors",
                        jobs::ItemErrors(summary));
  HttpReply reply;
  reply.content_type = "application/pdf";
  reply.body = std::move((*item)->pdf);
  reply.headers.emplace_back("Content-Disposition",
                             batch::AttachmentDisposition(jobs::ItemFileName(summary)));
  return reply;
}

HttpReply JobHandler::Archive() {
  const std::string& id = params_.at(0);
  auto job = context_.job_store->Find(id);
  if (!job.ok()) return JobStoreUnavailable(job.status());
  if (!job->has_value()) return UnknownJobReply();
  if ((*job)->status != jobs::kDone)
    return ProblemReply(409, "the archive is ready once the job is done; it is " + (*job)->status);
  HttpReply reply;
  reply.content_type = "application/zip";
  reply.headers.emplace_back("Content-Disposition",
                             batch::AttachmentDisposition(std::string(kArchiveName)));
  reply.stream = [store = context_.job_store, id](std::ostream& out) {
    const parting::Status status = jobs::WriteJobArchive(
        [&](const std::function<parting::Status(jobs::ItemBytes&)>& each) {
          return store->ForEachItem(id, each);
        },
        out);
    if (!status.ok()) LogServerMessage("/v1/jobs/{id}/archive: " + status.message(), "error");
  };
  return reply;
}

}  // namespace parting::server
