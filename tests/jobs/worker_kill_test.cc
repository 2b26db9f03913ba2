// Workers that die: a `parting worker` killed with SIGKILL mid-job loses
// nothing (its claims expire and another worker renders the items, each
// stored once), and one stopped with SIGTERM finishes the item in hand and
// leaves no claim behind. Also a store that goes away and comes back.
#include <doctest/doctest.h>

#include <set>

#include "jobs/job_client.h"
#include "jobs/job_store.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

// Enough letters that a stop or kill right after the third is stored still
// comes mid-job (a letter now renders in about a millisecond).
constexpr int kLetters = 200;

int Totals(std::uint16_t port, const std::string& id, const std::string& field) {
  return Json(Call(port, "GET", "/v1/jobs/" + id).body)->getObject("totals")->getValue<int>(field);
}

void WaitUntilOk(std::uint16_t port, const std::string& id, int at_least) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (Totals(port, id, "ok") < at_least) {
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// POST /v1/jobs; the new job's id.
std::string PostJob(std::uint16_t port, const std::string& body) {
  const HttpResult created = Call(port, "POST", "/v1/jobs", body);
  REQUIRE_MESSAGE(created.status == 202, created.body);
  return Json(created.body)->getValue<std::string>("id");
}

void CheckKilledWorker(const std::string& location, const std::vector<std::string>& store_flags) {
  std::vector<std::string> serve_flags = store_flags;
  serve_flags.push_back("--no-worker");
  ServerProcess server(serve_flags);
  REQUIRE_MESSAGE(server.running(), server.Log());
  const auto port = server.port();
  const std::string body = BatchBody(kLetters);
  const std::string id = PostJob(port, body);

  std::vector<std::string> worker_flags = store_flags;
  for (const char* flag : {"--job-workers", "2", "--job-lease-ms", "1500"})
    worker_flags.push_back(flag);
  {
    WorkerProcess doomed(worker_flags);
    WaitUntilOk(port, id, 3);
    doomed.KillHard();  // mid-job: its claims stay behind until they expire
  }
  const int ok_at_kill = Totals(port, id, "ok");
  CHECK(ok_at_kill < kLetters);

  WorkerProcess survivor(worker_flags);
  auto job = WaitForJob(port, id);
  CHECK(job->getValue<std::string>("status") == "done");
  CHECK(job->getObject("totals")->getValue<int>("ok") == kLetters);

  // Every letter once, in its place: the archive is the synchronous batch's.
  const HttpResult archive = Call(port, "GET", "/v1/jobs/" + id + "/archive");
  REQUIRE(archive.status == 200);
  CHECK(archive.body == Call(port, "POST", "/v1/letters/batch", body).body);
  auto items = Json(Call(port, "GET", "/v1/jobs/" + id + "/manifest").body)->getArray("items");
  std::set<std::string> files;
  for (std::size_t i = 0; i < items->size(); ++i)
    files.insert(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("file"));
  CHECK(files.size() == kLetters);

  // SIGTERM: the item in hand is finished and stored, no claim is left.
  const HttpResult next = Call(port, "POST", "/v1/jobs", BatchBody(kLetters));
  REQUIRE(next.status == 202);
  const std::string next_id = Json(next.body)->getValue<std::string>("id");
  WaitUntilOk(port, next_id, 2);
  CHECK(survivor.Terminate() == 0);
  CHECK(survivor.Log().find("finishing the items in hand") != std::string::npos);
  auto store = OpenStore(location);
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->claimed == 0);
}

TEST_CASE("a worker killed mid-job loses nothing (SQLite)") {
  const std::string location = NewSqliteLocation();
  CheckKilledWorker(
      location, {"--data-dir", std::filesystem::path(location.substr(7)).parent_path().string()});
}

TEST_CASE("a worker killed mid-job loses nothing (PostgreSQL)") {
  const std::string location = Postgres::Instance().NewDatabase();
  CheckKilledWorker(location, {"--database", location});
}

TEST_CASE("a PostgreSQL that goes away makes job routes answer 503, and they recover") {
  Postgres& postgres = Postgres::Instance();
  const std::string location = postgres.NewDatabase();
  ServerProcess server({"--database", location, "--no-worker"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  const HttpResult created = Call(server.port(), "POST", "/v1/jobs", BatchBody(2));
  REQUIRE(created.status == 202);
  const std::string id = Json(created.body)->getValue<std::string>("id");
  postgres.Stop();
  const HttpResult down = Call(server.port(), "GET", "/v1/jobs/" + id);
  const HttpResult down_create = Call(server.port(), "POST", "/v1/jobs", BatchBody(1));
  postgres.Start();
  CHECK(down.status == 503);
  CHECK(down.response.get("Retry-After", "") != "");
  CHECK(down_create.status == 503);
  CHECK(Call(server.port(), "GET", "/healthz").status == 200);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  HttpResult back;
  do {
    back = Call(server.port(), "GET", "/v1/jobs/" + id);
    if (back.status == 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  } while (std::chrono::steady_clock::now() < deadline);
  CHECK(back.status == 200);
  CHECK(Json(back.body)->getObject("totals")->getValue<int>("pending") == 2);
}

TEST_CASE("a PostgreSQL restarted mid-job: the worker goes on, every letter stored once") {
  Postgres& postgres = Postgres::Instance();
  const std::string location = postgres.NewDatabase();
  ServerProcess server({"--database", location, "--no-worker"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  const auto port = server.port();
  const std::string body = BatchBody(kLetters);
  const std::string id = PostJob(port, body);
  WorkerProcess worker({"--database", location, "--job-workers", "2", "--job-lease-ms", "2000"});
  WaitUntilOk(port, id, 3);
  const int ok_at_stop = Totals(port, id, "ok");
  postgres.Stop();  // mid-job: claims, renders and stores fail meanwhile
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  postgres.Start();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  std::string status;
  while (status != "done") {
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, worker.Log());
    const HttpResult job = Call(port, "GET", "/v1/jobs/" + id);
    if (job.status == 200) status = Json(job.body)->getValue<std::string>("status");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(Totals(port, id, "ok") == kLetters);
  const HttpResult archive = Call(port, "GET", "/v1/jobs/" + id + "/archive");
  REQUIRE(archive.status == 200);
  CHECK(archive.body == Call(port, "POST", "/v1/letters/batch", body).body);
  CHECK(ok_at_stop < kLetters);  // the outage came mid-job
}

}  // namespace
}  // namespace parting::testing
