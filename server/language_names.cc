#include "server/language_names.h"

#include <unicode/locid.h>
#include <unicode/stringoptions.h>
#include <unicode/unistr.h>

#include "parting/language.h"
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
                     DisplayName(locale, icu::Locale::getEnglish()), InfoOf(language).bcp47});
  }
  return names;
}

std::string LanguagesJson(const std::vector<LanguageName>& languages) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const LanguageName& language : languages)
    list.push_back({{"code", language.code},
                    {"name", language.native_name},
                    {"english_name", language.english_name},
                    {"locale", language.locale}});
  return DumpJson(nlohmann::ordered_json{{"languages", std::move(list)}});
}

}  // namespace parting::server
