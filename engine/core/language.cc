// Naming and listing languages, from the one table (parting/language.h).
#include "parting/language.h"

namespace parting {

std::string_view LanguageCode(Language language) { return InfoOf(language).code; }

std::optional<Language> LanguageFromCode(std::string_view code) {
  for (const LanguageInfo& info : kLanguages)
    if (info.code == code) return info.language;
  return std::nullopt;
}

const std::vector<Language>& AllLanguages() {
  static const std::vector<Language> kAll = [] {
    std::vector<Language> all;
    for (const LanguageInfo& info : kLanguages) all.push_back(info.language);
    return all;
  }();
  return kAll;
}

}  // namespace parting
