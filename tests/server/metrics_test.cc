#include "server/metrics.h"

#include <doctest/doctest.h>

#include <ctime>
#include <string>

namespace parting::server {
namespace {

bool Has(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos;
}

TEST_CASE("requests are counted by route and status, sorted") {
  Metrics metrics;
  metrics.RequestStarted();
  metrics.RequestFinished("/v1/letters", 200, 0.3);
  metrics.RequestStarted();
  metrics.RequestFinished("/healthz", 200, 0.001);
  metrics.RequestStarted();
  metrics.RequestFinished("/v1/letters", 422, 0.002);
  metrics.RequestStarted();
  metrics.RequestFinished("/v1/letters", 200, 0.4);
  const std::string text = metrics.Exposition({});
  CHECK(Has(text, "# TYPE parting_http_requests_total counter"));
  CHECK(Has(text, R"(parting_http_requests_total{route="/v1/letters",status="200"} 2)"));
  CHECK(Has(text, R"(parting_http_requests_total{route="/v1/letters",status="422"} 1)"));
  const size_t health = text.find(R"(parting_http_requests_total{route="/healthz")");
  const size_t letters = text.find(R"(parting_http_requests_total{route="/v1/letters")");
  CHECK(health < letters);
  CHECK(Has(text, "parting_inflight_requests 0"));
  CHECK(text == metrics.Exposition({}));  // same counts, same text
}

TEST_CASE("the latency histogram is cumulative with +Inf, sum and count") {
  Metrics metrics;
  for (double seconds : {0.004, 0.2, 0.2, 42.0}) {
    metrics.RequestStarted();
    metrics.RequestFinished("/v1/letters", 200, seconds);
  }
  const std::string text = metrics.Exposition({});
  CHECK(Has(text, "# TYPE parting_http_request_duration_seconds histogram"));
  const std::string bucket = R"(parting_http_request_duration_seconds_bucket{route="/v1/letters",le=)";
  CHECK(Has(text, bucket + R"("0.005"} 1)"));
  CHECK(Has(text, bucket + R"("0.1"} 1)"));
  CHECK(Has(text, bucket + R"("0.25"} 3)"));
  CHECK(Has(text, bucket + R"("10"} 3)"));
  CHECK(Has(text, bucket + R"("+Inf"} 4)"));
  CHECK(Has(text, R"(parting_http_request_duration_seconds_sum{route="/v1/letters"} 42.404)"));
  CHECK(Has(text, R"(parting_http_request_duration_seconds_count{route="/v1/letters"} 4)"));
}

TEST_CASE("letters by language start at zero; gauges show the queue and requests in flight") {
  Metrics metrics({"de", "en"});
  metrics.LetterRendered("de");
  metrics.LetterRendered("de", LetterSource::kLetter);
  metrics.LetterRendered("de", LetterSource::kJob);
  metrics.LetterRendered("en", LetterSource::kBatch);
  metrics.BatchItemWritten("ok");
  metrics.BatchItemWritten("rejected");
  metrics.BatchItemWritten("rejected");
  metrics.RequestStarted();
  const std::string text = metrics.Exposition({3, 16, 2, 2});
  CHECK(Has(text, R"(parting_letters_rendered_total{language="de",source="letter"} 2)"));
  CHECK(Has(text, R"(parting_letters_rendered_total{language="de",source="batch"} 0)"));
  CHECK(Has(text, R"(parting_letters_rendered_total{language="de",source="job"} 1)"));
  CHECK(Has(text, R"(parting_letters_rendered_total{language="en",source="letter"} 0)"));
  CHECK(Has(text, R"(parting_letters_rendered_total{language="en",source="batch"} 1)"));
  CHECK(Has(text, R"(parting_letters_rendered_total{language="en",source="job"} 0)"));
  CHECK(Has(text, R"(parting_batch_items_total{outcome="ok"} 1)"));
  CHECK(Has(text, R"(parting_batch_items_total{outcome="rejected"} 2)"));
  CHECK(Has(text, R"(parting_batch_items_total{outcome="failed"} 0)"));
  CHECK(Has(text, "parting_render_queue_depth 3"));
  CHECK(Has(text, "parting_render_queue_capacity 16"));
  CHECK(Has(text, "parting_render_workers 2"));
  CHECK(Has(text, "parting_render_workers_busy 2"));
  CHECK(Has(text, "parting_inflight_requests 1"));
  CHECK(text.back() == '\n');
}

TEST_CASE("label values are escaped") {
  Metrics metrics;
  metrics.LetterRendered("a\"b\\c\nd");
  CHECK(Has(metrics.Exposition({}),
            R"(parting_letters_rendered_total{language="a\"b\\c\nd",source="letter"} 1)"));
}

}  // namespace
}  // namespace parting::server

namespace parting::server {
namespace {

TEST_CASE("process gauges come from /proc and are plausible") {
  const ProcessGauges process = ReadProcessGauges();
  CHECK(process.resident_bytes > 1u << 20);
  CHECK(process.open_fds >= 3);  // standard input, output and error at least
  const double now = static_cast<double>(std::time(nullptr));
  CHECK(process.start_time_seconds > now - 3600);
  CHECK(process.start_time_seconds <= now + 1);
  CHECK(process.cpu_seconds >= 0);
}

TEST_CASE("process families and the build info in exposition format") {
  ProcessGauges process;
  process.cpu_seconds = 1.5;
  process.resident_bytes = 123456;
  process.open_fds = 9;
  process.start_time_seconds = 1.7e9;
  const std::string text = ProcessExposition(process, "0.1.0");
  CHECK(text.find("# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 1.5\n") !=
        std::string::npos);
  CHECK(text.find("process_resident_memory_bytes 123456\n") != std::string::npos);
  CHECK(text.find("process_open_fds 9\n") != std::string::npos);
  CHECK(text.find("process_start_time_seconds 1.7e+09\n") != std::string::npos);
  CHECK(text.find("parting_build_info{version=\"0.1.0\"} 1\n") != std::string::npos);
}

}  // namespace
}  // namespace parting::server
