// FormatAmount: ICU NumberFormatter with a currency unit, fed the exact decimal
// string. Formatters are kept per thread, language, currency and precision.
#include <unicode/numberformatter.h>
#include <unicode/ucurr.h>

#include <map>
#include <string>
#include <tuple>

#include "locale/icu_support.h"
#include "locale/locale.h"

namespace parting::locale {
namespace {

namespace number = icu::number;

// Whether showing `digits` decimals would drop some of the cents.
bool DropsCents(Amount amount, int digits) {
  if (digits >= 2) return false;
  const int64_t step = digits == 1 ? 10 : 100;
  return amount.cents % step != 0;
}

std::string PlainAmount(Amount amount, std::string_view currency) {
  std::string out = amount.ToDecimal();
  if (!currency.empty()) {
    out += ' ';
    out.append(currency);
  }
  return out;
}

std::string FormatDecimal(const number::LocalizedNumberFormatter& formatter, Amount amount,
                          std::string_view currency) {
  UErrorCode status = U_ZERO_ERROR;
  // The exact decimal string, never a double: 1234567.89 stays 1234567.89.
  const std::string decimal = amount.ToDecimal();
  icu::UnicodeString text = formatter.formatDecimal(decimal, status).toString(status);
  if (U_FAILURE(status) || text.isEmpty()) return PlainAmount(amount, currency);
  return ToUtf8(text);
}

// A formatter for `language`, `currency` (none when empty) and `digits`
// after the point, aligned grouping or the locale's own. ICU builds a
// formatter's pattern on its first uses, which costs more than formatting:
// each thread keeps the ones it has made.
const number::LocalizedNumberFormatter& Formatter(Language language, const std::string& currency,
                                                  int digits, bool aligned) {
  thread_local std::map<std::tuple<Language, std::string, int, bool>,
                        number::LocalizedNumberFormatter>
      made;
  auto key = std::make_tuple(language, currency, digits, aligned);
  if (auto found = made.find(key); found != made.end()) return found->second;
  auto formatter = number::NumberFormatter::withLocale(IcuLocaleOf(language))
                       .precision(number::Precision::fixedFraction(digits));
  if (aligned) formatter = formatter.grouping(UNUM_GROUPING_ON_ALIGNED);
  if (!currency.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::CurrencyUnit unit(icu::StringPiece(currency), status);
    if (U_SUCCESS(status)) formatter = formatter.unit(unit);
  }
  return made.emplace(std::move(key), std::move(formatter)).first->second;
}

// Thai letters write baht as "12,500.00 บาท" and give the sum in words, as
// a cheque or a contract does: "(หนึ่งหมื่นสองพันห้าร้อยบาทถ้วน)".
std::string ThaiBaht(Amount amount) {
  std::string figures = FormatDecimal(Formatter(Language::kTh, "", 2, false), amount, "");
  const int64_t baht = amount.cents / 100;
  const int64_t satang = amount.cents % 100;
  std::string words = baht > 0 || satang == 0 ? SpellOut(Language::kTh, baht) + "บาท" : "";
  words += satang == 0 ? "ถ้วน" : SpellOut(Language::kTh, satang) + "สตางค์";
  return figures + "\u00a0บาท (" + words + ")";
}

}  // namespace

std::string FormatAmount(Language language, Amount amount, std::string_view currency) {
  // Aligned grouping groups four-digit sums too: CLDR's Polish data leaves
  // "1250,00 zł" ungrouped, domain.md writes "1 250,00 zł". The other
  // languages group from four digits already.
  if (currency.empty()) return FormatDecimal(Formatter(language, "", 2, true), amount, "");
  if (language == Language::kTh && currency == "THB" && amount.cents >= 0) return ThaiBaht(amount);
  UErrorCode status = U_ZERO_ERROR;
  const std::string code(currency);
  icu::CurrencyUnit unit(icu::StringPiece(code), status);
  if (U_FAILURE(status)) return PlainAmount(amount, currency);
  int digits = ucurr_getDefaultFractionDigits(unit.getISOCurrency(), &status);
  if (U_FAILURE(status) || DropsCents(amount, digits)) digits = 2;
  return FormatDecimal(Formatter(language, code, digits, true), amount, currency);
}

}  // namespace parting::locale
