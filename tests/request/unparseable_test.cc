// Text that is not a JSON object in valid UTF-8: kUnparseable, never a crash.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "request_fixture.h"

namespace parting::testing {
namespace {

struct UnparseableCase {
  std::string name;
  std::string text;
  std::string message;  ///< the exact Status message
};

// One subcase per case: kUnparseable with exactly the case's message.
void CheckUnparseable(const std::vector<UnparseableCase>& cases) {
  for (const UnparseableCase& c : cases) {
    SUBCASE(c.name.c_str()) {
      const Result<LetterRequest> result = ParseLetterRequest(c.text, kToday);
      REQUIRE_FALSE(result.ok());
      CHECK(result.status().code() == StatusCode::kUnparseable);
      CHECK(result.status().message() == c.message);
    }
  }
}

TEST_CASE("text that is not a JSON object is unparseable, with a position") {
  const std::vector<UnparseableCase> cases = {
      {"empty", "", "line 1, column 1: the request is empty"},
      {"spaces", "  \n ", "line 2, column 2: the request is empty"},
      {"plain text", "hello", "line 1, column 1: the request must be a JSON object"},
      {"array", "[{}]", "line 1, column 1: the request must be a JSON object"},
      {"string", "\"x\"", "line 1, column 1: the request must be a JSON object"},
      {"unterminated", "{\"language\": \"en\"",
       "line 1, column 18: unexpected end of the text, expected ',' or '}'"},
      {"trailing comma", "{\"a\": 1,}", "line 1, column 9: expected a field name in double quotes"},
      {"single quotes", "{\"a\": 'x'}", "line 1, column 7: strings must be in double quotes"},
      {"second line", "{\n  \"a\": tru\n}",
       "line 2, column 8: unexpected character, expected a value"},
      {"text after the object", "{} {}",
       "line 1, column 4: unexpected text after the end of the JSON object"},
      {"leading zero", "{\"a\": 012}", "line 1, column 7: numbers must not start with 0"},
      {"raw newline in string", "{\"a\": \"x\ny\"}",
       "line 1, column 9: a control character inside a string must be escaped"},
      {"bad escape", R"({"a": "\q"})", "line 1, column 8: invalid escape sequence in a string"},
      {"lone high surrogate", R"({"a": "\ud800"})",
       "line 1, column 8: a high surrogate in a \\u escape without its low surrogate"},
      {"lone low surrogate", R"({"a": "\udc00"})",
       "line 1, column 8: a lone low surrogate in a \\u escape"},
      {"duplicate field", "{\"language\": \"en\",\n \"language\": \"de\"}",
       "line 2, column 2: the field \"language\" appears twice in one object"},
      {"control character in a duplicate", "{\"a\\u0007\": 1, \"a\\u0007\": 2}",
       "line 1, column 16: the field \"a?\" appears twice in one object"},
      {"column counts characters", "{\"ä\": x}",
       "line 1, column 7: unexpected character, expected a value"},
      {"word after the object", "{} x",
       "line 1, column 4: unexpected text after the end of the JSON object"},
      {"NUL after the object", std::string("{}\0{}", 5),
       "line 1, column 3: unexpected text after the end of the JSON object"},
      {"NUL for a value", std::string("{\"a\": \0}", 9),
       "line 1, column 7: unexpected character, expected a value"},
      {"missing colon", "{\"a\" 1}", "line 1, column 6: expected ':' after the field name"},
      {"unquoted key", "{a: 1}", "line 1, column 2: expected a field name in double quotes"},
      {"number as key", "{\"a\": 1, 23: 1}",
       "line 1, column 10: expected a field name in double quotes"},
      {"missing comma", "{\"a\": true \"b\": 1}", "line 1, column 12: expected ',' or '}'"},
      {"array not closed", "{\"a\": [1, 2}", "line 1, column 12: expected ',' or ']'"},
      {"array cut short", "{\"a\": [1,",
       "line 1, column 10: unexpected end of the text, expected a value"},
      {"value cut short",
       "{\"a\":", "line 1, column 6: unexpected end of the text, expected a value"},
      {"minus alone", "{\"a\": -x}", "line 1, column 8: invalid number"},
      {"dot without digits", "{\"a\": 1.}",
       "line 1, column 9: invalid number: digits must follow '.'"},
      {"exponent without digits", "{\"a\": 1e+}",
       "line 1, column 10: invalid number: digits must follow 'e'"},
      {"negative leading zero", "{\"a\": -012}", "line 1, column 8: numbers must not start with 0"},
      {"string cut short", "{\"a\": \"xy", "line 1, column 10: unterminated string"},
      {"backslash at the end", "{\"a\": \"x\\", "line 1, column 9: unterminated string"},
      {"short \\u escape", R"({"a": "x\u12"})",
       "line 1, column 9: \\u must be followed by four hex digits"},
      {"high surrogate with a short low one", R"({"a": "\ud800\udc"})",
       "line 1, column 8: a high surrogate in a \\u escape without its low surrogate"},
      {"high surrogate before a plain escape", R"({"a": "\ud800\n"})",
       "line 1, column 8: a high surrogate in a \\u escape without its low surrogate"},
      {"true cut short at the end", "{\"a\": fals",
       "line 1, column 7: unexpected character, expected a value"},
  };
  CheckUnparseable(cases);
}

TEST_CASE("a field given twice is named by its JSON pointer") {
  const Result<LetterRequest> result =
      ParseLetterRequest("{\"contract\": {\"notice_period\": [{\"a/b\": 1, \"a/b\": 2}]}}", kToday);
  REQUIRE(result.status().code() == StatusCode::kUnparseable);
  CHECK(result.status().message() ==
        "line 1, column 44: the field \"a/b\" appears twice in one object");
  CHECK(result.status().errors() ==
        std::vector<FieldError>{
            {"/contract/notice_period/0/a~1b", "appears twice in one object (line 1, column 44)"}});
}

TEST_CASE("a key with escaped quotes given twice points at its opening quote") {
  const Result<LetterRequest> result = ParseLetterRequest(R"({"x\"\\": 1, "x\"\\": 2})", kToday);
  REQUIRE(result.status().code() == StatusCode::kUnparseable);
  CHECK(result.status().message() ==
        "line 1, column 14: the field \"x\"\\\" appears twice in one object");
}

TEST_CASE("invalid UTF-8 is unparseable, with its byte offset") {
  const std::vector<UnparseableCase> cases = {
      {"stray continuation byte", "{\"language\": \"\x80\"}", "not valid UTF-8 at byte 14"},
      {"Latin-1 umlaut", "{\"a\": \"M\xFCller\"}", "not valid UTF-8 at byte 8"},
      {"overlong slash", "{\"a\": \"\xC0\xAF\"}", "not valid UTF-8 at byte 7"},
      {"encoded surrogate", "{\"a\": \"\xED\xA0\x80\"}", "not valid UTF-8 at byte 7"},
      {"beyond U+10FFFF", "{\"a\": \"\xF4\x90\x80\x80\"}", "not valid UTF-8 at byte 7"},
      {"truncated sequence", "{\"a\": \"\xE2\x82\"}", "not valid UTF-8 at byte 7"},
      {"in a field name", "{\"\xFF\": 1}", "not valid UTF-8 at byte 2"},
  };
  CheckUnparseable(cases);
}

TEST_CASE("deep nesting is refused without exhausting the stack") {
  SUBCASE("100000 open brackets") {
    const std::string text = "{\"a\":" + std::string(100000, '[');
    const Result<LetterRequest> result = ParseLetterRequest(text, kToday);
    CHECK(result.status().code() == StatusCode::kUnparseable);
    CHECK(result.status().message() == "line 1, column 37: nested more than 32 levels deep");
  }
  SUBCASE("100000 nested objects") {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "{\"a\":";
    const Result<LetterRequest> result = ParseLetterRequest(text, kToday);
    CHECK(result.status().code() == StatusCode::kUnparseable);
  }
  SUBCASE("32 levels parse and are then checked as fields") {
    const std::string text = "{\"a\":" + std::string(31, '[') + std::string(31, ']') + "}";
    const Result<LetterRequest> result = ParseLetterRequest(text, kToday);
    REQUIRE(result.status().code() == StatusCode::kInvalid);
    CHECK(result.status().errors().front() == FieldError{"/a", "unknown field"});
  }
  SUBCASE("33 levels do not") {
    const std::string text = "{\"a\":" + std::string(32, '[') + std::string(32, ']') + "}";
    CHECK(ParseLetterRequest(text, kToday).status().code() == StatusCode::kUnparseable);
  }
  SUBCASE("brackets inside strings do not count") {
    const std::string text =
        ApplyEdits(kMinimalRequest, {{"/contract/title", "\"" + std::string(100, '[') + "\""}});
    CHECK(ParseLetterRequest(text, kToday).ok());
  }
}

TEST_CASE("huge inputs are refused before parsing") {
  std::string text = ApplyEdits(kMinimalRequest, {});
  text.insert(1, std::string(kMaxRequestBytes, ' '));
  const Result<LetterRequest> result = ParseLetterRequest(text, kToday);
  REQUIRE(result.status().code() == StatusCode::kUnparseable);
  CHECK(result.status().message().find("at most 4194304") != std::string::npos);
}

TEST_CASE("a UTF-8 byte order mark is allowed") {
  const std::string text = "\xEF\xBB\xBF" + ApplyEdits(kMinimalRequest, {});
  CHECK(ParseLetterRequest(text, kToday).ok());
}

TEST_CASE("numbers beyond what the parser can hold are unparseable, with a position") {
  const std::vector<UnparseableCase> cases = {
      {"integer", "{\"x\": 123456789012345678901234567890}", "line 1, column 7: number too large"},
      {"negative integer", "{\"x\": -9223372036854775809}", "line 1, column 7: number too large"},
      {"float", "{\"x\": 1e999}", "line 1, column 7: number too large"},
  };
  CheckUnparseable(cases);
  SUBCASE("the largest unsigned 64-bit integer still parses") {
    const Result<LetterRequest> result =
        ParseLetterRequest("{\"x\": 18446744073709551615}", kToday);
    REQUIRE(result.status().code() == StatusCode::kInvalid);
    CHECK(result.status().errors().front() == FieldError{"/x", "unknown field"});
  }
}

}  // namespace
}  // namespace parting::testing
