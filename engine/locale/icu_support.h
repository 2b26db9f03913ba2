// Internal to engine/locale: the ICU locale objects of the supported
// languages and UTF-8 conversion. Thread-safe.
#pragma once

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <string>

#include "parting/language.h"

namespace parting::locale {

inline constexpr std::size_t kLanguageCount = kLanguages.size();

/// Index of `language` into per-language caches: 0..kLanguageCount-1.
using ::parting::LanguageIndex;
/// The ICU locale for `language`; a static object, never null.
const icu::Locale& IcuLocaleOf(Language language);
std::string ToUtf8(const icu::UnicodeString& text);

}  // namespace parting::locale
