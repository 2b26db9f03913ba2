#include "server/access_log.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

namespace parting::server {
namespace {

using std::chrono::milliseconds;
using std::chrono::system_clock;

// 2026-11-22T10:15:02.337Z
const system_clock::time_point kTime = system_clock::time_point(milliseconds(1795342502337));

Poco::JSON::Object::Ptr Json(const std::string& line) {
  return Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
}

TEST_CASE("timestamps are ISO 8601 in UTC with milliseconds") {
  CHECK(IsoTimestamp(kTime) == "2026-11-22T10:15:02.337Z");
  CHECK(IsoTimestamp(system_clock::time_point()) == "1970-01-01T00:00:00.000Z");
}

TEST_CASE("an access line is one JSON object: method, route, status, duration and sizes") {
  const std::string line = FormatAccessLine({"POST", "/v1/letters", 200, 412.34, 1520, 48211}, kTime);
  CHECK(line ==
        R"({"ts":"2026-11-22T10:15:02.337Z","event":"access","method":"POST","route":"/v1/letters",)"
        R"("status":200,"duration_ms":412.3,"bytes_in":1520,"bytes_out":48211})");
  CHECK(line.find('\n') == std::string::npos);
  const auto object = Json(line);
  CHECK(object->getValue<int>("status") == 200);
  CHECK(object->getValue<double>("duration_ms") == doctest::Approx(412.3));
}

TEST_CASE("a method the client made up is logged as OTHER, quotes stay JSON") {
  const auto object = Json(FormatAccessLine({"X\"Y", "/*", 405, 0.04, 0, 120}, kTime));
  CHECK(object->getValue<std::string>("method") == "OTHER");
  CHECK(object->getValue<std::string>("route") == "/*");
}

TEST_CASE("a server line carries its level and message as JSON") {
  const auto object = Json(FormatServerLine("error", "line 1\n\"two\"", kTime));
  CHECK(object->getValue<std::string>("event") == "server");
  CHECK(object->getValue<std::string>("level") == "error");
  CHECK(object->getValue<std::string>("message") == "line 1\n\"two\"");
}

}  // namespace
}  // namespace parting::server

namespace parting::server {

TEST_CASE("identical server lines are written at most once a second, and counted") {
  using namespace std::chrono_literals;
  RepeatFilter filter(1000ms, 2);
  const auto start = std::chrono::steady_clock::now();
  CHECK(filter.Admit("a", start).write);
  for (int i = 1; i <= 5; ++i) CHECK_FALSE(filter.Admit("a", start + i * 100ms).write);
  CHECK(filter.Admit("b", start + 100ms).write);  // another line is not held back
  const auto later = filter.Admit("a", start + 1000ms);
  CHECK(later.write);
  CHECK(later.suppressed == 5);
  CHECK(filter.Admit("a", start + 2500ms).suppressed == 0);
  // Bounded: a third key makes it forget, never grow.
  CHECK(filter.Admit("c", start + 2600ms).write);
  CHECK(filter.Admit("a", start + 2700ms).write);
}

}  // namespace parting::server
