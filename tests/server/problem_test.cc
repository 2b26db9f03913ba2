#include "server/problem.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace parting::server {
namespace {

Poco::JSON::Object::Ptr Parse(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

TEST_CASE("engine status codes map to HTTP statuses") {
  CHECK(HttpStatusFor(StatusCode::kOk) == 200);
  CHECK(HttpStatusFor(StatusCode::kUnparseable) == 400);
  CHECK(HttpStatusFor(StatusCode::kInvalid) == 422);
  CHECK(HttpStatusFor(StatusCode::kNotFound) == 500);
  CHECK(HttpStatusFor(StatusCode::kInternal) == 500);
}

TEST_CASE("an invalid request becomes a 422 problem listing every field") {
  const HttpReply reply = StatusReply(Status::Invalid({
      {"/contract/notice_period/unit", "must be one of days, weeks, months"},
      {"/language", "is required"},
  }));
  CHECK(reply.status == 422);
  CHECK(reply.content_type == "application/problem+json");
  const auto problem = Parse(reply.body);
  CHECK(problem->getValue<int>("status") == 422);
  CHECK(problem->getValue<std::string>("type").find("invalid-request") != std::string::npos);
  CHECK(problem->getValue<std::string>("title") ==
        "2 fields to correct, first: contract notice period unit must be one of days, weeks, "
        "months");
  const auto errors = problem->getArray("errors");
  REQUIRE(errors->size() == 2);
  CHECK(errors->getObject(0)->getValue<std::string>("pointer") == "/contract/notice_period/unit");
  CHECK(errors->getObject(0)->getValue<std::string>("message") ==
        "must be one of days, weeks, months");
  CHECK(errors->getObject(1)->getValue<std::string>("pointer") == "/language");
}

TEST_CASE("the title of a 422 says what is wrong, in words") {
  SUBCASE("one field: its error") {
    const auto problem =
        Parse(StatusReply(Status::Invalid({{"/recipient/name", "is required"}})).body);
    CHECK(problem->getValue<std::string>("title") == "Recipient name is missing");
  }
  SUBCASE("two errors of one field count as one field") {
    const auto problem =
        Parse(StatusReply(Status::Invalid({{"/letter_date", "must be a date written YYYY-MM-DD"},
                                           {"/letter_date", "is too large"}}))
                  .body);
    CHECK(problem->getValue<std::string>("title") ==
          "Letter date must be a date written YYYY-MM-DD");
    CHECK(problem->getArray("errors")->size() == 2);
  }
}

TEST_CASE("unparseable requests are 400 with the parser's message") {
  const HttpReply reply = StatusReply(Status::Unparseable("unexpected end of input at line 3"));
  CHECK(reply.status == 400);
  const auto problem = Parse(reply.body);
  CHECK(problem->getValue<std::string>("detail") == "unexpected end of input at line 3");
  CHECK(problem->getArray("errors")->size() == 0);
}

TEST_CASE("internal failures do not leak their message to the client") {
  for (const Status& status : {Status::Internal("font /srv/fonts/x.ttf: broken glyf table"),
                               Status::NotFound("template de/letter.mustache missing")}) {
    const HttpReply reply = StatusReply(status);
    CHECK(reply.status == 500);
    CHECK(reply.body.find("glyf") == std::string::npos);
    CHECK(reply.body.find("mustache") == std::string::npos);
    CHECK(Parse(reply.body)->getValue<int>("status") == 500);
  }
}

// What `action` writes to standard error (the service log).
template <class Action>
std::string StandardErrorOf(Action action) {
  std::FILE* capture = std::tmpfile();
  REQUIRE(capture);
  const int saved = dup(STDERR_FILENO);
  dup2(fileno(capture), STDERR_FILENO);
  action();
  dup2(saved, STDERR_FILENO);
  close(saved);
  std::rewind(capture);
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, capture)) > 0;)
    text.append(buffer, n);
  std::fclose(capture);
  return text;
}

TEST_CASE("internal failures are logged with their status message") {
  const std::string log = StandardErrorOf(
      [] { StatusReply(Status::Internal("PDF: saving failed (libharu error 0x1033, detail 0)")); });
  CHECK(log.find("\"level\":\"error\"") != std::string::npos);
  CHECK(log.find("libharu error 0x1033") != std::string::npos);
  // Refusals of the client's request are the client's business, not the log's.
  CHECK(StandardErrorOf([] { StatusReply(Status::Invalid({{"/language", "unknown"}})); }).empty());
}

TEST_CASE("protocol problems use about:blank and the reason phrase") {
  const HttpReply reply = ProblemReply(413, "the request body is larger than 10 bytes");
  CHECK(reply.status == 413);
  const auto problem = Parse(reply.body);
  CHECK(problem->getValue<std::string>("type") == "about:blank");
  CHECK(problem->getValue<std::string>("title") == "Content Too Large");
  CHECK(problem->getValue<int>("status") == 413);
  CHECK(problem->getValue<std::string>("detail") == "the request body is larger than 10 bytes");
  CHECK(problem->has("errors"));
}

TEST_CASE("JSON strings are escaped and always valid UTF-8") {
  auto quoted = [](std::string_view text) {
    std::string out;
    AppendJsonString(out, text);
    return out;
  };
  CHECK(quoted("a\"b\\c") == R"("a\"b\\c")");
  CHECK(quoted("line\nnext\t") == R"("line\nnext\t")");
  CHECK(quoted(std::string_view("\x01", 1)) == R"("\u0001")");
  CHECK(quoted("Müller & Söhne") == "\"Müller & Söhne\"");
  CHECK(quoted("\xff bad") == "\"\xEF\xBF\xBD bad\"");
  CHECK(quoted("\xC3") == "\"\xEF\xBF\xBD\"");  // truncated sequence
  CHECK(quoted("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  // The whole document parses even with hostile detail text.
  const std::string body = ProblemJson("about:blank", "T", 400, "\"}\x7f\xfe", {{"/a", "\n"}});
  CHECK(Parse(body)->getArray("errors")->getObject(0)->getValue<std::string>("message") == "\n");
}

}  // namespace
}  // namespace parting::server
