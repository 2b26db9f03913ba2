// Locale: dates, amounts, durations and lists as each language writes them,
// through ICU. No hand-written month tables or number formatting.
//
// Functions are thread-safe (ICU formatters are created per call or cached
// per thread) and never fail for valid input: a formatting failure is a bug
// and yields the ISO form.
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
/// BCP 47 tag: "en-US", "de-DE", …
const char* Bcp47(Language language);

/// Long date: "February 28, 2027", "28. Februar 2027", "28 lutego 2027",
/// "28 de fevereiro de 2027", Thai with the Buddhist-era year.
std::string FormatDate(Language language, Date date);
/// "$2,400.00", "1.250,00 €", "R$ 1.250,00", "1 250,00 zł", "฿1,250.00".
std::string FormatAmount(Language language, Amount amount, std::string_view currency);
/// "3 months", "3 Monate", "3 miesiące", "14 days", "2 weeks".
std::string FormatPeriod(Language language, const Period& period);
/// "a, b and c", "a, b und c", …
std::string FormatList(Language language, const std::vector<std::string>& items);

}  // namespace parting::locale
