// The supported languages as the service lists them: code, name in the
// language itself and in English, from ICU's locale data (no hand-written
// table), and the locale the letter writes dates in (the language table's
// BCP 47 tag), so that a client can tell the letter's dates in its texts.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "parting/request.h"

namespace parting::server {

struct LanguageName {
  std::string code;          ///< "de"
  std::string native_name;   ///< "Deutsch"
  std::string english_name;  ///< "German"
  std::string locale;        ///< the letter's BCP 47 locale: "de-DE", "en-US"
};

/// Every language of AllLanguages(), in its order.
std::vector<LanguageName> LanguageNames();

/// {"languages":[{"code":…,"name":…,"english_name":…,"locale":…},…]}
std::string LanguagesJson(const std::vector<LanguageName>& languages);

}  // namespace parting::server
