// Total-fit line breaking: the chosen breaks minimize the demerits of the
// whole paragraph, so one loose line is avoided by tightening its neighbours
// instead of being accepted because the lines before it were filled greedily.
#include <cmath>
#include <limits>

#include "layout/paragraph.h"

namespace parting::layout {
namespace {

constexpr double kInfinite = std::numeric_limits<double>::infinity();
constexpr double kMaxBadness = 10000;

struct Fit {
  bool feasible = false;
  double demerits = kInfinite;
};

// Badness of a line from the ratio by which its spaces stretch (r > 0) or
// shrink (r < 0), as TeX computes it: 100 |r|^3.
double Badness(double ratio) { return std::min(kMaxBadness, 100.0 * std::pow(std::abs(ratio), 3)); }

Fit LineFit(double natural, double spaces, double measure, bool last, bool justify,
            bool single_word, double max_ratio) {
  Fit fit;
  if (natural > measure) {
    const double shrink = spaces * kSpaceShrink;
    if (justify && !last && shrink > 0 && natural - measure <= shrink) {
      fit.feasible = true;
      fit.demerits = std::pow(kLinePenalty + Badness(-(natural - measure) / shrink), 2);
    } else if (single_word) {
      // A word wider than the line: unavoidable, allowed at a high price.
      fit.feasible = true;
      fit.demerits = kMaxBadness * kMaxBadness;
    }
    return fit;
  }
  const double slack = measure - natural;
  double badness;
  if (last) {
    badness = 0;
  } else if (justify) {
    const double stretch = spaces * kSpaceStretch;
    const double ratio = stretch > 0 ? slack / stretch : (slack < 0.01 ? 0 : kInfinite);
    // Beyond the tolerance a line is still possible (an unbreakable value
    // may leave no better choice), but every bit looser costs more, so the
    // least loose of the bad choices wins, never a near-empty line.
    badness = ratio > max_ratio ? kMaxBadness + 100.0 * std::pow(std::min(ratio, 1e3), 3)
                                : Badness(ratio);
  } else {
    // Ragged: an even rag, lines within a quarter of the measure preferred.
    badness = Badness(slack / (measure * 0.25));
  }
  fit.feasible = true;
  fit.demerits = std::pow(kLinePenalty + badness, 2);
  return fit;
}

std::vector<size_t> Solve(const std::vector<Word>& words, double measure, bool justify,
                          double max_ratio) {
  const size_t n = words.size();
  std::vector<double> best(n + 1, kInfinite);
  std::vector<size_t> from(n + 1, 0);
  best[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    if (best[i] == kInfinite) continue;
    double natural = 0;
    double spaces = 0;
    for (size_t j = i + 1; j <= n; ++j) {
      natural += words[j - 1].width;
      if (j - 1 > i) {
        natural += words[j - 2].space;
        spaces += words[j - 2].space;
      }
      if (natural - spaces * kSpaceShrink > measure && j - 1 > i) break;
      const bool last = j == n;
      const bool hyphenated = words[j - 1].hyphen && !last;
      const double set_width = natural + (hyphenated ? words[j - 1].hyphen_width : 0);
      Fit fit = LineFit(set_width, spaces, measure, last || words[j - 1].forced_break, justify,
                        j - 1 == i, max_ratio);
      if (fit.feasible) {
        const bool after_hyphen = i > 0 && words[i - 1].hyphen;
        if (hyphenated) fit.demerits += kHyphenPenalty * kHyphenPenalty;
        if (hyphenated && after_hyphen) fit.demerits += kDoubleHyphenDemerits;
        // The last line follows a hyphenated one: the last full line ends
        // with a hyphen.
        if (last && after_hyphen) fit.demerits += kFinalHyphenDemerits;
        if (!last) fit.demerits += words[j - 1].penalty;
      }
      if (fit.feasible && best[i] + fit.demerits < best[j]) {
        best[j] = best[i] + fit.demerits;
        from[j] = i;
      }
      if (words[j - 1].forced_break) break;
    }
  }
  if (best[n] == kInfinite) return {};
  std::vector<size_t> ends;
  for (size_t j = n; j > 0; j = from[j]) ends.insert(ends.begin(), j);
  return ends;
}

}  // namespace

std::vector<size_t> BreakLines(const std::vector<Word>& words, double measure, bool justify) {
  if (words.empty()) return {};
  return Solve(words, measure, justify, kMaxStretchRatio);
}

}  // namespace parting::layout
