// The HTTP routes for e-mails whose delivery is unknown, against the real
// `parting serve` with API keys, once on SQLite and once on the tests' own
// PostgreSQL: listing (all, one job's), settling each way, idempotently,
// the answers for what does not exist or cannot be settled, and a resent
// e-mail arriving at a real SMTP server (aiosmtpd) with its Message-ID.
#include <doctest/doctest.h>

#include "jobs/job_client.h"
#include "jobs/smtp_server.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

constexpr char kKey[] = "unconfirmed-test-key-0123456789";

HttpResult Keyed(std::uint16_t port, const std::string& method, const std::string& uri,
                 const std::string& body = "",
                 const std::string& content_type = "application/json") {
  return Send(port, {method,
                     uri,
                     body,
                     body.empty() ? "" : content_type,
                     false,
                     {{"Authorization", std::string("Bearer ") + kKey}}});
}

HttpResult Settle(std::uint16_t port, const std::string& job, const std::string& index,
                  const std::string& body, const std::string& content_type = "application/json") {
  return Keyed(port, "PUT", "/v1/jobs/" + job + "/emails/" + index + "/settlement", body,
               content_type);
}

bool NamesPointer(const HttpResult& result, const std::string& pointer) {
  return result.body.find("\"pointer\":\"" + pointer + "\"") != std::string::npos;
}

// The store's word (the fixture's items have no manifest entry to show).
std::string EmailStatus(jobs::JobStore& store, const std::string& job) {
  return store.Items(job).value().front().email_status;
}

void CheckRoutes(const std::string& location) {
  SmtpServer relay;
  std::string resent_job, sent_job, plain_job;
  {
    auto store = OpenStore(location);
    resent_job = JobWithEmail(*store);
    MakeUnconfirmed(*store, resent_job);
    sent_job = JobWithEmail(*store);
    MakeUnconfirmed(*store, sent_job);
    jobs::NewJob plain;  // an item rejected at once: no e-mail at all
    plain.id = plain_job = jobs::NewJobId();
    plain.body_sha256 = "p";
    plain.items.push_back({1, "{}", "rejected", "{}", "not_requested"});
    REQUIRE(store->Create(plain).ok());
  }
  const auto folder = TempDir("parting_unconfirmed_keys_");
  WriteFile(folder / "keys", std::string(kKey) + "\n");
  std::vector<std::string> flags = StoreFlags(location);
  for (const std::string& flag : {std::string("--api-keys-file"), (folder / "keys").string(),
                                  std::string("--smtp-url"), relay.url()})
    flags.push_back(flag);
  ServerProcess server(flags);
  REQUIRE_MESSAGE(server.running(), server.Log());
  const auto port = server.port();
  auto store = OpenStore(location);  // beside the server's, as a second replica's

  // /metrics (never keyed) counts them, for an alert.
  CHECK(
      Call(port, "GET", "/metrics").body.find("parting_jobs_emails{status=\"unconfirmed\"} 2\n") !=
      std::string::npos);

  // The API keys guard these routes as every /v1/ route.
  CHECK(Call(port, "GET", "/v1/emails/unconfirmed").status == 401);
  CHECK(Call(port, "GET", "/v1/jobs/" + resent_job + "/emails/unconfirmed").status == 401);
  CHECK(Send(port, {"PUT",
                    "/v1/jobs/" + resent_job + "/emails/0/settlement",
                    R"({"decision":"sent"})",
                    "application/json",
                    false,
                    {}})
            .status == 401);

  // Listed: both e-mails, with what the relay's log can be searched for.
  const HttpResult all = Keyed(port, "GET", "/v1/emails/unconfirmed");
  REQUIRE(all.status == 200);
  auto emails = Json(all.body)->getArray("emails");
  REQUIRE(emails->size() == 2);
  const auto first = emails->getObject(0);
  CHECK(first->getValue<int>("index") == 0);
  CHECK(first->getValue<std::string>("message_id") == "<parting-0123abcd@nordlicht.example>");
  CHECK(first->getValue<std::string>("from") == "office@nordlicht.example");
  CHECK(first->getArray("recipients")->getElement<std::string>(0) == "client@example.com");
  CHECK(first->getValue<std::string>("reason") == jobs::kDeliveryUnknown);
  const HttpResult one = Keyed(port, "GET", "/v1/jobs/" + resent_job + "/emails/unconfirmed");
  REQUIRE(one.status == 200);
  emails = Json(one.body)->getArray("emails");
  REQUIRE(emails->size() == 1);
  CHECK(emails->getObject(0)->getValue<std::string>("job") == resent_job);
  CHECK(Keyed(port, "GET", "/v1/jobs/no-such-job/emails/unconfirmed").status == 404);
  const HttpResult none = Keyed(port, "GET", "/v1/jobs/" + plain_job + "/emails/unconfirmed");
  CHECK(none.status == 200);
  CHECK(Json(none.body)->getArray("emails")->size() == 0);

  // Bad settlements, each named.
  HttpResult bad = Settle(port, resent_job, "0", R"({"decision":"maybe"})");
  CHECK(bad.status == 422);
  CHECK(NamesPointer(bad, "/decision"));
  bad = Settle(port, resent_job, "0", R"({})");
  CHECK(bad.status == 422);
  CHECK(NamesPointer(bad, "/decision"));
  bad = Settle(port, resent_job, "0", R"({"decision":"sent","why":"log"})");
  CHECK(bad.status == 422);
  CHECK(NamesPointer(bad, "/why"));
  CHECK(Settle(port, resent_job, "0", R"({"decision":)").status == 400);
  CHECK(Settle(port, resent_job, "0", "decision=sent", "text/plain").status == 415);
  CHECK(Settle(port, "no-such-job", "0", R"({"decision":"sent"})").status == 404);
  CHECK(Settle(port, resent_job, "1", R"({"decision":"sent"})").status == 404);
  CHECK(Settle(port, resent_job, "x", R"({"decision":"sent"})").status == 404);
  const HttpResult not_unconfirmed = Settle(port, plain_job, "0", R"({"decision":"resend"})");
  CHECK(not_unconfirmed.status == 409);
  CHECK(not_unconfirmed.body.find("not_requested") != std::string::npos);
  CHECK(Keyed(port, "GET", "/v1/jobs/" + resent_job + "/emails/0/settlement").status == 405);
  CHECK(relay.Messages().empty());  // nothing of this sent anything

  // Resend: the same message goes out once more, with its Message-ID.
  const HttpResult resend = Settle(port, resent_job, "0", R"({"decision":"resend"})");
  REQUIRE_MESSAGE(resend.status == 200, resend.body);
  CHECK(Json(resend.body)->getValue<std::string>("decision") == "resend");
  CHECK(Json(resend.body)->getValue<std::string>("email_status") == "pending");
  // Said again (a client's retry): 200, nothing more happens.
  const HttpResult again = Settle(port, resent_job, "0", R"({"decision":"resend"})");
  CHECK(again.status == 200);
  CHECK(Json(again.body)->getValue<std::string>("decision") == "resend");
  const HttpResult other = Settle(port, resent_job, "0", R"({"decision":"sent"})");
  CHECK(other.status == 409);
  CHECK(NamesPointer(other, "/decision"));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (EmailStatus(*store, resent_job) != "sent") {
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, server.Log());
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  for (int wait = 0; wait < 50 && relay.Messages().empty(); ++wait)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto messages = relay.Messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].find("Message-ID: <parting-0123abcd@nordlicht.example>") != std::string::npos);

  // Sent after all: recorded, nothing goes out.
  const HttpResult sent = Settle(port, sent_job, "0", R"({"decision":"sent"})");
  REQUIRE(sent.status == 200);
  CHECK(Json(sent.body)->getValue<std::string>("email_status") == "sent");
  CHECK(EmailStatus(*store, sent_job) == "sent");
  CHECK(Settle(port, sent_job, "0", R"({"decision":"sent"})").status == 200);
  CHECK(Keyed(port, "GET", "/v1/emails/unconfirmed").body == R"({"emails":[]})");
  const std::string metrics = Call(port, "GET", "/metrics").body;
  CHECK(metrics.find("parting_jobs_emails{status=\"unconfirmed\"} 0\n") != std::string::npos);
  CHECK(metrics.find("parting_jobs_emails{status=\"sent\"} 2\n") != std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(relay.Messages().size() == 1);
}

TEST_CASE("unconfirmed e-mails are listed and settled over HTTP (SQLite)") {
  CheckRoutes(NewSqliteLocation());
}

TEST_CASE("unconfirmed e-mails are listed and settled over HTTP (PostgreSQL)") {
  CheckRoutes(Postgres::Instance().NewDatabase());
}

}  // namespace
}  // namespace parting::testing
