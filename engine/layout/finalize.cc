#include <algorithm>
#include <cmath>

#include "layout/paragraph.h"

namespace parting::layout {
namespace {

// Appends a word's fragments as runs at `x`. The space after the word, when
// it is not at the line end, is drawn as part of the word's last run so that
// copied text keeps its spaces; the next word is placed explicitly anyway.
double PlaceWord(const Word& word, double x, bool with_space, Line& line) {
  for (const Fragment& fragment : word.fragments) {
    for (const DrawPiece& piece : fragment.shaped.pieces) {
      LineRun run;
      run.font = fragment.font;
      run.x = x + piece.x;
      run.dy = piece.dy;
      run.width = piece.width;
      run.text = piece.draw;
      line.runs.push_back(std::move(run));
    }
    if (!fragment.shaped.to_unicode.empty() && !line.runs.empty()) {
      auto& mapping = line.runs.back().to_unicode;
      mapping.insert(mapping.end(), fragment.shaped.to_unicode.begin(),
                     fragment.shaped.to_unicode.end());
    }
    x += fragment.shaped.width;
  }
  if (with_space && !line.runs.empty()) {
    line.runs.back().text += word.space_text;
    line.runs.back().width += word.space;
  }
  return x;
}

// Joins runs that a viewer would place exactly where layout put them anyway
// (same style, no kerning or stretched space between): fewer, longer runs.
Line MergeRuns(Line line) {
  std::vector<LineRun> merged;
  for (auto& run : line.runs) {
    if (!merged.empty() && merged.back().font == run.font && merged.back().dy == run.dy &&
        std::abs(merged.back().x + merged.back().width - run.x) < 0.0005) {
      merged.back().text += run.text;
      merged.back().width += run.width;
      merged.back().to_unicode.insert(merged.back().to_unicode.end(), run.to_unicode.begin(),
                                      run.to_unicode.end());
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
    for (size_t k = begin; k < end; ++k) {
      const bool inner = k + 1 < end;
      x = PlaceWord(words[k], x, inner, line);
      if (inner) x += words[k].space * factor;
    }
    if (hyphenated && words[end - 1].hyphen_width > 0) {
      line.runs.push_back(LineRun{words[end - 1].hyphen_font, x, 0, words[end - 1].hyphen_width,
                                  "-", {}});
      x += words[end - 1].hyphen_width;
    }
    line.width = x;
    lines.push_back(MergeRuns(std::move(line)));
    begin = end;
  }
  return lines;
}

}  // namespace parting::layout
