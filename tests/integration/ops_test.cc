// The operational side of the service, end to end: saturation answers 503
// at once, a time limit, API keys, /metrics, the API description, a JSON
// access log without personal data, and a drain on SIGTERM.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <doctest/doctest.h>

#include <functional>
#include <future>
#include <sstream>
#include <thread>

#include "service_harness.h"

namespace parting::testing {
namespace {

using namespace std::chrono_literals;

Poco::JSON::Object::Ptr Json(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

// The English sample with every list at its limit (200 items): a letter of
// many pages that keeps a render worker busy for a while.
std::string LargeLetter() {
  auto request = Json(SampleRequest("en"));
  const auto list = [](const std::function<Poco::Dynamic::Var(int)>& item) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (int i = 0; i < 200; ++i) array->add(item(i));
    return array;
  };
  request->set("projects", list([](int i) {
    Poco::JSON::Object::Ptr project = new Poco::JSON::Object;
    project->set("name", "Reporting workstream " + std::to_string(i + 1));
    project->set("deliverable",
                 "Dashboards, documentation, data lineage notes, a recorded hand-off session and "
                 "a written summary of every open question for the next team");
    project->set("due", "2026-12-18");
    return Poco::Dynamic::Var(project);
  }));
  request->getObject("termination")->set("documented_situations", list([](int i) {
    Poco::JSON::Object::Ptr situation = new Poco::JSON::Object;
    situation->set("date", "2026-06-12");
    situation->set("text", "Quarterly review " + std::to_string(i + 1) +
                               ": the proposed data migration plan was declined again after a "
                               "long discussion about scope, budget and the next release");
    return Poco::Dynamic::Var(situation);
  }));
  request->getObject("transition")->set("handover", list([](int i) {
    return Poco::Dynamic::Var("Source files of dashboard " + std::to_string(i + 1));
  }));
  std::ostringstream text;
  Poco::JSON::Stringifier::stringify(request, text);
  return text.str();
}

HttpResult SendWithHeaders(std::uint16_t port, const std::string& uri,
                           const std::vector<std::pair<std::string, std::string>>& headers) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request("GET", uri, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) request.set(name, value);
  session.sendRequest(request);
  HttpResult result;
  std::istream& in = session.receiveResponse(result.response);
  Poco::StreamCopier::copyToString(in, result.body);
  result.status = result.response.getStatus();
  result.content_type = result.response.getContentType();
  return result;
}

// The value of an unlabelled gauge or a labelled sample in /metrics, -1 when absent.
long long MetricValue(std::uint16_t port, const std::string& series) {
  const std::string text = Get(port, "/metrics").body;
  const size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stoll(text.substr(at + series.size() + 2));
}

void WaitForMetric(std::uint16_t port, const std::string& series, long long value) {
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (MetricValue(port, series) != value) {
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, series << " never reached " << value);
    std::this_thread::sleep_for(5ms);
  }
}

void WaitForLog(const ServerProcess& server, const std::string& text) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (server.Log().find(text) == std::string::npos) {
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, "never logged: " << text);
    std::this_thread::sleep_for(5ms);
  }
}

bool ConnectionRefused(std::uint16_t port) {
  try {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(1, 0));
    return false;
  } catch (const Poco::Net::ConnectionRefusedException&) {
    return true;
  } catch (const Poco::Exception&) {
    return false;
  }
}

// A large letter in flight, once a render worker has started it.
std::future<HttpResult> OccupyOneWorker(const ServerProcess& server, const std::string& large) {
  auto running = std::async(std::launch::async, [&server, &large] {
    return PostJson(server.port(), "/v1/letters", large);
  });
  WaitForMetric(server.port(), "parting_render_workers_busy", 1);
  return running;
}

TEST_CASE("a full render queue answers 503 with Retry-After at once, never hangs") {
  ServerProcess server({"--render-workers", "1", "--queue-depth", "1", "--queue-wait-ms", "0"});
  REQUIRE(server.running());
  const std::string large = LargeLetter();
  auto running = OccupyOneWorker(server, large);
  auto waiting =
      std::async(std::launch::async, [&] { return PostJson(server.port(), "/v1/letters", large); });
  WaitForMetric(server.port(), "parting_render_queue_depth", 1);

  const auto start = std::chrono::steady_clock::now();
  const HttpResult refused = PostJson(server.port(), "/v1/letters", SampleRequest("en"));
  const auto took = std::chrono::steady_clock::now() - start;
  MESSAGE("503 after " << std::chrono::duration<double, std::milli>(took).count() << " ms");
  CHECK(refused.status == 503);
  CHECK(refused.content_type == "application/problem+json");
  CHECK(refused.response.get("Retry-After", "") == "1");
  CHECK(Json(refused.body)->getValue<int>("status") == 503);
  CHECK(took < 1s);
  // The service still answers what needs no render worker.
  CHECK(Get(server.port(), "/healthz").status == 200);
  CHECK(PostJson(server.port(), "/v1/letters/plan", SampleRequest("en")).status == 200);

  CHECK(running.get().status == 200);
  CHECK(waiting.get().status == 200);
  CHECK(MetricValue(server.port(), R"(parting_http_requests_total{route="/v1/letters",status="503"})") == 1);
  CHECK(MetricValue(server.port(), "parting_render_queue_capacity") == 1);
}

TEST_CASE("with a queue wait, a letter beyond a full queue waits for its place and is served") {
  ServerProcess server({"--render-workers", "1", "--queue-depth", "1", "--queue-wait-ms", "60000"});
  REQUIRE(server.running());
  const std::string large = LargeLetter();
  auto running = OccupyOneWorker(server, large);
  auto queued =
      std::async(std::launch::async, [&] { return PostJson(server.port(), "/v1/letters", large); });
  WaitForMetric(server.port(), "parting_render_queue_depth", 1);
  const HttpResult waited = PostJson(server.port(), "/v1/letters", SampleRequest("en"));
  CHECK(waited.status == 200);
  // Plans never queue behind letters.
  CHECK(PostJson(server.port(), "/v1/letters/plan", SampleRequest("de")).status == 200);
  CHECK(running.get().status == 200);
  CHECK(queued.get().status == 200);
  // No 503 at all: the series does not even exist (-1).
  CHECK(MetricValue(server.port(),
                    R"(parting_http_requests_total{route="/v1/letters",status="503"})") == -1);
}

TEST_CASE("a queued letter whose client has gone gives up its place") {
  ServerProcess server({"--render-workers", "1", "--queue-depth", "1", "--queue-wait-ms", "0"});
  REQUIRE(server.running());
  const std::string large = LargeLetter();
  auto running = OccupyOneWorker(server, large);
  {
    // A client that sends its letter, is queued, and hangs up.
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
    const std::string head =
        "POST /v1/letters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        std::to_string(large.size()) + "\r\n\r\n";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    socket.sendBytes(large.data(), static_cast<int>(large.size()));
    WaitForMetric(server.port(), "parting_render_queue_depth", 1);
    socket.close();
  }
  // The queue is full of a job nobody waits for: it is shed, not a reason for 503.
  const HttpResult next = PostJson(server.port(), "/v1/letters", SampleRequest("en"));
  CHECK(next.status == 200);
  CHECK(running.get().status == 200);
  server.Stop();
  CHECK(server.Log().find(R"("route":"/v1/letters","status":499)") != std::string::npos);
}

TEST_CASE("a letter over the time limit gets 503, and the service carries on") {
  ServerProcess server({"--request-timeout-ms", "20"});
  REQUIRE(server.running());
  const HttpResult late = PostJson(server.port(), "/v1/letters", LargeLetter());
  CHECK(late.status == 503);
  CHECK(late.response.get("Retry-After", "") == "1");
  CHECK(Json(late.body)->getValue<std::string>("detail").find("time limit of 20 ms") !=
        std::string::npos);
  CHECK(PostJson(server.port(), "/v1/letters/plan", SampleRequest("en")).status == 200);
}

TEST_CASE("API keys, when configured, guard /v1/ and nothing else") {
  const auto folder = TempDir("parting_ops_keys_");
  WriteFile(folder / "keys", "# test keys\nfile-key-0123456789\n");
  setenv("PARTING_API_KEYS", "env-key-abcdef", 1);
  ServerProcess server({"--api-keys-file", (folder / "keys").string()});
  unsetenv("PARTING_API_KEYS");
  REQUIRE(server.running());
  const std::uint16_t port = server.port();

  const HttpResult none = Get(port, "/v1/languages");
  CHECK(none.status == 401);
  CHECK(none.content_type == "application/problem+json");
  CHECK(none.response.get("WWW-Authenticate", "") == "Bearer realm=\"parting\"");
  const HttpResult wrong =
      SendWithHeaders(port, "/v1/languages", {{"Authorization", "Bearer wrong"}});
  CHECK(wrong.status == 401);
  CHECK(wrong.response.get("WWW-Authenticate", "") ==
        "Bearer realm=\"parting\", error=\"invalid_token\"");
  CHECK(SendWithHeaders(port, "/v1/languages", {{"X-API-Key", "wrong"}})
            .response.get("WWW-Authenticate", "")
            .find("invalid_token") != std::string::npos);
  CHECK(SendWithHeaders(port, "/v1/nope", {}).status == 401);  // routes are no secret either
  CHECK(PostJson(port, "/v1/letters/plan", SampleRequest("en")).status == 401);

  CHECK(SendWithHeaders(port, "/v1/languages", {{"Authorization", "Bearer file-key-0123456789"}})
            .status == 200);
  CHECK(SendWithHeaders(port, "/v1/reasons?language=de", {{"X-API-Key", "env-key-abcdef"}})
            .status == 200);
  CHECK(SendWithHeaders(port, "/v1/openapi.json", {{"X-API-Key", "env-key-abcdef"}}).status == 200);

  CHECK(Get(port, "/healthz").status == 200);
  CHECK(Get(port, "/metrics").status == 200);
  CHECK(Get(port, "/").status == 200);

  const std::string log = server.Log();
  CHECK(log.find("API keys required") != std::string::npos);
  CHECK(log.find("file-key-0123456789") == std::string::npos);
  CHECK(log.find("env-key-abcdef") == std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST_CASE("operations conventions: HEAD /healthz, /readyz, X-Request-Id, process metrics") {
  ServerProcess server;
  REQUIRE(server.running());
  const std::uint16_t port = server.port();

  // Readiness: 503 with Retry-After while the dictionaries load, then 200.
  HttpResult ready = Get(port, "/readyz");
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  while (ready.status == 503 && std::chrono::steady_clock::now() < deadline) {
    CHECK(ready.response.get("Retry-After", "") == "1");
    CHECK(Json(ready.body)->getValue<std::string>("status") == "starting");
    std::this_thread::sleep_for(100ms);
    ready = Get(port, "/readyz");
  }
  CHECK(ready.status == 200);
  CHECK(Json(ready.body)->getValue<std::string>("status") == "ready");
  CHECK(server.Log().find("\"ready: every language") != std::string::npos);

  // HEAD on the health check: the headers of GET, no body.
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  Poco::Net::HTTPRequest head("HEAD", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(head);
  Poco::Net::HTTPResponse head_response;
  std::string head_body;
  Poco::StreamCopier::copyToString(session.receiveResponse(head_response), head_body);
  CHECK(head_response.getStatus() == 200);
  CHECK(head_body.empty());

  // X-Request-Id: a sane one is echoed and logged; anything else is replaced.
  const HttpResult taken = SendWithHeaders(port, "/healthz", {{"X-Request-Id", "trace-4711.a"}});
  CHECK(taken.response.get("X-Request-Id", "") == "trace-4711.a");
  const HttpResult made = SendWithHeaders(port, "/healthz", {{"X-Request-Id", "bad id\t"}});
  const std::string made_id = made.response.get("X-Request-Id", "");
  CHECK(made_id.size() == 32);
  CHECK(Get(port, "/healthz").response.get("X-Request-Id", "").size() == 32);

  const std::string metrics = Get(port, "/metrics").body;
  for (const char* family :
       {"process_cpu_seconds_total ", "process_resident_memory_bytes ", "process_open_fds ",
        "process_start_time_seconds ", "parting_build_info{version=\""})
    CHECK_MESSAGE(metrics.find(std::string("\n") + family) != std::string::npos, family);

  server.Stop();
  const std::string log = server.Log();
  CHECK(log.find("\"request_id\":\"trace-4711.a\"") != std::string::npos);
  CHECK(log.find("\"request_id\":\"" + made_id + "\"") != std::string::npos);
}

TEST_CASE("metrics, the API description and a JSON access log without personal data") {
  ServerProcess server;
  REQUIRE(server.running());
  const std::uint16_t port = server.port();

  CHECK(Get(port, "/healthz").status == 200);
  // A request is counted once its reply is written: the next scrape may
  // come a moment before that.
  WaitForMetric(port, R"(parting_http_requests_total{route="/healthz",status="200"})", 1);
  const HttpResult metrics = Get(port, "/metrics");
  CHECK(metrics.status == 200);
  CHECK(metrics.content_type.starts_with("text/plain; version=0.0.4"));
  CHECK(metrics.body.find("# TYPE parting_http_request_duration_seconds histogram") !=
        std::string::npos);
  CHECK(metrics.body.find(R"(parting_http_request_duration_seconds_count{route="/healthz"} 1)") !=
        std::string::npos);

  const HttpResult description = Get(port, "/v1/openapi.json");
  CHECK(description.status == 200);
  CHECK(description.content_type == "application/json");
  CHECK(description.body == ReadFile(SourceDir() / "docs" / "openapi.json"));

  // The sample's people and companies must never reach the log.
  const std::string request = SampleRequest("en");
  const HttpResult letter = PostJson(port, "/v1/letters", request);
  REQUIRE(letter.status == 200);
  WaitForMetric(port, R"(parting_letters_rendered_total{language="en",source="letter"})", 1);
  CHECK(PostJson(port, "/v1/letters", R"({"language":"en","recipient":{"name":"Zacharias Quill"}})")
            .status == 422);
  CHECK(Get(port, "/v1/reasons?language=de&name=Zacharias").status == 200);

  // Each access line is written just after its reply, by the connection's
  // own thread: wait for every one counted below, not only the last sent.
  for (const char* line : {R"("route":"/v1/letters","status":200)",
                           R"("route":"/v1/letters","status":422)",
                           R"("route":"/v1/reasons")"})
    WaitForLog(server, line);
  const std::string log = server.Log();
  for (const char* personal : {"Margaret", "Collins", "Cedar", "Daniel Reyes", "Brightwater",
                               "Zacharias", "Quill", "name="}) {
    CAPTURE(personal);
    CHECK(log.find(personal) == std::string::npos);
  }
  std::istringstream lines(log);
  std::string line;
  int access_lines = 0;
  bool letter_logged = false;
  while (std::getline(lines, line)) {
    CAPTURE(line);
    const auto object = Json(line);  // every line is one JSON object
    CHECK(object->has("ts"));
    if (object->getValue<std::string>("event") != "access") continue;
    for (const char* field : {"method", "route", "status", "duration_ms", "bytes_in", "bytes_out"})
      CHECK(object->has(field));
    if (object->getValue<std::string>("route") == "/metrics") continue;  // polled: any number
    ++access_lines;
    if (object->getValue<std::string>("route") == "/v1/letters" &&
        object->getValue<int>("status") == 200) {
      letter_logged = true;
      CHECK(object->getValue<std::size_t>("bytes_in") == request.size());
      CHECK(object->getValue<std::size_t>("bytes_out") == letter.body.size());
    }
  }
  CHECK(access_lines == 5);
  CHECK(letter_logged);
}

TEST_CASE("/metrics counts the letters of single requests, batches and jobs, each by source") {
  const auto data = TempDir("parting_metrics_jobs_");
  ServerProcess server({"--data-dir", data.string()});
  REQUIRE_MESSAGE(server.running(), server.Log());
  const std::uint16_t port = server.port();
  const auto letters = [](const char* language, const char* source) {
    return std::string("parting_letters_rendered_total{language=\"") + language + "\",source=\"" +
           source + "\"}";
  };
  // Every series is there, at 0, before the first letter.
  for (const char* source : {"letter", "batch", "job"})
    CHECK(MetricValue(port, letters("pl", source)) == 0);
  CHECK(MetricValue(port, R"(parting_batch_items_total{outcome="rejected"})") == 0);

  REQUIRE(PostJson(port, "/v1/letters", SampleRequest("en")).status == 200);
  WaitForMetric(port, letters("en", "letter"), 1);

  // A batch: two letters and one item the service refuses.
  auto bad = Json(SampleRequest("en"));
  bad->getObject("contract")->getObject("notice_period")->set("unit", "fortnights");
  std::ostringstream bad_text;
  Poco::JSON::Stringifier::condense(bad, bad_text);
  const auto compact = [](const std::string& json) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(Json(json), out);
    return out.str();
  };
  const std::string batch = compact(SampleRequest("en")) + "\n" + compact(SampleRequest("pl")) +
                            "\n" + bad_text.str() + "\n";
  const HttpResult zip =
      Send(port, {"POST", "/v1/letters/batch", batch, "application/x-ndjson", false});
  REQUIRE_MESSAGE(zip.status == 200, zip.body);
  WaitForMetric(port, R"(parting_batch_items_total{outcome="ok"})", 2);
  WaitForMetric(port, R"(parting_batch_items_total{outcome="rejected"})", 1);
  CHECK(MetricValue(port, R"(parting_batch_items_total{outcome="failed"})") == 0);
  CHECK(MetricValue(port, letters("en", "batch")) == 1);
  CHECK(MetricValue(port, letters("pl", "batch")) == 1);
  CHECK(MetricValue(port, letters("en", "letter")) == 1);

  // A job, rendered by the server's own job worker.
  const HttpResult job =
      Send(port, {"POST", "/v1/jobs", "[" + SampleRequest("pt") + "]", "application/json", false});
  REQUIRE_MESSAGE(job.status == 202, job.body);
  WaitForMetric(port, letters("pt", "job"), 1);
  CHECK(MetricValue(port, letters("pt", "batch")) == 0);
  CHECK(MetricValue(port, letters("pt", "letter")) == 0);
  std::filesystem::remove_all(data);
}

TEST_CASE("SIGTERM: new connections are refused, the request in flight completes, exit 0") {
  ServerProcess server;
  REQUIRE(server.running());
  const std::uint16_t port = server.port();
  // A request in flight for as long as the test likes: its body arrives in
  // two halves, the second only after the server was told to stop.
  const std::string body = LargeLetter();
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request("POST", "/v1/letters", Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("application/json");
  request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  std::ostream& out = session.sendRequest(request);
  out.write(body.data(), static_cast<std::streamsize>(body.size() / 2));
  out.flush();
  WaitForMetric(port, "parting_inflight_requests", 2);  // that one and the scrape

  auto stopped = std::async(std::launch::async, [&] { return server.Stop(); });
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  bool refused = false;
  while (!refused && std::chrono::steady_clock::now() < deadline) {
    refused = ConnectionRefused(port);
    if (!refused) std::this_thread::sleep_for(10ms);
  }
  CHECK(refused);
  CHECK(stopped.wait_for(0s) == std::future_status::timeout);  // still draining

  out.write(body.data() + body.size() / 2,
            static_cast<std::streamsize>(body.size() - body.size() / 2));
  out.flush();
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  std::string pdf;
  Poco::StreamCopier::copyToString(in, pdf);
  CHECK(response.getStatus() == 200);
  CHECK(response.getContentType() == "application/pdf");
  CHECK(pdf.starts_with("%PDF-"));
  CHECK(pdf.find("%%EOF") != std::string::npos);
  CHECK(stopped.get() == 0);
  CHECK(server.Log().find(R"("message":"stopped")") != std::string::npos);
}

}  // namespace
}  // namespace parting::testing
