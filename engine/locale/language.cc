// Locale ids and quotation marks of the supported languages.
#include <unicode/ulocdata.h>

#include <array>

#include "locale/icu_support.h"
#include "locale/locale.h"

namespace parting::locale {
namespace {

struct LanguageIds {
  const char* icu;
  const char* bcp47;
};

// Indexed by LanguageIndex().
constexpr std::array<LanguageIds, kLanguageCount> kIds = {{
    {"en_US", "en-US"},
    {"de_DE", "de-DE"},
    {"pt_BR", "pt-BR"},
    {"pl_PL", "pl-PL"},
    {"th_TH", "th-TH"},
}};

// CLDR's delimiter, or the English mark when ICU cannot give one.
std::string Delimiter(Language language, ULocaleDataDelimiterType type, const char* fallback) {
  UErrorCode status = U_ZERO_ERROR;
  ULocaleData* data = ulocdata_open(IcuLocale(language), &status);
  UChar buffer[8];
  int32_t length = ulocdata_getDelimiter(data, type, buffer, 8, &status);
  ulocdata_close(data);
  if (U_FAILURE(status) || length <= 0) return fallback;
  return ToUtf8(icu::UnicodeString(buffer, length));
}

struct Quotes {
  std::string open;
  std::string close;
};

const Quotes& QuotesOf(Language language) {
  // Read once: CLDR data does not change while the process runs.
  static const std::array<Quotes, kLanguageCount> quotes = [] {
    std::array<Quotes, kLanguageCount> out;
    for (Language l : {Language::kEn, Language::kDe, Language::kPt, Language::kPl, Language::kTh}) {
      out[LanguageIndex(l)] = {Delimiter(l, ULOCDATA_QUOTATION_START, "\u201c"),
                               Delimiter(l, ULOCDATA_QUOTATION_END, "\u201d")};
    }
    return out;
  }();
  return quotes[LanguageIndex(language)];
}

}  // namespace

std::size_t LanguageIndex(Language language) {
  switch (language) {
    case Language::kEn:
      return 0;
    case Language::kDe:
      return 1;
    case Language::kPt:
      return 2;
    case Language::kPl:
      return 3;
    case Language::kTh:
      return 4;
  }
  return 0;
}

const icu::Locale& IcuLocaleOf(Language language) {
  static const std::array<icu::Locale, kLanguageCount> locales = {
      icu::Locale(kIds[0].icu), icu::Locale(kIds[1].icu), icu::Locale(kIds[2].icu),
      icu::Locale(kIds[3].icu), icu::Locale(kIds[4].icu)};
  return locales[LanguageIndex(language)];
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

const char* IcuLocale(Language language) { return kIds[LanguageIndex(language)].icu; }
const char* Bcp47(Language language) { return kIds[LanguageIndex(language)].bcp47; }

std::string QuoteOpen(Language language) { return QuotesOf(language).open; }
std::string QuoteClose(Language language) { return QuotesOf(language).close; }

std::string Quote(Language language, std::string_view text) {
  const Quotes& quotes = QuotesOf(language);
  std::string out = quotes.open;
  out.append(text);
  out += quotes.close;
  return out;
}

}  // namespace parting::locale
