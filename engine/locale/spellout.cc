// Numbers in words, through ICU's RuleBasedNumberFormat spellout rules:
// "drei" (de), "หนึ่งหมื่นสองพันห้าร้อย" (th). Cached per thread and language.
#include <unicode/rbnf.h>

#include <array>
#include <memory>

#include "locale/icu_support.h"
#include "locale/locale.h"

namespace parting::locale {

std::string SpellOut(Language language, int64_t number) {
  thread_local std::array<std::unique_ptr<icu::RuleBasedNumberFormat>, kLanguageCount> cache;
  auto& slot = cache[LanguageIndex(language)];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                        IcuLocaleOf(language), status);
    if (U_FAILURE(status)) slot.reset();
  }
  if (!slot) return std::to_string(number);
  icu::UnicodeString text;
  slot->format(static_cast<int64_t>(number), text);
  // Thai rules put a zero-width space between the words; a written sum has none.
  text.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x200B)), icu::UnicodeString());
  return text.isEmpty() ? std::to_string(number) : ToUtf8(text);
}

}  // namespace parting::locale
