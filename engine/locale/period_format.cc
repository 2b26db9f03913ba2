// FormatPeriod: ICU NumberFormatter with a duration unit, full unit names.
// Formatters are cached per thread and per unit; the first call on a thread
// builds them.
#include <unicode/measunit.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>

#include <array>
#include <memory>
#include <optional>
#include <string>

#include "locale/icu_support.h"
#include "locale/locale.h"

namespace parting::locale {
namespace {

namespace number = icu::number;

constexpr std::size_t kUnitCount = 3;

std::size_t UnitIndex(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDays:
      return 0;
    case TimeUnit::kWeeks:
      return 1;
    case TimeUnit::kMonths:
      return 2;
  }
  return 2;
}

icu::MeasureUnit UnitOf(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDays:
      return icu::MeasureUnit::getDay();
    case TimeUnit::kWeeks:
      return icu::MeasureUnit::getWeek();
    case TimeUnit::kMonths:
      return icu::MeasureUnit::getMonth();
  }
  return icu::MeasureUnit::getMonth();
}

const number::LocalizedNumberFormatter& CachedFormatter(Language language, TimeUnit unit) {
  thread_local std::array<std::optional<number::LocalizedNumberFormatter>,
                          kLanguageCount * kUnitCount>
      cache;
  auto& slot = cache[LanguageIndex(language) * kUnitCount + UnitIndex(unit)];
  if (!slot) {
    slot = number::NumberFormatter::withLocale(IcuLocaleOf(language))
               .unit(UnitOf(unit))
               .unitWidth(UNUM_UNIT_WIDTH_FULL_NAME);
  }
  return *slot;
}

// CLDR's Polish day unit is "doba" (a 24-hour span: "14 dób"), which no Polish
// contract uses for a deadline; the Civil Code counts in "dni". Only the word
// is ours: ICU still picks the plural form and formats the number.
std::optional<std::string> PolishDays(int amount) {
  thread_local std::unique_ptr<icu::MessageFormat> format;
  UErrorCode status = U_ZERO_ERROR;
  if (!format) {
    format = std::make_unique<icu::MessageFormat>(u"{0,plural,one{# dzień} other{# dni}}",
                                                  IcuLocaleOf(Language::kPl), status);
    if (U_FAILURE(status)) {
      format.reset();
      return std::nullopt;
    }
  }
  icu::Formattable argument(static_cast<int32_t>(amount));
  icu::UnicodeString text;
  icu::FieldPosition position;
  format->format(&argument, 1, text, position, status);
  if (U_FAILURE(status) || text.isEmpty()) return std::nullopt;
  return ToUtf8(text);
}

std::string IsoDuration(const Period& period) {
  const char designator = period.unit == TimeUnit::kDays    ? 'D'
                          : period.unit == TimeUnit::kWeeks ? 'W'
                                                            : 'M';
  return "P" + std::to_string(period.amount) + designator;
}

// A German letter writes small numbers in words: "drei Monate", and one in
// the accusative the notice sentence needs ("beträgt einen Monat").
std::string GermanWords(const Period& period, std::string text) {
  if (period.amount < 1 || period.amount > 12) return text;
  const std::string digits = std::to_string(period.amount);
  if (!text.starts_with(digits)) return text;
  std::string words = period.amount == 1
                          ? (period.unit == TimeUnit::kWeeks ? "eine" : "einen")
                          : SpellOut(Language::kDe, period.amount);
  return words + text.substr(digits.size());
}

}  // namespace

std::string FormatPeriod(Language language, const Period& period) {
  if (language == Language::kPl && period.unit == TimeUnit::kDays) {
    return PolishDays(period.amount).value_or(IsoDuration(period));
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text =
      CachedFormatter(language, period.unit).formatInt(period.amount, status).toString(status);
  if (U_FAILURE(status) || text.isEmpty()) return IsoDuration(period);
  if (language == Language::kDe) return GermanWords(period, ToUtf8(text));
  return ToUtf8(text);
}

}  // namespace parting::locale
