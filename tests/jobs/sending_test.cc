// Sending: a job's items with delivery.email go through a real SMTP server
// (Debian's aiosmtpd, started here on loopback, writing a Maildir). When the
// sending worker is killed mid-job, an e-mail it had not finished is sent by
// the next worker unless it may already have been delivered (killed after
// the final "."; then "unconfirmed"); every e-mail the manifest calls "sent"
// arrived exactly once with its PDF. A cancelled job sends nothing.
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/StreamSocket.h>
#include <doctest/doctest.h>

#include <map>

#include "jobs/job_client.h"
#include "jobs/smtp_server.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

// `count` English letters, each to its own address.
std::string MailBody(int count, const std::string& tag) {
  std::string body = "[";
  for (int i = 0; i < count; ++i) {
    auto request = Json(SampleRequest("en"));
    Poco::JSON::Object::Ptr email = new Poco::JSON::Object;
    email->set("to", tag + "-" + std::to_string(i) + "@client.example");
    Poco::JSON::Object::Ptr delivery = new Poco::JSON::Object;
    delivery->set("email", email);
    request->set("delivery", delivery);
    std::ostringstream text;
    Poco::JSON::Stringifier::stringify(request, text);
    body += (i > 0 ? "," : "") + text.str();
  }
  return body + "]";
}

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

TEST_CASE("each e-mail of a job is sent once, even when its worker is killed mid-job") {
  SmtpServer smtp;
  const std::string location = NewSqliteLocation();
  const std::string data_dir = std::filesystem::path(location.substr(7)).parent_path().string();
  ServerProcess server({"--data-dir", data_dir, "--no-worker"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  const auto port = server.port();
  constexpr int kLetters = 12;
  const HttpResult created = Call(port, "POST", "/v1/jobs", MailBody(kLetters, "kept"));
  REQUIRE_MESSAGE(created.status == 202, created.body);
  const std::string id = Json(created.body)->getValue<std::string>("id");

  const std::vector<std::string> worker_flags = {"--data-dir",     data_dir,        "--smtp-url",
                                                 smtp.url(),       "--job-workers", "1",
                                                 "--job-lease-ms", "1000"};
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
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    statuses = EmailStatuses(port, id);
    REQUIRE(std::chrono::steady_clock::now() < deadline);
  } while (statuses["pending"] + statuses["sending"] + statuses["delivering"] > 0);
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
}

}  // namespace
}  // namespace parting::testing
