#include "compose/markup.h"

#include <doctest/doctest.h>

#include "compose/escape.h"

namespace parting::compose {
namespace {

std::vector<Block> Parse(std::string_view source) {
  Result<std::vector<Block>> blocks = ParseMarkup(MarkParagraphs(source), Section::kThanks);
  REQUIRE_MESSAGE(blocks.ok(), blocks.status().ToString());
  return blocks.value();
}

TEST_CASE("blocks: paragraphs, headings, list items, sections") {
  std::vector<Block> blocks = Parse(
      "First line\ncontinues here.\n\n@section projects\n## Work\n- one\n- two\n  still "
      "two\n\nAfter.");
  REQUIRE(blocks.size() == 5);
  CHECK(blocks[0].kind == BlockKind::kParagraph);
  CHECK(PlainText(blocks[0].spans) == "First line continues here.");
  CHECK(blocks[0].section == Section::kThanks);
  CHECK(blocks[1].kind == BlockKind::kHeading);
  CHECK(PlainText(blocks[1].spans) == "Work");
  CHECK(blocks[1].section == Section::kProjects);
  CHECK(blocks[2].kind == BlockKind::kListItem);
  CHECK(PlainText(blocks[3].spans) == "two still two");
  CHECK(blocks[4].kind == BlockKind::kParagraph);
  CHECK(blocks[4].section == Section::kProjects);
}

TEST_CASE("a line that renders empty does not split a paragraph") {
  // What a false condition leaves behind: an empty line, not a paragraph mark.
  Result<std::vector<Block>> blocks = ParseMarkup("one\n\ntwo", Section::kThanks);
  REQUIRE(blocks.ok());
  REQUIRE(blocks->size() == 1);
  CHECK(PlainText(blocks->front().spans) == "one two");
}

TEST_CASE("a value ending in an abbreviation's dot takes the sentence's full stop") {
  CHECK(ParseLine("z dniem " + Verbatim("31 grudnia 2026 r.") + ".").value() ==
        "z dniem 31 grudnia 2026 r.");
  CHECK(ParseLine("with " + Verbatim("Ponte Alta Ltda.") + ". Next.").value() ==
        "with Ponte Alta Ltda. Next.");
  // A dot inside a value is the request's own and stays.
  CHECK(ParseLine("see " + Verbatim("A..B") + ".").value() == "see A..B.");
}

TEST_CASE("inline emphasis and escapes") {
  std::vector<Block> blocks = Parse("a **bold** and _it_ \\*not\\* b");
  REQUIRE(blocks.size() == 1);
  const std::vector<Span>& spans = blocks[0].spans;
  REQUIRE(spans.size() == 5);
  CHECK(spans[1] == Span{"bold", true, false, false});
  CHECK(spans[3] == Span{"it", false, true, false});
  CHECK(spans[4].text == " *not* b");
}

TEST_CASE("verbatim values keep the surrounding emphasis") {
  std::vector<Block> blocks = Parse("- **" + Verbatim("Q4 *x*") + "**: done");
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].spans[0] == Span{"Q4 *x*", true, false, true, true});
  CHECK(blocks[0].spans[1] == Span{": done", false, false, false});
}

TEST_CASE("white space collapses across spans and blocks are trimmed") {
  std::vector<Block> blocks = Parse("  a   " + Literal("b") + "  " + Verbatim("c") + "   ");
  REQUIRE(blocks.size() == 1);
  CHECK(PlainText(blocks[0].spans) == "a b c");
}

TEST_CASE("template bugs are errors") {
  CHECK_FALSE(ParseMarkup("**open", Section::kThanks).ok());
  CHECK_FALSE(ParseMarkup("@section nowhere", Section::kThanks).ok());
  CHECK_FALSE(ParseMarkup(std::string(kVerbatimOpen) + "unclosed", Section::kThanks).ok());
  CHECK_FALSE(ParseLine(MarkParagraphs("a\n\nb")).ok());
  CHECK(ParseLine("Dear\nMr. Smith,").value() == "Dear Mr. Smith,");
}

}  // namespace
}  // namespace parting::compose
