// The languages a letter can be written in, each described once.
//
// One row per language: its code in requests and URLs, its ICU locale and
// BCP 47 tag, how its sentences end and its signature is set, and what its
// long dates add to CLDR's. Parsing and naming a language, "every language",
// the per-language caches and the ICU locales all derive from kLanguages, so
// a sixth language adds its enum value (parting/request.h), a row here, its
// templates (letter_templates/<code>/), its words (rules/words_<code>.cc and
// the compose word tables, whose size is checked against this table) and its
// tests. The row also says how its paragraphs are set (justified or ragged),
// which hyphenation dictionary layout/hyphenate.cc opens for it (the build
// packs every /usr/share/hyphen/hyph_*.dic, tools/hyphen_pack.cc) with the
// shortest fragments a break may leave, and which ICU transliteration
// batch/download_name.cc applies first to make its file names ASCII. Names
// for people ("Deutsch", "German") come from ICU's display names of the
// locale. Constexpr data, thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "parting/request.h"  // enum class Language, LanguageCode(), AllLanguages()

namespace parting {

/// What the engine knows about one language.
struct LanguageInfo {
  Language language;
  std::string_view code;   ///< in requests and the API: "pt"
  const char* icu_locale;  ///< ICU locale id: "pt_BR"
  const char* bcp47;       ///< BCP 47 tag: "pt-BR"
  /// Whether a statement ends with a full stop (Thai ends without one).
  bool full_stop;
  /// Whether the signer's name under the signature stands in parentheses
  /// (Thai letters: "(สมชาย ใจดี)").
  bool signer_in_parentheses;
  /// The long date's day 1 where usage writes it as an ordinal (Brazilian
  /// "1º de março"; CLDR gives "1"), else "".
  const char* first_day;
  /// What follows the year of a long date, bound to it (Polish "2027 r.",
  /// roku), else "".
  const char* year_suffix;
  /// Whether body paragraphs are justified. Thai is set ragged: stretching
  /// its few spaces (phrase boundaries) opens holes, and stretching between
  /// letters is not Thai practice.
  bool justify;
  /// libhyphen's pattern file in /usr/share/hyphen ("hyph_de_DE.dic"), "" for
  /// none (Thai is not hyphenated), and the Debian package that installs it.
  const char* hyphenation_file;
  const char* hyphenation_package;
  /// The fewest letters a hyphenation break may leave before and after it,
  /// from typographic practice: en 2/3 (TeX and the dictionary's own
  /// LEFT/RIGHTHYPHENMIN), de 2/2 (Duden: "Ab-end" but never "A-bend"; babel
  /// ngerman), pt 2/3 (hyph-utf8, babel portuguese), pl 2/2 (Polish rules
  /// only forbid single letters; babel polish).
  int hyphen_left;
  int hyphen_right;
  /// ICU transliterator ids applied before "Any-Latin; Latin-ASCII" when a
  /// download name is made ASCII, with their "; " ("de-ASCII; ": Müller →
  /// Mueller, ß → ss; "Thai-Latin; ": บริษัท → bris'ath), else "".
  const char* ascii_transliteration;
  /// Whether its page content is dense enough that the PDF stage compresses
  /// it at zlib's default level rather than libdeflate's fastest: a Thai
  /// page carries three times the operators of a Latin one (its marks'
  /// offsets, ActualText for every run), and the default level takes a
  /// kilobyte, 4 %, off a Thai letter (pdf/pdf_writer.cc).
  bool dense_page_content;
};

/// Every supported language, in the order of enum class Language.
inline constexpr std::array<LanguageInfo, 5> kLanguages = {{
    {.language = Language::kEn,
     .code = "en",
     .icu_locale = "en_US",
     .bcp47 = "en-US",
     .full_stop = true,
     .signer_in_parentheses = false,
     .first_day = "",
     .year_suffix = "",
     .justify = true,
     .hyphenation_file = "hyph_en_US.dic",
     .hyphenation_package = "hyphen-en-us",
     .hyphen_left = 2,
     .hyphen_right = 3,
     .ascii_transliteration = "",
     .dense_page_content = false},
    {.language = Language::kDe,
     .code = "de",
     .icu_locale = "de_DE",
     .bcp47 = "de-DE",
     .full_stop = true,
     .signer_in_parentheses = false,
     .first_day = "",
     .year_suffix = "",
     .justify = true,
     .hyphenation_file = "hyph_de_DE.dic",
     .hyphenation_package = "hyphen-de",
     .hyphen_left = 2,
     .hyphen_right = 2,
     .ascii_transliteration = "de-ASCII; ",
     .dense_page_content = false},
    {.language = Language::kPt,
     .code = "pt",
     .icu_locale = "pt_BR",
     .bcp47 = "pt-BR",
     .full_stop = true,
     .signer_in_parentheses = false,
     .first_day = "1\u00BA",
     .year_suffix = "",
     .justify = true,
     .hyphenation_file = "hyph_pt_BR.dic",
     .hyphenation_package = "hyphen-pt-br",
     .hyphen_left = 2,
     .hyphen_right = 3,
     .ascii_transliteration = "",
     .dense_page_content = false},
    {.language = Language::kPl,
     .code = "pl",
     .icu_locale = "pl_PL",
     .bcp47 = "pl-PL",
     .full_stop = true,
     .signer_in_parentheses = false,
     .first_day = "",
     .year_suffix = "\u00a0r.",
     .justify = true,
     .hyphenation_file = "hyph_pl_PL.dic",
     .hyphenation_package = "hyphen-pl",
     .hyphen_left = 2,
     .hyphen_right = 2,
     .ascii_transliteration = "",
     .dense_page_content = false},
    {.language = Language::kTh,
     .code = "th",
     .icu_locale = "th_TH",
     .bcp47 = "th-TH",
     .full_stop = false,
     .signer_in_parentheses = true,
     .first_day = "",
     .year_suffix = "",
     .justify = false,
     .hyphenation_file = "",
     .hyphenation_package = "",
     .hyphen_left = 2,
     .hyphen_right = 3,
     .ascii_transliteration = "Thai-Latin; ",
     .dense_page_content = true},
}};

/// 0..kLanguages.size()-1: the row of `language`, and its slot in
/// per-language caches.
constexpr std::size_t LanguageIndex(Language language) {
  return static_cast<std::size_t>(language);
}

constexpr const LanguageInfo& InfoOf(Language language) {
  return kLanguages[LanguageIndex(language)];
}

namespace language_table_check {
constexpr bool InEnumOrder() {
  for (std::size_t i = 0; i < kLanguages.size(); ++i)
    if (LanguageIndex(kLanguages[i].language) != i) return false;
  return true;
}
static_assert(InEnumOrder(), "kLanguages must list the languages in enum order");
}  // namespace language_table_check

}  // namespace parting
