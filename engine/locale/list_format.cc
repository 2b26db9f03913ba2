// FormatList: ICU ListFormatter ("and" lists, wide), cached per thread since
// ICU does not promise that a shared ListFormatter may format concurrently.
#include <unicode/listformatter.h>

#include <array>
#include <memory>

#include "locale/icu_support.h"
#include "locale/locale.h"

namespace parting::locale {
namespace {

icu::ListFormatter* CachedFormatter(Language language) {
  thread_local std::array<std::unique_ptr<icu::ListFormatter>, kLanguageCount> cache;
  auto& slot = cache[LanguageIndex(language)];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::ListFormatter::createInstance(IcuLocaleOf(language), ULISTFMT_TYPE_AND,
                                                  ULISTFMT_WIDTH_WIDE, status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

}  // namespace

std::string FormatList(Language language, const std::vector<std::string>& items) {
  if (items.empty()) return "";
  icu::ListFormatter* formatter = CachedFormatter(language);
  if (!formatter) return Joined(items);
  std::vector<icu::UnicodeString> unicode;
  unicode.reserve(items.size());
  for (const std::string& item : items) unicode.push_back(icu::UnicodeString::fromUTF8(item));
  icu::UnicodeString text;
  UErrorCode status = U_ZERO_ERROR;
  formatter->format(unicode.data(), static_cast<int32_t>(unicode.size()), text, status);
  if (U_FAILURE(status)) return Joined(items);
  return ToUtf8(text);
}

}  // namespace parting::locale
