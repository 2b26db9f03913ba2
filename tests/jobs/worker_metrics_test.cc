// `parting worker --metrics-port`: a real worker process serves GET /metrics,
// /healthz and /readyz on 127.0.0.1 and nothing else; the letters it renders
// for a job move its own parting_letters_rendered_total{source="job"}; a
// metrics port already in use stops the worker at start-up.
#include <doctest/doctest.h>

#include <map>
#include <regex>

#include "jobs/job_client.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

// The worker's log so far; "" before the child has opened it.
std::string LogSoFar(const WorkerProcess& worker) {
  try {
    return worker.Log();
  } catch (const std::runtime_error&) {
    return "";
  }
}

// The port of "metrics on http://127.0.0.1:PORT/metrics" in the worker's
// log, once it is there.
std::uint16_t WaitForMetricsPort(const WorkerProcess& worker) {
  const std::regex line(R"(metrics on http://127\.0\.0\.1:(\d+)/metrics)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    const std::string log = LogSoFar(worker);
    if (std::regex_search(log, match, line))
      return static_cast<std::uint16_t>(std::stoi(match[1].str()));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  FAIL("the worker announced no metrics port: " << worker.Log());
  return 0;
}

// parting_letters_rendered_total{language=…,source="job"} by language.
std::map<std::string, int> JobLetters(const std::string& exposition) {
  const std::regex sample(
      R"re(parting_letters_rendered_total\{language="(\w+)",source="job"\} (\d+))re");
  std::map<std::string, int> counts;
  for (auto it = std::sregex_iterator(exposition.begin(), exposition.end(), sample);
       it != std::sregex_iterator(); ++it)
    counts[(*it)[1].str()] = std::stoi((*it)[2].str());
  return counts;
}

TEST_CASE("parting worker --metrics-port: its job letters counted on its own /metrics") {
  const std::string location = NewSqliteLocation();
  const std::string data_dir = std::filesystem::path(location.substr(7)).parent_path().string();
  ServerProcess server({"--data-dir", data_dir, "--no-worker"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  WorkerProcess worker({"--data-dir", data_dir, "--job-workers", "1", "--metrics-port", "0"});
  const std::uint16_t port = WaitForMetricsPort(worker);

  const HttpResult health = Get(port, "/healthz");
  CHECK(health.status == 200);
  const HttpResult before = Get(port, "/metrics");
  REQUIRE(before.status == 200);
  CHECK(before.content_type.starts_with("text/plain; version=0.0.4"));
  CHECK(before.body.find("process_resident_memory_bytes") != std::string::npos);
  CHECK(before.body.find("parting_build_info{version=") != std::string::npos);
  const std::map<std::string, int> zero = JobLetters(before.body);
  REQUIRE(zero.size() == 5);  // every language from the start
  for (const auto& [language, count] : zero) CHECK(count == 0);

  // Only the operational routes: the API and the web form are serve's.
  CHECK(Get(port, "/").status == 404);
  CHECK(Get(port, "/v1/languages").status == 404);
  CHECK(PostJson(port, "/v1/letters", SampleRequest("en")).status == 404);
  CHECK(Send(port, {"POST", "/metrics", "", "", false}).status == 405);

  const HttpResult created = Call(server.port(), "POST", "/v1/jobs", BatchBody(4));
  REQUIRE(created.status == 202);
  const auto job = WaitForJob(server.port(), Json(created.body)->getValue<std::string>("id"));
  REQUIRE(job->getObject("totals")->getValue<int>("ok") == 4);
  // BatchBody(4): en, pt, pl, en. The worker counts a letter once stored,
  // which may be a moment after the job reads as done.
  const std::map<std::string, int> expected = {
      {"de", 0}, {"en", 2}, {"pl", 1}, {"pt", 1}, {"th", 0}};
  std::map<std::string, int> after;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  do {
    after = JobLetters(Get(port, "/metrics").body);
    if (after == expected) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } while (std::chrono::steady_clock::now() < deadline);
  CHECK(after == expected);
  // The scrapes themselves are counted like serve's requests.
  CHECK(Get(port, "/metrics")
            .body.find(R"(parting_http_requests_total{route="/metrics",status="200"})") !=
        std::string::npos);
  // The serve process worked nothing, so counted nothing as a job letter.
  for (const auto& [language, count] : JobLetters(Get(server.port(), "/metrics").body))
    CHECK(count == 0);

  // A second worker on the same metrics port does not start.
  WorkerProcess second({"--data-dir", data_dir, "--metrics-port", std::to_string(port)});
  const auto refused_by = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (LogSoFar(second).find("address in use") == std::string::npos &&
         std::chrono::steady_clock::now() < refused_by)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(second.Log().find("address in use") != std::string::npos);
  CHECK(second.Terminate() == 1);  // had already exited with the error

  CHECK(worker.Terminate() == 0);
}

}  // namespace
}  // namespace parting::testing
