// Idle workers do not poll: a job created while every worker sleeps is
// claimed at once, because the store wakes them (in the same process
// directly; across processes through PostgreSQL LISTEN/NOTIFY, also after
// the database went away and came back, or, on SQLite, through the write
// to the database's log that inotify reports). The workers here are given a
// fallback poll of a minute, so that each bound below holds only through a
// wake-up.
#include <doctest/doctest.h>

#include <map>

#include "jobs/job_client.h"
#include "jobs/smtp_server.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

constexpr char kLongPoll[] = "60000";
// Far below the fallback poll, far above a claim and one render on a busy machine.
constexpr auto kBound = std::chrono::seconds(20);

// Seconds from POST /v1/jobs (one letter) to the job being done, after the
// workers had time to go idle. Retries while the store answers 503.
double SecondsToDone(std::uint16_t port) {
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // every worker asleep
  const auto begun = std::chrono::steady_clock::now();
  HttpResult created;
  do {
    created = Call(port, "POST", "/v1/jobs", BatchBody(1));
    if (created.status == 503) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  } while (created.status == 503 && std::chrono::steady_clock::now() - begun < kBound);
  REQUIRE_MESSAGE(created.status == 202, created.body);
  const std::string id = Json(created.body)->getValue<std::string>("id");
  while (Json(Call(port, "GET", "/v1/jobs/" + id).body)->getValue<std::string>("status") !=
         "done") {
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() - begun < kBound,
                    "the idle worker was not woken");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - begun).count();
}

void WaitForLog(const WorkerProcess& worker, const std::string& text) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  const auto log = [&] {
    try {
      return worker.Log();
    } catch (const std::exception&) {
      return std::string();  // not written yet
    }
  };
  while (log().find(text) == std::string::npos) {
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, log());
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

TEST_CASE("an idle worker in the same process is woken when a job is created (SQLite)") {
  const std::string location = NewSqliteLocation();
  ServerProcess server({"--data-dir",
                        std::filesystem::path(location.substr(7)).parent_path().string(),
                        "--job-poll-ms", kLongPoll});
  REQUIRE_MESSAGE(server.running(), server.Log());
  MESSAGE("created to done: " << SecondsToDone(server.port()) << " s");
  MESSAGE("created to done: " << SecondsToDone(server.port()) << " s");
}

TEST_CASE("an idle worker process is woken by another process's write to the log (SQLite)") {
  const std::string location = NewSqliteLocation();
  const std::string dir = std::filesystem::path(location.substr(7)).parent_path().string();
  ServerProcess server({"--data-dir", dir, "--no-worker"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  WorkerProcess worker({"--data-dir", dir, "--job-workers", "1", "--job-poll-ms", kLongPoll});
  WaitForLog(worker, "working jobs");
  MESSAGE("created to done: " << SecondsToDone(server.port()) << " s");
}

TEST_CASE("an idle worker makes an e-mail unconfirmed as soon as its sender's lease ends") {
  SmtpServer relay;
  const std::string location = NewSqliteLocation();
  const std::string dir = std::filesystem::path(location.substr(7)).parent_path().string();
  auto store = OpenStore(location);
  // Two e-mails being written by senders of their own, before the worker
  // starts (it would otherwise take the items to render): `job`'s sender
  // will die after its final ".", `other`'s will put its e-mail back to be
  // sent a little later.
  std::map<std::string, jobs::EmailToSend> sending;  // by job
  std::map<std::string, std::string> owner;          // by job
  const std::string job = JobWithEmail(*store);
  const std::string other = JobWithEmail(*store);
  for (const char* sender : {"a", "b"}) {
    auto claimed = store->ClaimEmail(sender, jobs::NowMs() + 600000);
    REQUIRE(claimed.ok());
    REQUIRE(claimed->has_value());
    sending[(*claimed)->job_id] = **claimed;
    owner[(*claimed)->job_id] = sender;
  }
  WorkerProcess worker({"--data-dir", dir, "--job-workers", "1", "--job-poll-ms", kLongPoll,
                        "--smtp-url", relay.url()});
  WaitForLog(worker, "working jobs");
  const auto begun = std::chrono::steady_clock::now();
  // The dying sender's lease ends in 1.5 s. The other e-mail is due 0.3 s
  // before: the worker's check for ended leases then comes just before the
  // end, its next one only a second later, and by then it sleeps.
  REQUIRE(store->MarkEmailDelivering(owner[job], sending[job], jobs::NowMs() + 1500).value());
  REQUIRE(
      store->FinishEmail(owner[other], sending[other], "pending", "", jobs::NowMs() + 1200).ok());
  while (store->Items(job).value().front().email_status != "unconfirmed") {
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() - begun < kBound, worker.Log());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK(store->Items(job).value().front().email_status == "unconfirmed");
  MESSAGE("unconfirmed after "
          << std::chrono::duration<double>(std::chrono::steady_clock::now() - begun).count()
          << " s");
}

TEST_CASE(
    "an idle worker process is woken through LISTEN/NOTIFY, also after a restart (PostgreSQL)") {
  Postgres& postgres = Postgres::Instance();
  const std::string location = postgres.NewDatabase();
  ServerProcess server({"--database", location, "--no-worker"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  WorkerProcess worker({"--database", location, "--job-workers", "1", "--job-poll-ms", kLongPoll});
  WaitForLog(worker, "working jobs");
  MESSAGE("created to done: " << SecondsToDone(server.port()) << " s");

  // The database goes away and returns: the worker listens again by itself.
  postgres.Stop();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  postgres.Start();
  WaitForLog(worker, "listening for new work again");
  MESSAGE("after the restart, created to done: " << SecondsToDone(server.port()) << " s");
}

}  // namespace
}  // namespace parting::testing
