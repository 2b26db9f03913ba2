// The /v1/jobs routes against the real `parting serve`, once on SQLite and
// once on the tests' own PostgreSQL: creation with every item checked at
// once, idempotency, status, manifest, one letter, the archive (the same
// bytes as POST /v1/letters/batch), cancel, and the answers for what does
// not exist or is not ready.
#include <doctest/doctest.h>

#include "jobs/job_client.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

std::string IdOf(const HttpResult& result) {
  return Json(result.body)->getValue<std::string>("id");
}

void CheckRoutes(const std::string& location) {
  // A replica that does not render: the job waits until a worker comes.
  ServerProcess server(With(StoreFlags(location), {"--no-worker"}));
  REQUIRE_MESSAGE(server.running(), server.Log());
  const auto port = server.port();
  const std::string body = BatchBody(3, {1});

  CHECK(Call(port, "POST", "/v1/jobs", body, {}, "text/plain").status == 415);
  CHECK(Call(port, "POST", "/v1/jobs", "[]").status == 422);
  CHECK(Call(port, "POST", "/v1/jobs", "[{").status == 400);
  CHECK(Call(port, "GET", "/v1/jobs/no-such-job").status == 404);
  CHECK(Call(port, "GET", "/v1/jobs/no-such-job/manifest").status == 404);
  CHECK(Call(port, "GET", "/v1/jobs/no-such-job/letters/0").status == 404);
  CHECK(Call(port, "GET", "/v1/jobs/no-such-job/archive").status == 404);
  CHECK(Call(port, "DELETE", "/v1/jobs/no-such-job").status == 404);

  // Headers are checked before anything is stored, each by its pointer.
  const HttpResult bad_key = Call(port, "POST", "/v1/jobs", body, {{"Idempotency-Key", "a b"}});
  CHECK(bad_key.status == 422);
  CHECK(bad_key.body.find("/headers/Idempotency-Key") != std::string::npos);
  const HttpResult long_key =
      Call(port, "POST", "/v1/jobs", body, {{"Idempotency-Key", std::string(256, 'k')}});
  CHECK(long_key.status == 422);
  const HttpResult callback =
      Call(port, "POST", "/v1/jobs", body, {{"Parting-Callback-Url", "http://127.0.0.1:9/x"}});
  CHECK(callback.status == 422);
  CHECK(callback.body.find("/headers/Parting-Callback-Url") != std::string::npos);

  // Created: 202, Location, the bad item rejected from the start.
  const HttpResult created = Call(port, "POST", "/v1/jobs", body, {{"Idempotency-Key", "job-1"}});
  REQUIRE_MESSAGE(created.status == 202, created.body);
  const std::string id = IdOf(created);
  CHECK(created.response.get("Location") == "/v1/jobs/" + id);
  auto job = Json(created.body);
  CHECK(job->getValue<std::string>("status") == "queued");
  CHECK(job->getObject("totals")->getValue<int>("items") == 3);
  CHECK(job->getObject("totals")->getValue<int>("rejected") == 1);
  CHECK(job->getObject("totals")->getValue<int>("pending") == 2);
  CHECK(job->isNull("finished"));

  // Idempotency: the same key and body → 200 and the same job; another body → 409.
  const HttpResult again = Call(port, "POST", "/v1/jobs", body, {{"Idempotency-Key", "job-1"}});
  CHECK(again.status == 200);
  CHECK(IdOf(again) == id);
  const HttpResult conflict =
      Call(port, "POST", "/v1/jobs", BatchBody(2), {{"Idempotency-Key", "job-1"}});
  CHECK(conflict.status == 409);
  CHECK(conflict.content_type == "application/problem+json");

  // Not rendered yet.
  const HttpResult manifest = Call(port, "GET", "/v1/jobs/" + id + "/manifest");
  REQUIRE(manifest.status == 200);
  auto items = Json(manifest.body)->getArray("items");
  REQUIRE(items->size() == 3);
  CHECK(items->getObject(0)->getValue<std::string>("status") == "pending");
  CHECK(items->getObject(1)->getValue<std::string>("status") == "rejected");
  CHECK(items->getObject(1)->getArray("errors")->size() > 0);
  CHECK(Call(port, "GET", "/v1/jobs/" + id + "/letters/0").status == 409);
  const HttpResult rejected = Call(port, "GET", "/v1/jobs/" + id + "/letters/1");
  CHECK(rejected.status == 422);
  CHECK(rejected.body.find("\"pointer\":\"/") != std::string::npos);
  CHECK(Call(port, "GET", "/v1/jobs/" + id + "/letters/3").status == 404);
  CHECK(Call(port, "GET", "/v1/jobs/" + id + "/letters/x").status == 404);
  CHECK(Call(port, "GET", "/v1/jobs/" + id + "/archive").status == 409);

  // A second job, cancelled before any worker came: never rendered.
  const HttpResult second = Call(port, "POST", "/v1/jobs", BatchBody(2));
  REQUIRE(second.status == 202);
  const std::string cancelled_id = IdOf(second);
  const HttpResult cancel = Call(port, "DELETE", "/v1/jobs/" + cancelled_id);
  CHECK(cancel.status == 200);
  CHECK(Json(cancel.body)->getValue<std::string>("status") == "cancelled");
  CHECK(Call(port, "DELETE", "/v1/jobs/" + cancelled_id).status == 200);

  // A worker process on the same store renders the first job.
  WorkerProcess worker(With(StoreFlags(location), {"--job-workers", "2"}));
  auto done = WaitForJob(port, id);
  CHECK(done->getValue<std::string>("status") == "done");
  CHECK(done->getObject("totals")->getValue<int>("ok") == 2);
  CHECK(done->getObject("totals")->getValue<int>("pending") == 0);
  CHECK_FALSE(done->isNull("finished"));
  CHECK(Call(port, "DELETE", "/v1/jobs/" + id).status == 409);  // nothing left to cancel

  // The archive is the synchronous batch's, byte for byte.
  const HttpResult archive = Call(port, "GET", "/v1/jobs/" + id + "/archive");
  REQUIRE(archive.status == 200);
  CHECK(archive.content_type == "application/zip");
  const HttpResult batch = Call(port, "POST", "/v1/letters/batch", body);
  REQUIRE(batch.status == 200);
  CHECK(archive.body == batch.body);

  const HttpResult letter = Call(port, "GET", "/v1/jobs/" + id + "/letters/2");
  REQUIRE(letter.status == 200);
  CHECK(letter.content_type == "application/pdf");
  CHECK(letter.body.starts_with("%PDF-"));
  CHECK(letter.response.get("Content-Disposition").find("0003-") != std::string::npos);

  // The cancelled job stayed cancelled: nothing rendered, no archive.
  auto cancelled = Json(Call(port, "GET", "/v1/jobs/" + cancelled_id).body);
  CHECK(cancelled->getValue<std::string>("status") == "cancelled");
  CHECK(cancelled->getObject("totals")->getValue<int>("cancelled") == 2);
  CHECK(cancelled->getObject("totals")->getValue<int>("ok") == 0);
  CHECK(Call(port, "GET", "/v1/jobs/" + cancelled_id + "/archive").status == 409);
  CHECK(Call(port, "GET", "/v1/jobs/" + cancelled_id + "/letters/0").status == 409);

  const HttpResult metrics = Call(port, "GET", "/metrics");
  CHECK(metrics.body.find("parting_jobs_items{status=\"ok\"} 2") != std::string::npos);
  CHECK(metrics.body.find("parting_jobs_items{status=\"cancelled\"} 2") != std::string::npos);
  CHECK(metrics.body.find("parting_jobs_queue_age_seconds 0.000") != std::string::npos);
}

TEST_CASE("the job routes on SQLite") { CheckRoutes(NewSqliteLocation()); }

TEST_CASE("the job routes on PostgreSQL") { CheckRoutes(Postgres::Instance().NewDatabase()); }

TEST_CASE("a JSON Lines job is another body than the same requests as an array") {
  const std::string location = NewSqliteLocation();
  ServerProcess server(With(StoreFlags(location), {"--no-worker"}));
  REQUIRE(server.running());
  const std::string line = SampleRequest("en");
  std::string one_line;
  for (char c : line)
    if (c != '\n') one_line += c;
  const HttpResult lines = Call(server.port(), "POST", "/v1/jobs", one_line + "\n" + one_line,
                                {{"Idempotency-Key", "k"}}, "application/x-ndjson");
  REQUIRE(lines.status == 202);
  CHECK(Json(lines.body)->getObject("totals")->getValue<int>("items") == 2);
  const HttpResult array = Call(server.port(), "POST", "/v1/jobs",
                                "[" + one_line + "," + one_line + "]", {{"Idempotency-Key", "k"}});
  CHECK(array.status == 409);
}

TEST_CASE("a job is deleted --job-retention after it ended") {
  const std::string location = NewSqliteLocation();
  ServerProcess server(With(StoreFlags(location), {"--job-retention", "1s"}));
  REQUIRE(server.running());
  // Every item rejected: the job ends at once.
  const HttpResult ended = Call(server.port(), "POST", "/v1/jobs", BatchBody(1, {0}));
  REQUIRE(ended.status == 202);
  const std::string id = IdOf(ended);
  CHECK(Json(ended.body)->getValue<std::string>("status") == "done");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  int status = 200;
  while (status == 200 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    status = Call(server.port(), "GET", "/v1/jobs/" + id).status;
  }
  CHECK(status == 404);
  CHECK(Call(server.port(), "GET", "/v1/jobs/" + id + "/manifest").status == 404);
}

}  // namespace
}  // namespace parting::testing
