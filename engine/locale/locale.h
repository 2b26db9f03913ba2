// Locale: dates, amounts, durations, lists and quotation marks as each
// language writes them, through ICU 72. No hand-written month tables or
// number formatting.
//
// Example:
//   FormatDate(Language::kDe, Date{2027, 2, 28})        → "28. Februar 2027"
//   FormatAmount(Language::kPt, *Amount::FromDecimal("1250"), "BRL")
//                                                        → "R$\u00a01.250,00"
//
// Output is UTF-8 and keeps the no-break spaces ICU puts in (U+00A0 inside
// amounts: "1.250,00\u00a0€", "R$\u00a01.250,00", "1\u00a0250,00\u00a0zł"):
// they are what keeps the layout from breaking an amount or a number across
// lines, so callers must not replace them with plain spaces.
//
// Functions are thread-safe (ICU formatters are cached per thread) and never
// throw: an ICU failure is a bug and yields the ISO or plain form described on
// each function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parting/amount.h"
#include "parting/date.h"
#include "parting/request.h"

namespace parting::locale {

/// ICU locale id: "en_US", "de_DE", "pt_BR", "pl_PL", "th_TH".
const char* IcuLocale(Language language);
/// BCP 47 tag: "en-US", "de-DE", "pt-BR", "pl-PL", "th-TH".
const char* Bcp47(Language language);

/// Long date: "February 28, 2027", "28. Februar 2027", "28 lutego 2027"
/// (genitive), "28 de fevereiro de 2027", "28 กุมภาพันธ์ 2570" (Thai in the
/// Buddhist era, year + 543). ISO "2027-02-28" on failure.
std::string FormatDate(Language language, Date date);
/// Numeric date with four-digit year: "02/28/2027", "28.02.2027",
/// "28/02/2027", "28.02.2027", "28/02/2570" (Buddhist era). ISO on failure.
std::string FormatShortDate(Language language, Date date);

/// `number` in words, by ICU's spellout rules: SpellOut(kDe, 3) → "drei",
/// SpellOut(kTh, 12500) → "หนึ่งหมื่นสองพันห้าร้อย". The digits when ICU has no rules.
std::string SpellOut(Language language, int64_t number);

/// `currency` is an ISO 4217 code: "$2,400.00", "1.250,00\u00a0€",
/// "R$\u00a01.250,00", "1\u00a0250,00\u00a0zł", "฿1,250.00". Four-digit sums
/// are grouped in every language (Polish too, as domain.md writes them).
/// Decimals are the currency's own (0 for JPY) unless that would drop cents.
/// An empty `currency` gives the plain number with two decimals ("1.250,00").
/// On failure (e.g. a malformed code): "1250.00 EUR".
std::string FormatAmount(Language language, Amount amount, std::string_view currency);
/// Full unit names with the language's plural forms: "3 months", "3 Monate",
/// "1 miesiąc", "3 miesiące", "5 miesięcy", "1 mês", "3 meses", "3 เดือน",
/// "0 days". Polish days are "dni" ("14 dni"), not CLDR's "doba" ("14 dób").
/// ISO 8601 duration ("P3M") on failure.
std::string FormatPeriod(Language language, const Period& period);
/// Conjunction list as ICU writes it: "a, b, and c" (en_US serial comma),
/// "a, b und c", "a, b e c", "a, b i c", "a b และc". "" for no items; the
/// items joined with ", " on failure.
std::string FormatList(Language language, const std::vector<std::string>& items);

/// The language's primary quotation marks from CLDR: “…” (en, pt, th),
/// „…“ (de), „…” (pl).
std::string QuoteOpen(Language language);
std::string QuoteClose(Language language);
/// `text` between the language's quotation marks: Quote(kDe, "x") → "„x“".
std::string Quote(Language language, std::string_view text);

}  // namespace parting::locale
