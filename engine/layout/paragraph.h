// Paragraph layout, as a list of steps, one file each:
//   collect  (collect.cc):  styled spans -> words between line-break
//                           opportunities (ICU; libthai inside Thai runs,
//                           thai_break.cc), each word shaped (shape.cc)
//   overwide (overwide.cc): a word wider than the line -> its clusters,
//                           a marked break allowed between any two
//   break    (break.cc):    words -> line ends, by total fit over the whole
//                           paragraph (Knuth–Plass demerits)
//   finalize (finalize.cc): line ends -> lines of positioned runs, justified
//                           word by word
#pragma once

#include <string>
#include <vector>

#include "compose/document.h"
#include "layout/fonts.h"
#include "layout/hyphenate.h"
#include "layout/shape.h"

namespace parting::layout {

/// Text in one font inside a word (a style change or a change of script,
/// Thai to Latin, starts a new fragment).
struct Fragment {
  int font = 0;  ///< index into the FontSet
  std::string text;
  ShapedText shaped;
  compose::Change change = compose::Change::kNone;  ///< a redline's mark
};

/// What lies between two line-break opportunities: the fragments of the word
/// and the space after it, which stretches or shrinks when justified and
/// disappears at a line end.
struct Word {
  std::vector<Fragment> fragments;
  double width = 0;        ///< without the space after
  double space = 0;        ///< natural width of the space after, 0 if none
  std::string space_text;  ///< the space characters themselves
  ShapedText space_shaped;  ///< their glyphs, in `space_font`
  int space_font = 0;
  compose::Change space_change = compose::Change::kNone;
  bool forced_break = false;  ///< a mandatory break follows
  /// The word goes on without a space (it is the first part of a hyphenated
  /// word): a line that ends here ends with a hyphen of `hyphen_width`, drawn
  /// in `hyphen_font` (0 wide when the word already has a hyphen here).
  bool hyphen = false;
  double hyphen_width = 0;
  int hyphen_font = 0;
  ShapedText hyphen_shaped;  ///< the inserted hyphen's glyphs (none when already there)
  /// Demerits for ending a line after this word (inside a date from the
  /// request, after a Polish one-letter word): allowed, but only when every
  /// other choice is worse.
  double penalty = 0;
};

struct TextStyle {
  double size = 10;
  FontStyle base = FontStyle::kRegular;
  const char* language = "en";  ///< BCP 47, for shaping and line breaking
  /// Hyphenates template text (never text from the request) when set.
  const Hyphenator* hyphenator = nullptr;
  Language hyphenation_language = Language::kEn;
};

/// Splits styled spans into shaped words at the line-break opportunities of
/// ICU, and of libthai inside runs of Thai letters.
std::vector<Word> CollectWords(const std::vector<compose::Span>& spans, const FontSet& fonts,
                               const TextStyle& style);

/// Splits every word wider than `measure` into its grapheme clusters, so that
/// a line may end between any two of them, with a hyphen (overwide.cc);
/// other words pass unchanged.
std::vector<Word> SplitOverwideWords(std::vector<Word> words, double measure, const FontSet& fonts,
                                     const TextStyle& style);

/// Chooses where lines end: indices one past each line's last word. Total fit:
/// minimizes the sum of squared (1 + badness) over the paragraph; the last
/// line is set at its natural width. Lines never stretch beyond
/// kMaxStretchRatio of their spaces unless no other break exists.
std::vector<size_t> BreakLines(const std::vector<Word>& words, double measure, bool justify);

/// How far a space may stretch (as a multiple of its natural width, added)
/// and shrink before a line is rejected.
inline constexpr double kSpaceStretch = 0.6;
inline constexpr double kSpaceShrink = 1.0 / 3;
inline constexpr double kMaxStretchRatio = 2.0;
/// TeX's weights: a hyphen costs like a mildly loose line; two hyphenated
/// lines in a row, or a hyphen on the last full line, much more.
inline constexpr double kLinePenalty = 10;
inline constexpr double kHyphenPenalty = 50;
inline constexpr double kDoubleHyphenDemerits = 10000;
inline constexpr double kFinalHyphenDemerits = 5000;
/// The cost of a discouraged break: about that of a line whose spaces
/// stretch to twice their width.
inline constexpr double kDiscouragedBreak = 500000;
/// The cost of breaking inside a value from the request where that is
/// forbidden (Thai): more than any choice of lines costs, so the value is
/// broken only when it alone is wider than the line.
inline constexpr double kValueBreak = 1e13;

/// Glyphs of one font positioned relative to the line start (x) on the
/// line's baseline; glyph clusters are byte offsets into `text`.
struct LineRun {
  int font = 0;
  double x = 0;
  double width = 0;  ///< sum of the glyphs' advances
  std::string text;  ///< the source text the glyphs stand for
  std::vector<Glyph> glyphs;
  compose::Change change = compose::Change::kNone;  ///< a redline's mark
  /// The structure element the run belongs to when it is not its line's (a
  /// list item's bullet is the item's label); -1 for the line's.
  int element = -1;
};

struct Line {
  std::vector<LineRun> runs;
  double width = 0;  ///< set width
  bool hyphenated = false;  ///< ends with an inserted hyphen (not part of the text)
};

/// Positions the words of each line. Justified lines (all but the last, when
/// `justify`) spread their spaces to fill `measure` exactly.
std::vector<Line> FinalizeLines(const std::vector<Word>& words, const std::vector<size_t>& ends,
                                double measure, bool justify);

/// FinalizeLines(), except that a justified line which no choice of breaks
/// could fill within the looseness bound (the next word is a value from the
/// request, which is never hyphenated) is set ragged on purpose, at its
/// natural spacing, never half-stretched and short of the margin.
std::vector<Line> FinalizeParagraph(const std::vector<Word>& words,
                                    const std::vector<size_t>& ends, double measure, bool justify);

/// All the steps (set_paragraph.cc). A paragraph set before in this process
/// with the same spans, fonts, style and measure is taken from a bounded,
/// thread-safe cache: the same lines as setting it again.
std::vector<Line> SetParagraph(const std::vector<compose::Span>& spans, const FontSet& fonts,
                               const TextStyle& style, double measure, bool justify);

/// What the process-wide paragraph cache holds and has answered.
LruStats ParagraphCacheStats();

}  // namespace parting::layout
