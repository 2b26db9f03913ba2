// FormatDate and FormatShortDate: ICU DateFormat in each language's own
// calendar (Buddhist for th_TH), cached per thread because a DateFormat
// mutates its calendar while formatting.
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <tuple>

#include "locale/icu_support.h"
#include "locale/locale.h"

namespace parting::locale {
namespace {

enum class Style { kLong, kShort };

std::unique_ptr<icu::DateFormat> CreateFormat(Language language, Style style) {
  const icu::Locale& locale = IcuLocaleOf(language);
  std::unique_ptr<icu::DateFormat> format;
  if (style == Style::kLong) {
    format.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
  } else {
    // kShort has two-digit years ("2/28/27"); the skeleton keeps four and
    // lets the locale order the fields and pick the separator.
    UErrorCode status = U_ZERO_ERROR;
    format.reset(icu::DateFormat::createInstanceForSkeleton(u"yyyyMMdd", locale, status));
    if (U_FAILURE(status)) format.reset();
  }
  if (!format) return nullptr;
  format->adoptTimeZone(icu::TimeZone::createTimeZone(u"Etc/UTC"));
  // Date is proleptic Gregorian; ICU switches to Julian before 1582 unless told.
  auto* gregorian =
      dynamic_cast<icu::GregorianCalendar*>(const_cast<icu::Calendar*>(format->getCalendar()));
  if (gregorian) {
    UErrorCode status = U_ZERO_ERROR;
    gregorian->setGregorianChange(U_DATE_MIN, status);
  }
  return format;
}

icu::DateFormat* CachedFormat(Language language, Style style) {
  thread_local std::array<std::unique_ptr<icu::DateFormat>, 2 * kLanguageCount> cache;
  auto& slot = cache[LanguageIndex(language) * 2 + (style == Style::kShort ? 1 : 0)];
  if (!slot) slot = CreateFormat(language, style);
  return slot.get();
}

std::string FormatUncached(Language language, Date date, Style style) {
  icu::DateFormat* format = CachedFormat(language, style);
  if (!format) return date.ToIso();
  // The instant is computed from the Gregorian day count, never set as fields
  // on the locale's calendar: on th_TH's Buddhist calendar a year set is a
  // Buddhist year. Noon UTC keeps the day whatever the zone.
  constexpr double kMillisPerDay = 86400000.0;
  const UDate instant = static_cast<double>(date.ToDays()) * kMillisPerDay + kMillisPerDay / 2;
  icu::UnicodeString text;
  UErrorCode status = U_ZERO_ERROR;
  format->format(instant, text, nullptr, status);
  if (U_FAILURE(status) || text.isEmpty()) return date.ToIso();
  return ToUtf8(text);
}

// Format(), remembered per thread: a letter names a handful of dates, and
// the letters of a batch mostly the same ones (ICU spends some 30,000
// instructions on a date).
std::string Format(Language language, Date date, Style style) {
  constexpr size_t kRemembered = 256;
  thread_local std::map<std::tuple<int, int, int, int>, std::string> remembered;
  const std::tuple<int, int, int, int> key(
      LanguageIndex(language) * 2 + (style == Style::kShort ? 1 : 0), date.year, date.month,
      date.day);
  if (auto found = remembered.find(key); found != remembered.end()) return found->second;
  std::string text = FormatUncached(language, date, style);
  if (remembered.size() >= kRemembered) remembered.clear();
  remembered.emplace(key, text);
  return text;
}

}  // namespace

std::string FormatDate(Language language, Date date) {
  std::string text = Format(language, date, Style::kLong);
  const LanguageInfo& info = InfoOf(language);
  // What usage adds to CLDR's long date (parting/language.h): an ordinal
  // first day ("1º de março de 2022"), a word after the year ("2027 r.").
  if (*info.first_day && date.day == 1 && text.size() > 1 && text[0] == '1' &&
      (text[1] < '0' || text[1] > '9'))
    text.replace(0, 1, info.first_day);
  if (*info.year_suffix && text.ends_with(std::to_string(date.year))) text += info.year_suffix;
  return text;
}

std::string FormatShortDate(Language language, Date date) {
  return Format(language, date, Style::kShort);
}

}  // namespace parting::locale
