// A narrow column of German and of Polish: hyphenation happens, and no
// justified line stretches its spaces beyond the looseness bound.
#include <doctest/doctest.h>

#include "layout/paragraph.h"
#include "test_support.h"

using namespace parting;

namespace {

struct Column {
  const char* name;
  Language language;
  const char* bcp47;
  const char* text;
};

const Column kColumns[] = {
    {"de", Language::kDe, "de-DE",
     "Nach sorgfältiger Abwägung haben wir uns entschieden, unsere Zusammenarbeit zum "
     "Vertragsende zu beenden. Die Betreuung Ihres Unternehmens verlangt mehr Aufmerksamkeit, "
     "als wir mit unseren derzeitigen Kapazitäten aufbringen können, und die Zahlungsabläufe der "
     "letzten Monate passen nicht mehr zu dem, was ein Beratungsunternehmen unserer Größe "
     "tragen kann. Selbstverständlich schließen wir alle laufenden Projekte ordnungsgemäß ab."},
    {"pl", Language::kPl, "pl-PL",
     "Po starannym rozważeniu wszystkich okoliczności podjęliśmy decyzję o zakończeniu naszej "
     "współpracy. Zobowiązania wynikające z umowy wykonamy w całości, a przekazanie dokumentacji "
     "projektowej nastąpi niezwłocznie po zakończeniu prac. Dziękujemy za dotychczasowe zaufanie "
     "i życzymy Państwa przedsiębiorstwu dalszego rozwoju."},
};

}  // namespace

TEST_CASE("Narrow columns are hyphenated and never stretched beyond the bound") {
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  auto hyphenator = layout::Hyphenator::Load();
  REQUIRE(fonts.ok());
  REQUIRE(hyphenator.ok());
  const double measure = 70 * 72 / 25.4;  // a narrow column, under half the letter's
  for (const Column& column : kColumns) {
    CAPTURE(column.name);
    layout::TextStyle style{10, layout::FontStyle::kRegular, column.bcp47, hyphenator->get(),
                            column.language};
    const auto words = layout::CollectWords({compose::Span{column.text}}, **fonts, style);
    const auto ends = layout::BreakLines(words, measure, true);
    REQUIRE(ends.size() >= 6);
    int hyphenated = 0;
    const auto lines = layout::FinalizeLines(words, ends, measure, true);
    size_t begin = 0;
    for (size_t e = 0; e < ends.size(); ++e) {
      CAPTURE(e);
      const size_t end = ends[e];
      double natural = 0, spaces = 0;
      for (size_t k = begin; k < end; ++k) {
        natural += words[k].width;
        if (k + 1 < end) {
          natural += words[k].space;
          spaces += words[k].space;
        }
      }
      const bool last = e + 1 == ends.size();
      if (!last && words[end - 1].hyphen) {
        natural += words[end - 1].hyphen_width;
        ++hyphenated;
      }
      // As set: how far the spaces of the line were stretched or shrunk.
      CHECK(lines[e].width <= measure + 0.01);
      if (!last) {
        REQUIRE(spaces > 0);
        const double ratio = (lines[e].width - natural) / (spaces * layout::kSpaceStretch);
        CHECK(ratio <= layout::kMaxStretchRatio + 1e-9);
        CHECK((natural - lines[e].width) <= spaces * layout::kSpaceShrink + 1e-9);
      }
      begin = end;
    }
    CHECK(hyphenated >= 1);
    // Nearly every line is justified to the margin; a rare one that no break
    // can fill ends short instead of stretching beyond the bound.
    int short_lines = 0;
    for (size_t e = 0; e + 1 < lines.size(); ++e) short_lines += lines[e].width < measure - 0.01;
    CHECK(short_lines <= 1);
    // The lines, as text, in the golden folder for a person to read.
    std::string dump;
    for (const auto& line : lines) {
      for (const auto& run : line.runs) dump += run.text;
      // The inserted hyphen is drawn but stands for no text.
      dump += line.hyphenated ? "-\n" : "\n";
    }
    const auto path =
        testing::SourceDir() / "tests/layout/golden" / (std::string("column-") + column.name + ".txt");
    if (std::getenv("PARTING_UPDATE_GOLDEN")) testing::WriteFile(path, dump);
    CHECK(testing::ReadFile(path) == dump);
  }
}
