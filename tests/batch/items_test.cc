// Splitting batch bodies into item texts (batch/items.h).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "batch/items.h"

namespace parting::batch {
namespace {

std::vector<std::string> Texts(const std::vector<BatchItemText>& items) {
  std::vector<std::string> texts;
  for (const BatchItemText& item : items) texts.emplace_back(item.text);
  return texts;
}

std::vector<std::string> Split(std::string_view body) {
  auto items = SplitJsonArray(body);
  REQUIRE_MESSAGE(items.ok(), items.status().message());
  return Texts(*items);
}

}  // namespace

TEST_CASE("SplitJsonArray: items are cut only at top-level commas") {
  SUBCASE("plain") { CHECK(Split(R"([{"a":1},{"b":2}])") == std::vector<std::string>{R"({"a":1})", R"({"b":2})"}); }
  SUBCASE("white space and a byte order mark") {
    CHECK(Split("\xEF\xBB\xBF \n[ \n {\"a\":1} ,\n\t{\"b\":2}\n ] \n") ==
          std::vector<std::string>{R"({"a":1})", R"({"b":2})"});
  }
  SUBCASE("brackets, commas and quotes inside strings") {
    CHECK(Split(R"([{"a":"x],[{,}\"]"},{"b":"\\"}])") ==
          std::vector<std::string>{R"({"a":"x],[{,}\"]"})", R"({"b":"\\"})"});
  }
  SUBCASE("nesting") {
    CHECK(Split(R"([{"a":[1,[2,3],{"c":[4]}]},[5,6]])") ==
          std::vector<std::string>{R"({"a":[1,[2,3],{"c":[4]}]})", "[5,6]"});
  }
  SUBCASE("empty array and empty slots") {
    CHECK(Split("[ ]").empty());
    CHECK(Split("[{},,{}]") == std::vector<std::string>{"{}", "", "{}"});
    CHECK(Split("[{},]") == std::vector<std::string>{"{}", ""});
  }
  SUBCASE("a broken item stays one item") {
    CHECK(Split(R"([{"a":1]},{"b":2}])") ==
          std::vector<std::string>{R"({"a":1]})", R"({"b":2})"});
    CHECK(Split(R"([{"a":}, 7, "x"])") == std::vector<std::string>{R"({"a":})", "7", R"("x")"});
  }
}

TEST_CASE("SplitJsonArray: the line where each item starts") {
  auto items = SplitJsonArray("[\n  {\"a\":\n1},\n\n  {\"b\":\"\\n\"}\n]");
  REQUIRE(items.ok());
  REQUIRE(items->size() == 2);
  CHECK((*items)[0].line == 2);
  CHECK((*items)[1].line == 5);
}

TEST_CASE("SplitJsonArray: bodies that are no array") {
  for (std::string_view body : {"", "  ", R"({"a":1})", "[{\"a\":1}", "[{\"a\":\"]}", "[{}] x",
                                "[{}] []", "\"[\""}) {
    CAPTURE(body);
    auto items = SplitJsonArray(body);
    CHECK_FALSE(items.ok());
    CHECK(items.status().code() == StatusCode::kUnparseable);
  }
}

TEST_CASE("SplitJsonLines: one item per non-empty line") {
  const auto items = SplitJsonLines("\xEF\xBB\xBF{\"a\":1}\r\n\n  \n{\"b\":[1,\n2]}\n{\"c\":3}");
  CHECK(Texts(items) == std::vector<std::string>{R"({"a":1})", R"({"b":[1,)", "2]}", R"({"c":3})"});
  REQUIRE(items.size() == 4);
  CHECK(items[0].line == 1);
  CHECK(items[1].line == 4);
  CHECK(items[3].line == 6);
  CHECK(SplitJsonLines("\n \r\n").empty());
}

TEST_CASE("LooksLikeJsonArray and IsJsonLinesContentType") {
  CHECK(LooksLikeJsonArray(" \n[{}]"));
  CHECK_FALSE(LooksLikeJsonArray("{}\n{}"));
  CHECK(IsJsonLinesContentType("application/x-ndjson"));
  CHECK(IsJsonLinesContentType("Application/X-NDJSON; charset=utf-8"));
  CHECK_FALSE(IsJsonLinesContentType("application/json"));
}

}  // namespace parting::batch
