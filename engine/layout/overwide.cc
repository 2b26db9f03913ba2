// A word wider than the line (a 200-character reference, an e-mail address
// or a name with nowhere to break) would run off the page and be lost on
// paper. It may instead be cut between any two grapheme clusters, each cut
// marked like a hyphenated word's, so that the reader sees the token go on
// and every character is on the page.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>

#include "layout/paragraph.h"
#include "layout/utf16_offsets.h"

namespace parting::layout {
namespace {

// A piece of the word's text set in one font: [begin, end) of the joined
// text of its fragments.
struct FontRange {
  size_t begin = 0;
  size_t end = 0;
  int font = 0;
};

icu::BreakIterator& ClusterBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  }();
  return *breaker;
}

// Byte offsets of the grapheme cluster boundaries of UTF-8 `text`, from 0 to
// text.size().
std::vector<size_t> ClusterBoundaries(const std::string& text) {
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(text);
  const std::vector<size_t> byte_at = Utf8OffsetsOf(utf16);
  icu::BreakIterator& breaker = ClusterBreaker();
  breaker.setText(utf16);
  std::vector<size_t> boundaries;
  for (int32_t b = breaker.first(); b != icu::BreakIterator::DONE; b = breaker.next())
    boundaries.push_back(byte_at[b]);
  return boundaries;
}

// The word's text in [begin, end), shaped in the fonts it had.
Word Slice(const std::string& text, const std::vector<FontRange>& ranges, size_t begin, size_t end,
           const FontSet& fonts, const TextStyle& style) {
  Word word;
  for (const FontRange& range : ranges) {
    const size_t from = std::max(begin, range.begin);
    const size_t to = std::min(end, range.end);
    if (from >= to) continue;
    Fragment fragment;
    fragment.font = range.font;
    fragment.text = text.substr(from, to - from);
    fragment.shaped = Shape(fonts.face(range.font), style.size, fragment.text, style.language);
    word.width += fragment.shaped.width;
    word.fragments.push_back(std::move(fragment));
  }
  return word;
}

// One word per grapheme cluster, each but the last marked as a place where
// the line may end with a hyphen: the breaker then fills the line the token
// starts on and cuts it where the paragraph is best served.
void Split(Word& word, const FontSet& fonts, const TextStyle& style, std::vector<Word>& out) {
  std::string text;
  std::vector<FontRange> ranges;
  for (const Fragment& fragment : word.fragments) {
    ranges.push_back({text.size(), text.size() + fragment.text.size(), fragment.font});
    text += fragment.text;
  }
  // The mark is drawn in the text's Latin font (Thai fonts have no hyphen).
  const int last_font = word.fragments.back().font;
  const int mark_font =
      last_font <= static_cast<int>(FontStyle::kItalic) ? last_font : fonts.Pick(style.base, '-');
  const double mark = Shape(fonts.face(mark_font), style.size, "-", style.language).width;
  // Cuts leave at least two clusters on each side ("A-" alone is no piece).
  constexpr size_t kMinPiece = 2;
  const std::vector<size_t> boundaries = ClusterBoundaries(text);
  const size_t clusters = boundaries.size() - 1;
  std::vector<size_t> cuts;  // piece boundaries, from 0 to text.size()
  for (size_t k = 0; k <= clusters; ++k)
    if (k == 0 || k == clusters || (k >= kMinPiece && clusters - k >= kMinPiece))
      cuts.push_back(boundaries[k]);
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    Word piece = Slice(text, ranges, cuts[k], cuts[k + 1], fonts, style);
    if (k + 2 < cuts.size()) {
      piece.hyphen = true;
      piece.hyphen_width = mark;
      piece.hyphen_font = mark_font;
    } else {
      // The last piece ends as the word did.
      piece.space = word.space;
      piece.space_text = word.space_text;
      piece.forced_break = word.forced_break;
      piece.hyphen = word.hyphen;
      piece.hyphen_width = word.hyphen_width;
      piece.hyphen_font = word.hyphen_font;
      piece.penalty = word.penalty;
    }
    out.push_back(std::move(piece));
  }
}

}  // namespace

std::vector<Word> SplitOverwideWords(std::vector<Word> words, double measure, const FontSet& fonts,
                                     const TextStyle& style) {
  std::vector<Word> out;
  out.reserve(words.size());
  for (Word& word : words) {
    const double need = word.width + (word.hyphen ? word.hyphen_width : 0);
    if (need <= measure || word.fragments.empty()) {
      out.push_back(std::move(word));
      continue;
    }
    Split(word, fonts, style, out);
  }
  return out;
}

}  // namespace parting::layout
