// Hyphenator: where a word may be hyphenated, per language, with libhyphen
// and Debian's pattern dictionaries (hyphen-en-us, hyphen-de, hyphen-pt-br,
// hyphen-pl): which file and which fragment minimums a language has is its
// row of the language table (parting/language.h).
//
// Takes one word of UTF-8 text and gives the byte offsets where a line may
// break inside it. Load() finds every dictionary; each is opened once, on its
// first use or by WarmUp(), from the pack the build made of it
// (hyphen_pack.h) when the file is unchanged. The Hyphenator is then
// immutable, and Points() is const and safe to call from many threads at once:
// libhyphen's hnj_hyphen_hyphenate3() only reads the loaded HyphenDict (its
// scratch buffers are allocated per call), and the charset tables built here
// at load time are read-only too.
//
// Example:
//   auto hyphenator = Hyphenator::Load();
//   if (!hyphenator.ok()) return hyphenator.status();
//   for (HyphenPoint p : (*hyphenator)->Points(Language::kDe, "Kündigungsfrist"))
//     ...  // p.offset: 4 ("Kün|digungsfrist"), 6, 11
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "parting/request.h"
#include "parting/status.h"

struct UNormalizer2;  // ICU

namespace parting::layout {

/// A place inside a word where a line may end.
struct HyphenPoint {
  /// Byte offset into the UTF-8 word: the line keeps bytes [0, offset), the
  /// next line starts with [offset, n). Always on a character boundary, and
  /// never between a letter and a combining mark that belongs to it.
  size_t offset = 0;
  /// True for a break right after a hyphen that is already in the word
  /// ("Website-|Relaunch"): the line ends with that hyphen, so no extra
  /// hyphen glyph must be drawn. False: a discretionary break, draw a hyphen.
  bool explicit_hyphen = false;
  bool operator==(const HyphenPoint&) const = default;
};

/// Shortest fragment, in letters, that may stay before and after a break.
struct FragmentMinimum {
  int left = 2;
  int right = 3;
  bool operator==(const FragmentMinimum&) const = default;
};

/// The fragment minimum applied for `language`: its row's hyphen_left and
/// hyphen_right (parting/language.h says where each comes from).
FragmentMinimum MinimumFragments(Language language);

/// The shortest word, in letters, that is hyphenated at all.
inline constexpr int kMinimumWordLetters = 5;

class Hyphenator {
 public:
  /// Opens, from `dir`, the dictionary of every language whose row names one
  /// (hyph_en_US.dic, hyph_de_DE.dic, hyph_pt_BR.dic, hyph_pl_PL.dic). On failure returns
  /// NotFound naming the missing file and the Debian package that installs
  /// it, or Internal for a dictionary that libhyphen or ICU cannot read (an
  /// unknown charset on its first line, say).
  static Result<std::shared_ptr<const Hyphenator>> Load(
      const std::filesystem::path& dir = "/usr/share/hyphen");

  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Opens every dictionary now rather than on its first word: for a
  /// service, before it takes requests. Milliseconds with the packs the build
  /// embedded; seconds for German when its pattern file changed since the
  /// build. Thread-safe.
  void WarmUp() const;

  /// True when `language`'s automaton comes from an embedded pack rather than
  /// from libhyphen's loader (opens the dictionary if it is not yet open).
  bool Prepacked(Language language) const;

  /// True when `language` has a dictionary (every language but Thai).
  bool Supports(Language language) const;

  /// Where `word` (one word of UTF-8, no spaces) may break, in increasing
  /// offset order. Empty when the language has no dictionary (th), when the
  /// word is not valid UTF-8, holds anything but letters (with their
  /// combining marks), hyphens (U+002D, U+2010, U+2011) and apostrophes
  /// (U+0027, U+2019) — so digits, '@', '/', '_', '.' and soft hyphens give
  /// nothing —, has fewer than kMinimumWordLetters letters, or has a letter
  /// the dictionary's charset cannot represent.
  ///
  /// Rules beyond the dictionary's patterns:
  /// - Fragments keep MinimumFragments(language) letters on each side,
  ///   counted in letters (a letter with its combining marks counts once).
  /// - A word with hyphens is hyphenated part by part, each part needing
  ///   kMinimumWordLetters letters; right after a U+002D or U+2010 hyphen a
  ///   break with explicit_hyphen = true is offered when the whole word keeps
  ///   the fragment minimum on both sides ("E-Mail" has none). U+2011 is a
  ///   non-breaking hyphen: it splits parts but offers no break.
  /// - No break next to an apostrophe ("d'|água", "client'|s").
  /// - Non-standard points (German "Schiffahrt" → "Schiff-fahrt", which
  ///   changes letters) are dropped; only points that keep the word's
  ///   letters as they are, plus a hyphen glyph, are given.
  std::vector<HyphenPoint> Points(Language language, std::string_view word) const;

 private:
  struct Dictionary;
  Hyphenator();
  std::array<std::unique_ptr<Dictionary>, 5> dictionaries_;  // by Language
  const UNormalizer2* nfc_ = nullptr;                        // ICU's immutable NFC singleton
};

}  // namespace parting::layout
