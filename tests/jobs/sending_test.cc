// Sending: a job's items with delivery.email go through a real SMTP server
// (Debian's aiosmtpd, started here on loopback, writing a Maildir). When the
// sending worker is killed mid-job, an e-mail it had not finished is sent by
// the next worker unless it may already have been delivered (killed after
// the final "."; then "unconfirmed"); every e-mail the manifest calls "sent"
// arrived exactly once with its PDF. A cancelled job sends nothing. An
// e-mail left "unconfirmed" is settled as an operator would, through the
// HTTP route: the relay's Maildir searched for its Message-ID, then "sent"
// or "resend"; after that every e-mail has arrived exactly once. On SQLite
// and on PostgreSQL.
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/StreamSocket.h>
#include <doctest/doctest.h>

#include <map>

#include "jobs/job_client.h"
#include "jobs/smtp_server.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

std::map<std::string, int> EmailStatuses(std::uint16_t port, const std::string& id) {
  std::map<std::string, int> counts;
  auto items = Json(Call(port, "GET", "/v1/jobs/" + id + "/manifest").body)->getArray("items");
  for (std::size_t i = 0; i < items->size(); ++i)
    ++counts[items->getObject(static_cast<unsigned>(i))->getValue<std::string>("email_status")];
  return counts;
}

int MessagesTo(const std::vector<std::string>& messages, const std::string& address) {
  int count = 0;
  for (const std::string& message : messages)
    if (message.find("To: " + address) != std::string::npos ||
        message.find("<" + address + ">") != std::string::npos)
      ++count;
  return count;
}

// What the operator does with an unconfirmed e-mail: look for its
// Message-ID in the relay's log (here its Maildir) and settle it over HTTP.
void SettleLikeAnOperator(std::uint16_t port, const std::string& id, const SmtpServer& smtp) {
  const HttpResult listed = Call(port, "GET", "/v1/jobs/" + id + "/emails/unconfirmed");
  REQUIRE(listed.status == 200);
  auto emails = Json(listed.body)->getArray("emails");
  for (std::size_t i = 0; i < emails->size(); ++i) {
    auto email = emails->getObject(static_cast<unsigned>(i));
    const std::string message_id = email->getValue<std::string>("message_id");
    REQUIRE(message_id.starts_with("<"));
    bool in_log = false;
    for (const std::string& message : smtp.Messages())
      in_log = in_log || message.find("Message-ID: " + message_id) != std::string::npos;
    const std::string decision = in_log ? "sent" : "resend";
    MESSAGE("item " << email->getValue<int>("index") << " unconfirmed: settled as " << decision);
    const HttpResult settled =
        Send(port, {"PUT",
                    "/v1/jobs/" + id + "/emails/" + std::to_string(email->getValue<int>("index")) +
                        "/settlement",
                    R"({"decision":")" + decision + R"("})",
                    "application/json",
                    false,
                    {}});
    CHECK_MESSAGE(settled.status == 200, settled.body);
  }
}

void CheckSending(const std::string& location) {
  SmtpServer smtp;
  const std::vector<std::string> store_flags = StoreFlags(location);
  std::vector<std::string> serve_flags = store_flags;
  serve_flags.push_back("--no-worker");
  ServerProcess server(serve_flags);
  REQUIRE_MESSAGE(server.running(), server.Log());
  const auto port = server.port();
  constexpr int kLetters = 12;
  const HttpResult created = Call(port, "POST", "/v1/jobs", MailBody(kLetters, "kept"));
  REQUIRE_MESSAGE(created.status == 202, created.body);
  const std::string id = Json(created.body)->getValue<std::string>("id");

  std::vector<std::string> worker_flags = store_flags;
  for (const std::string& flag :
       {std::string("--smtp-url"), smtp.url(), std::string("--job-workers"), std::string("1"),
        std::string("--job-lease-ms"), std::string("1000")})
    worker_flags.push_back(flag);
  {
    WorkerProcess doomed(worker_flags);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (EmailStatuses(port, id)["sent"] < 2) {
      REQUIRE(std::chrono::steady_clock::now() < deadline);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    doomed.KillHard();
  }
  // Created and cancelled while no worker runs: never sent.
  const HttpResult cancelled = Call(port, "POST", "/v1/jobs", MailBody(3, "cancelled"));
  REQUIRE(cancelled.status == 202);
  const std::string cancelled_id = Json(cancelled.body)->getValue<std::string>("id");
  REQUIRE(Call(port, "DELETE", "/v1/jobs/" + cancelled_id).status == 200);

  WorkerProcess survivor(worker_flags);
  WaitForJob(port, id);
  std::map<std::string, int> statuses;
  const auto settled = [&] {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    do {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      statuses = EmailStatuses(port, id);
      REQUIRE(std::chrono::steady_clock::now() < deadline);
    } while (statuses["pending"] + statuses["sending"] + statuses["delivering"] > 0);
  };
  settled();
  // SIGTERM: the e-mail in hand (if any) is finished and recorded.
  CHECK(survivor.Terminate() == 0);
  statuses = EmailStatuses(port, id);
  // A kill inside one SMTP conversation before its final "." leaves an
  // e-mail that the survivor sends; after it, one that is "unconfirmed".
  CHECK(statuses["sent"] + statuses["unconfirmed"] == kLetters);
  CHECK(statuses["unconfirmed"] <= 1);
  CHECK(statuses["failed"] == 0);

  std::vector<std::string> messages = smtp.Messages();
  // The relay's "250" may come a moment before its file is in the Maildir.
  for (int wait = 0; wait < 50 && static_cast<int>(messages.size()) < statuses["sent"]; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    messages = smtp.Messages();
  }
  CAPTURE(messages.size());
  auto items = Json(Call(port, "GET", "/v1/jobs/" + id + "/manifest").body)->getArray("items");
  for (int i = 0; i < kLetters; ++i) {
    CAPTURE(i);
    auto item = items->getObject(static_cast<unsigned>(i));
    const int arrived = MessagesTo(messages, "kept-" + std::to_string(i) + "@client.example");
    if (item->getValue<std::string>("email_status") == "sent") {
      CHECK(arrived == 1);
      CHECK(item->getValue<std::string>("email_reply").starts_with("250"));
    } else {
      CHECK(arrived <= 1);  // "unconfirmed": at most once
    }
  }
  int with_pdf = 0;
  for (const std::string& message : messages)
    if (message.find("application/pdf") != std::string::npos) ++with_pdf;
  CHECK(with_pdf == static_cast<int>(messages.size()));
  for (int i = 0; i < 3; ++i)
    CHECK(MessagesTo(messages, "cancelled-" + std::to_string(i) + "@client.example") == 0);

  // The operator settles what is unconfirmed; a worker sends what is to be
  // resent. Then every letter has arrived exactly once.
  SettleLikeAnOperator(port, id, smtp);
  WorkerProcess resender(worker_flags);
  settled();
  CHECK(statuses["sent"] == kLetters);
  messages = smtp.Messages();
  for (int wait = 0; wait < 50 && static_cast<int>(messages.size()) < kLetters; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    messages = smtp.Messages();
  }
  for (int i = 0; i < kLetters; ++i) {
    CAPTURE(i);
    CHECK(MessagesTo(messages, "kept-" + std::to_string(i) + "@client.example") == 1);
  }
}

TEST_CASE("each e-mail of a job is sent once, even when its worker is killed mid-job (SQLite)") {
  CheckSending(NewSqliteLocation());
}

TEST_CASE(
    "each e-mail of a job is sent once, even when its worker is killed mid-job (PostgreSQL)") {
  CheckSending(Postgres::Instance().NewDatabase());
}

}  // namespace
}  // namespace parting::testing
