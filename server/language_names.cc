#include "server/language_names.h"

#include <unicode/locid.h>
#include <unicode/stringoptions.h>
#include <unicode/unistr.h>

#include "server/problem.h"

namespace parting::server {
namespace {

// The ICU locale whose name a language is listed under: Parting's Portuguese
// is Brazilian (domain.md).
icu::Locale LocaleOf(Language language) {
  if (language == Language::kPt) return icu::Locale("pt", "BR");
  return icu::Locale(std::string(LanguageCode(language)).c_str());
}

std::string DisplayName(const icu::Locale& locale, const icu::Locale& display_locale) {
  icu::UnicodeString name;
  locale.getDisplayName(display_locale, name);
  // Lists start with a capital where the script has one ("polski" → "Polski").
  name.toTitle(nullptr, display_locale, U_TITLECASE_NO_LOWERCASE);
  std::string utf8;
  name.toUTF8String(utf8);
  return utf8;
}

}  // namespace

std::vector<LanguageName> LanguageNames() {
  std::vector<LanguageName> names;
  for (Language language : AllLanguages()) {
    const icu::Locale locale = LocaleOf(language);
    names.push_back({std::string(LanguageCode(language)), DisplayName(locale, locale),
                     DisplayName(locale, icu::Locale::getEnglish())});
  }
  return names;
}

std::string LanguagesJson(const std::vector<LanguageName>& languages) {
  std::string out = "{\"languages\":[";
  for (size_t i = 0; i < languages.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"code\":";
    AppendJsonString(out, languages[i].code);
    out += ",\"name\":";
    AppendJsonString(out, languages[i].native_name);
    out += ",\"english_name\":";
    AppendJsonString(out, languages[i].english_name);
    out += '}';
  }
  out += "]}";
  return out;
}

}  // namespace parting::server
