// The language table (parting/language.h): every row is whole, and what the
// engine derives from it (codes, "every language", ICU locales) agrees
// with it.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "locale/icu_support.h"
#include "locale/locale.h"
#include "parting/language.h"

namespace parting::locale {
namespace {

TEST_CASE("every language's row is whole and its code reads back") {
  std::set<std::string_view> codes;
  for (const LanguageInfo& info : kLanguages) {
    CAPTURE(info.code);
    CHECK(codes.insert(info.code).second);
    CHECK(LanguageFromCode(info.code) == info.language);
    CHECK(LanguageCode(info.language) == info.code);
    CHECK(std::string(IcuLocale(info.language)) == info.icu_locale);
    CHECK(std::string(Bcp47(info.language)) == info.bcp47);
    // The ICU locale is the language's own, and ICU has data for it.
    CHECK(std::string(IcuLocaleOf(info.language).getLanguage()) == info.code);
    CHECK_FALSE(IcuLocaleOf(info.language).isBogus());
  }
  CHECK(AllLanguages().size() == kLanguages.size());
  CHECK(kLanguageCount == kLanguages.size());
  CHECK_FALSE(LanguageFromCode("xx"));
  CHECK_FALSE(LanguageFromCode("EN"));
}

}  // namespace
}  // namespace parting::locale
