// Justified lines fill the measure: every justified line of every sample
// letter, and of every reason's paragraph in every language, either reaches
// the right margin or is set ragged on purpose at its natural spacing. Never
// a half-stretched line whose spaces sit at the looseness bound and still
// stop short of the margin.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout/paragraph.h"
#include "letter_fixture.h"
#include "parting/request.h"
#include "test_support.h"

using namespace parting;

namespace {

struct Fill {
  int full = 0;    // lines that reach the margin
  int ragged = 0;  // lines set ragged on purpose
  int short_stretched = 0;
};

std::string LineText(const std::vector<layout::Word>& words, const std::vector<size_t>& ends,
                     size_t e) {
  std::string text;
  for (size_t k = e == 0 ? 0 : ends[e - 1]; k < ends[e]; ++k) {
    for (const auto& fragment : words[k].fragments) text += fragment.text;
    text += words[k].space_text;
  }
  return text;
}

// Sets one paragraph justified as the typesetter does and sorts its lines.
void Measure(const std::vector<compose::Span>& spans, const layout::FontSet& fonts,
             const layout::Hyphenator& hyphenator, Language language, const char* bcp47,
             double measure, const std::string& where, Fill& fill) {
  layout::TextStyle style{10.5, layout::FontStyle::kRegular, bcp47};
  if (hyphenator.Supports(language)) {
    style.hyphenator = &hyphenator;
    style.hyphenation_language = language;
  }
  const auto words =
      layout::SplitOverwideWords(layout::CollectWords(spans, fonts, style), measure, fonts, style);
  const auto ends = layout::BreakLines(words, measure, true);
  const auto lines = layout::FinalizeParagraph(words, ends, measure, true);
  REQUIRE(lines.size() == ends.size());
  size_t begin = 0;
  for (size_t e = 0; e < ends.size(); ++e) {
    const size_t end = ends[e];
    const bool last = e + 1 == ends.size() || words[end - 1].forced_break;
    double natural = 0;
    for (size_t k = begin; k < end; ++k)
      natural += words[k].width + (k + 1 < end ? words[k].space : 0);
    if (words[end - 1].hyphen && !last) natural += words[end - 1].hyphen_width;
    begin = end;
    if (last) continue;
    const double width = lines[e].width;
    if (std::abs(width - measure) < 0.01) {
      ++fill.full;
    } else if (std::abs(width - natural) < 0.01) {
      ++fill.ragged;
    } else {
      ++fill.short_stretched;
      FAIL_CHECK(where << ": line " << e + 1 << " is stretched to " << width << " pt of " << measure
                       << " (natural " << natural << "), " << (measure - width) * 25.4 / 72
                       << " mm short: \"" << LineText(words, ends, e) << "\"");
    }
  }
}

}  // namespace

TEST_CASE("Justified lines of every sample and every reason fill the measure or are ragged") {
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  auto hyphenator = layout::Hyphenator::Load();
  REQUIRE(fonts.ok());
  REQUIRE(hyphenator.ok());
  struct Lang {
    const char* code;
    Language language;
    const char* bcp47;
    double measure;  // the body's measure: A4 165 mm, US Letter 6.5 in
  };
  const Lang langs[] = {{"en", Language::kEn, "en-US", 468},
                        {"de", Language::kDe, "de-DE", 165 * 72 / 25.4},
                        {"pt", Language::kPt, "pt-BR", 165 * 72 / 25.4},
                        {"pl", Language::kPl, "pl-PL", 165 * 72 / 25.4}};
  Fill fill;
  for (const Lang& lang : langs) {
    const std::string sample = testing::SampleJson(lang.code);
    std::vector<std::pair<std::string, std::string>> letters = {{"sample", sample}};
    // Each reason alone, in place of the sample's reasons.
    const size_t from = sample.find("\"reasons\":");
    const size_t to = sample.find(']', from);
    REQUIRE(from != std::string::npos);
    for (const std::string& id : ReasonIds()) {
      std::string json = sample;
      json.replace(from, to + 1 - from, "\"reasons\": [\"" + id + "\"]");
      letters.emplace_back(id, json);
    }
    for (const auto& [name, json] : letters) {
      const compose::Document document = testing::ComposeJson(json);
      for (size_t b = 0; b < document.body.size(); ++b) {
        const compose::Block& block = document.body[b];
        if (block.kind == compose::BlockKind::kHeading) continue;
        // List items are set 5 mm in.
        const double measure = block.kind == compose::BlockKind::kListItem
                                   ? lang.measure - 5 * 72 / 25.4
                                   : lang.measure;
        Measure(block.spans, **fonts, **hyphenator, lang.language, lang.bcp47, measure,
                std::string(lang.code) + " " + name + " block " + std::to_string(b), fill);
      }
    }
  }
  MESSAGE("justified lines: " << fill.full << " full, " << fill.ragged << " ragged on purpose, "
                              << fill.short_stretched << " half-stretched");
  CHECK(fill.full > 500);  // the test looks at real lines
  CHECK(fill.short_stretched == 0);
}
