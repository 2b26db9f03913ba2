// Finalize: line ends -> lines of glyph runs, justified word by word.
#include <algorithm>
#include <cmath>

#include "layout/paragraph.h"

namespace parting::layout {
namespace {

LineRun RunOf(int font, double x, const std::string& text, const ShapedText& shaped) {
  return LineRun{font, x, shaped.width, text, shaped.glyphs};
}

// Appends a word's fragments as runs at `x`. The space after the word, when
// it is not at the line end, is drawn too (stretched by `factor`), so that
// copied text keeps its spaces.
double PlaceWord(const Word& word, double x, bool with_space, double factor, Line& line) {
  for (const Fragment& fragment : word.fragments) {
    line.runs.push_back(RunOf(fragment.font, x, fragment.text, fragment.shaped));
    line.runs.back().change = fragment.change;
    x += fragment.shaped.width;
  }
  if (with_space && !word.space_shaped.glyphs.empty()) {
    LineRun space = RunOf(word.space_font, x, word.space_text, word.space_shaped);
    for (Glyph& g : space.glyphs) g.advance *= factor;
    space.change = word.space_change;
    space.width *= factor;
    line.runs.push_back(std::move(space));
  }
  return x + (with_space ? word.space * factor : 0);
}

// Joins consecutive runs of one font into one: a line becomes a run per
// font change, its glyphs' advances carrying every kerning and stretch.
Line MergeRuns(Line line) {
  std::vector<LineRun> merged;
  for (auto& run : line.runs) {
    if (!merged.empty() && merged.back().font == run.font && merged.back().change == run.change &&
        std::abs(merged.back().x + merged.back().width - run.x) < 0.0005) {
      LineRun& last = merged.back();
      const auto offset = static_cast<uint32_t>(last.text.size());
      for (Glyph g : run.glyphs) {
        g.cluster += offset;
        last.glyphs.push_back(g);
      }
      last.text += run.text;
      last.width += run.width;
    } else {
      merged.push_back(std::move(run));
    }
  }
  line.runs = std::move(merged);
  return line;
}

}  // namespace

std::vector<Line> FinalizeLines(const std::vector<Word>& words, const std::vector<size_t>& ends,
                                double measure, bool justify) {
  std::vector<Line> lines;
  size_t begin = 0;
  for (size_t e = 0; e < ends.size(); ++e) {
    const size_t end = ends[e];
    double natural = 0;
    double spaces = 0;
    for (size_t k = begin; k < end; ++k) {
      natural += words[k].width;
      if (k + 1 < end) {
        natural += words[k].space;
        spaces += words[k].space;
      }
    }
    const bool last = e + 1 == ends.size() || words[end - 1].forced_break;
    const bool hyphenated = words[end - 1].hyphen && e + 1 < ends.size();
    if (hyphenated) natural += words[end - 1].hyphen_width;
    // Every space grows (or shrinks) in proportion to its natural width.
    double factor = 1.0;
    if (justify && !last && spaces > 0) factor = 1.0 + (measure - natural) / spaces;
    // The looseness bound is a promise: a line that no choice of breaks can
    // fill within it keeps its spaces at the bound and ends a little short
    // of the margin, rather than opening holes in the text.
    factor = std::min(factor, 1.0 + kMaxStretchRatio * kSpaceStretch);
    Line line;
    double x = 0;
    for (size_t k = begin; k < end; ++k) x = PlaceWord(words[k], x, k + 1 < end, factor, line);
    if (hyphenated && !words[end - 1].hyphen_shaped.glyphs.empty()) {
      // The inserted hyphen stands for no text: copying the line gives the
      // word's first part, to be joined with the next line's.
      LineRun hyphen = RunOf(words[end - 1].hyphen_font, x, "", words[end - 1].hyphen_shaped);
      for (Glyph& g : hyphen.glyphs) g.cluster = 0;
      line.runs.push_back(std::move(hyphen));
      line.hyphenated = true;
      x += words[end - 1].hyphen_width;
    }
    line.width = x;
    lines.push_back(MergeRuns(std::move(line)));
    begin = end;
  }
  return lines;
}

}  // namespace parting::layout
