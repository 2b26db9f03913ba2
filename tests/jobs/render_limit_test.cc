// The render time limit of job items: the service's --request-timeout-ms
// holds for a job's letters as for every other route. With a limit of 1 ms
// (no letter of ten pages renders that fast) every item of a real job, rendered by a
// `parting worker` given the limit and by serve's own job worker, is failed
// with the synchronous batch's message for a timed-out letter, its e-mail
// never goes to the relay (a real aiosmtpd), and the job's archive is the
// synchronous batch's under the same limit, byte for byte. With the default
// limit the same job renders and its e-mails are sent. On SQLite and on
// PostgreSQL.
#include <doctest/doctest.h>

#include "jobs/job_client.h"
#include "jobs/smtp_server.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

constexpr int kLetters = 3;
// What the manifest says of a failed letter, and what the log says of one
// that took too long (the synchronous batch's words for both).
constexpr std::string_view kNotProduced = "the letter could not be produced; the log has details";
constexpr std::string_view kTimedOut = "the letter took longer than the time limit of 1 ms";

// MailBody(kLetters, tag) with letters of ten pages or so, each its own
// words (so that no paragraph is set from the layout's cache): none
// renders within 1 ms, whereas a short repeated letter can, and so could
// a three-page one once a German letter took 0.7 ms.
std::string SlowLetters(const std::string& tag) {
  static const char* const kWords[] = {"review",   "proposal", "migration", "workshop", "budget",
                                       "schedule", "report",   "decline",   "delay",    "scope"};
  auto body = Poco::JSON::Parser().parse(MailBody(kLetters, tag)).extract<Poco::JSON::Array::Ptr>();
  unsigned seed = 7;
  for (unsigned i = 0; i < body->size(); ++i) {
    Poco::JSON::Array::Ptr situations = new Poco::JSON::Array;
    for (int k = 0; k < 40; ++k) {
      std::string text = "Meeting " + std::to_string(i) + "." + std::to_string(k) + ":";
      while (text.size() < 400) {
        seed = seed * 1103515245 + 12345;
        text += std::string(" ") + kWords[(seed >> 16) % 10];
      }
      Poco::JSON::Object::Ptr situation = new Poco::JSON::Object;
      situation->set("date", "2026-06-12");
      situation->set("text", text);
      situations->add(situation);
    }
    body->getObject(i)->getObject("termination")->set("documented_situations", situations);
  }
  std::ostringstream text;
  Poco::JSON::Stringifier::stringify(body, text);
  return text.str();
}

// Creates a job of SlowLetters(tag) and waits until it is done.
std::string DoneJob(std::uint16_t port, const std::string& tag) {
  const HttpResult created = Call(port, "POST", "/v1/jobs", SlowLetters(tag));
  REQUIRE_MESSAGE(created.status == 202, created.body);
  const std::string id = Json(created.body)->getValue<std::string>("id");
  CHECK(WaitForJob(port, id)->getValue<std::string>("status") == "done");
  return id;
}

// Every item of job `id` failed for the 1 ms limit, as the log of the
// process that rendered it says, and none is to be sent.
void CheckTimedOut(std::uint16_t port, const std::string& id, const std::string& log) {
  const auto manifest = Json(Call(port, "GET", "/v1/jobs/" + id + "/manifest").body);
  const auto items = manifest->getArray("items");
  REQUIRE(items->size() == kLetters);
  for (unsigned i = 0; i < items->size(); ++i) {
    CAPTURE(i);
    const auto item = items->getObject(i);
    CHECK(item->getValue<std::string>("status") == "failed");
    CHECK(item->getValue<std::string>("email_status") == "not_requested");
    const auto errors = item->getArray("errors");
    REQUIRE(errors->size() == 1);
    CHECK(errors->getObject(0)->getValue<std::string>("message") == kNotProduced);
    CHECK(log.find("jobs: item " + std::to_string(i) + " of job " + id +
                   " failed: " + std::string(kTimedOut)) != std::string::npos);
  }
  CHECK(manifest->getObject("totals")->getValue<int>("failed") == kLetters);
  CHECK(Call(port, "GET", "/v1/jobs/" + id + "/letters/0").status != 200);
}

int MessagesTo(const std::vector<std::string>& messages, const std::string& tag) {
  int count = 0;
  for (const std::string& message : messages)
    for (int i = 0; i < kLetters; ++i)
      if (message.find(tag + "-" + std::to_string(i) + "@client.example") != std::string::npos)
        ++count;
  return count;
}

void CheckRenderLimit(const std::string& location) {
  SmtpServer smtp;
  const std::vector<std::string> store = StoreFlags(location);
  std::string job_archive;
  {
    // serve's own job worker under serve's limit.
    ServerProcess server(With(store, {"--request-timeout-ms", "1", "--smtp-url", smtp.url()}));
    REQUIRE_MESSAGE(server.running(), server.Log());
    const std::string id = DoneJob(server.port(), "serve");
    CheckTimedOut(server.port(), id, server.Log());
    const HttpResult archive = Call(server.port(), "GET", "/v1/jobs/" + id + "/archive");
    REQUIRE(archive.status == 200);
    job_archive = archive.body;
  }
  // The synchronous batch of the same body under the same limit gives the
  // same archive. (In a new process: the first one's layout cache holds
  // these letters' paragraphs, which would now set in less than 1 ms.)
  ServerProcess server(With(store, {"--no-worker", "--request-timeout-ms", "1"}));
  REQUIRE_MESSAGE(server.running(), server.Log());
  const auto port = server.port();
  const HttpResult batch = Call(port, "POST", "/v1/letters/batch", SlowLetters("serve"));
  REQUIRE(batch.status == 200);
  CHECK(batch.response.get("Parting-Batch-Accepted") == std::to_string(kLetters));
  CHECK(job_archive == batch.body);
  for (int i = 0; i < kLetters; ++i)
    CHECK(server.Log().find("/v1/letters/batch: item " + std::to_string(i) +
                            " failed: " + std::string(kTimedOut)) != std::string::npos);
  const std::vector<std::string> sending =
      With(store, {"--smtp-url", smtp.url(), "--job-workers", "1"});
  {
    WorkerProcess limited(With(sending, {"--request-timeout-ms", "1"}));
    const std::string id = DoneJob(port, "worker");
    CheckTimedOut(port, id, limited.Log());
    CHECK(limited.Terminate() == 0);
  }
  // The default limit: the same letters render and go out, and the failed
  // ones above are not sent by this worker either.
  WorkerProcess worker(sending);
  const std::string id = DoneJob(port, "default");
  const auto manifest = Json(Call(port, "GET", "/v1/jobs/" + id + "/manifest").body);
  CHECK(manifest->getObject("totals")->getValue<int>("ok") == kLetters);
  std::vector<std::string> messages;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (static_cast<int>((messages = smtp.Messages()).size()) < kLetters) {
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(worker.Terminate() == 0);
  messages = smtp.Messages();
  CHECK(MessagesTo(messages, "default") == kLetters);
  CHECK(MessagesTo(messages, "serve") == 0);
  CHECK(MessagesTo(messages, "worker") == 0);
}

TEST_CASE("a job item over the render time limit fails as in the batch and is not sent (SQLite)") {
  CheckRenderLimit(NewSqliteLocation());
}

TEST_CASE(
    "a job item over the render time limit fails as in the batch and is not sent (PostgreSQL)") {
  CheckRenderLimit(Postgres::Instance().NewDatabase());
}

}  // namespace
}  // namespace parting::testing
