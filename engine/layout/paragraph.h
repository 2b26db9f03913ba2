// Paragraph layout, as a list of steps, one file each:
//   collect  (collect.cc):  styled spans -> words between line-break
//                           opportunities (ICU), each word shaped (shape.cc)
//   break    (break.cc):    words -> line ends, by total fit over the whole
//                           paragraph (Knuth–Plass demerits)
//   finalize (finalize.cc): line ends -> lines of positioned runs, justified
//                           word by word
#pragma once

#include <string>
#include <vector>

#include "compose/document.h"
#include "layout/fonts.h"
#include "layout/shape.h"

namespace parting::layout {

/// Text of one style inside a word.
struct Fragment {
  FontStyle style = FontStyle::kRegular;
  std::string text;
  ShapedText shaped;
};

/// What lies between two line-break opportunities: the fragments of the word
/// and the space after it, which stretches or shrinks when justified and
/// disappears at a line end.
struct Word {
  std::vector<Fragment> fragments;
  double width = 0;        ///< without the space after
  double space = 0;        ///< natural width of the space after, 0 if none
  std::string space_text;  ///< the space characters themselves
  bool forced_break = false;  ///< a mandatory break follows
};

struct TextStyle {
  double size = 10;
  FontStyle base = FontStyle::kRegular;
  const char* language = "en";  ///< BCP 47, for shaping and line breaking
};

/// Splits styled spans into shaped words at ICU's line-break opportunities.
std::vector<Word> CollectWords(const std::vector<compose::Span>& spans, const FontSet& fonts,
                               const TextStyle& style);

/// Chooses where lines end: indices one past each line's last word. Total fit:
/// minimizes the sum of squared (1 + badness) over the paragraph; the last
/// line is set at its natural width. Lines never stretch beyond
/// kMaxStretchRatio of their spaces unless no other break exists.
std::vector<size_t> BreakLines(const std::vector<Word>& words, double measure, bool justify);

/// How far a space may stretch (as a multiple of its natural width, added)
/// and shrink before a line is rejected.
inline constexpr double kSpaceStretch = 0.6;
inline constexpr double kSpaceShrink = 0.2;
inline constexpr double kMaxStretchRatio = 2.0;

/// A run positioned relative to the line start (x) on the line's baseline.
struct LineRun {
  FontStyle style = FontStyle::kRegular;
  double x = 0;
  double width = 0;
  std::string text;
};

struct Line {
  std::vector<LineRun> runs;
  double width = 0;  ///< set width
};

/// Positions the words of each line. Justified lines (all but the last, when
/// `justify`) spread their spaces to fill `measure` exactly.
std::vector<Line> FinalizeLines(const std::vector<Word>& words, const std::vector<size_t>& ends,
                                double measure, bool justify);

/// All three steps.
std::vector<Line> SetParagraph(const std::vector<compose::Span>& spans, const FontSet& fonts,
                               const TextStyle& style, double measure, bool justify);

}  // namespace parting::layout
