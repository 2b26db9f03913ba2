// ICU locales (from the language table, parting/language.h) and quotation
// marks of the supported languages.
#include <unicode/ulocdata.h>

#include <array>

#include "locale/icu_support.h"
#include "locale/locale.h"

namespace parting::locale {
namespace {

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
    for (const LanguageInfo& info : kLanguages) {
      out[LanguageIndex(info.language)] = {
          Delimiter(info.language, ULOCDATA_QUOTATION_START, "\u201c"),
          Delimiter(info.language, ULOCDATA_QUOTATION_END, "\u201d")};
    }
    return out;
  }();
  return quotes[LanguageIndex(language)];
}

}  // namespace

const icu::Locale& IcuLocaleOf(Language language) {
  static const std::array<icu::Locale, kLanguageCount> locales = [] {
    std::array<icu::Locale, kLanguageCount> out;
    for (const LanguageInfo& info : kLanguages)
      out[LanguageIndex(info.language)] = icu::Locale(info.icu_locale);
    return out;
  }();
  return locales[LanguageIndex(language)];
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

const char* IcuLocale(Language language) { return InfoOf(language).icu_locale; }
const char* Bcp47(Language language) { return InfoOf(language).bcp47; }

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
