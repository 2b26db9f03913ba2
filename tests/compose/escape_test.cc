#include "compose/escape.h"

#include <doctest/doctest.h>

#include "compose/markup.h"

namespace parting::compose {
namespace {

TEST_CASE("CleanText makes request text one clean line") {
  CHECK(CleanText("  a\n\nb\tc  ") == "a b c");
  CHECK(CleanText("x\r\ny") == "x y");
  CHECK(CleanText("line\xE2\x80\xA8sep") == "line sep");
  SUBCASE("reserved private-use characters are removed") {
    std::string sneaky =
        std::string("a") + std::string(kVerbatimClose) + "**b" + std::string(kParagraphMark) + "c";
    CHECK(CleanText(sneaky) == "a**bc");
  }
  CHECK(CleanText("Müller & Söhne") == "Müller & Söhne");
}

TEST_CASE("Verbatim and Literal wrap, and leave empty text empty") {
  CHECK(Verbatim("RV-1") == std::string(kVerbatimOpen) + "RV-1" + std::string(kVerbatimClose));
  CHECK(Literal("go") == std::string(kLiteralOpen) + "go" + std::string(kLiteralClose));
  CHECK(Verbatim(" \n ").empty());
}

TEST_CASE("EscapeValue keeps wrapped pieces and wraps connectors as literal") {
  std::string list = Verbatim("a") + ", " + Verbatim("b") + " and " + Verbatim("c");
  Result<std::vector<Block>> blocks = ParseMarkup(EscapeValue(list), Section::kThanks);
  REQUIRE(blocks.ok());
  REQUIRE(blocks->size() == 1);
  CHECK(PlainText(blocks->front().spans) == "a, b and c");
  CHECK(blocks->front().spans.size() == 5);
  CHECK(blocks->front().spans[0].verbatim);
  CHECK_FALSE(blocks->front().spans[1].verbatim);
  SUBCASE("an unwrapped value cannot make markup") {
    Result<std::vector<Block>> raw =
        ParseMarkup("x " + EscapeValue("**b**\n\n- c _d_"), Section::kThanks);
    REQUIRE(raw.ok());
    REQUIRE(raw->size() == 1);
    CHECK(PlainText(raw->front().spans) == "x **b** - c _d_");
  }
}

}  // namespace
}  // namespace parting::compose
