// A valid LetterRequest to start rules tests from, built directly (not parsed),
// and small helpers to write the tables short.
#pragma once

#include <string>

#include "parting/date.h"
#include "parting/request.h"

namespace parting::testing {

/// "2026-11-22" -> Date; the tables only hold real days.
inline Date D(const char* iso) { return *Date::FromIso(iso); }

inline Period Days(int n) { return {n, TimeUnit::kDays}; }
inline Period Weeks(int n) { return {n, TimeUnit::kWeeks}; }
inline Period Months(int n) { return {n, TimeUnit::kMonths}; }

/// The api.md example without the parts that raise warnings: letter
/// 2026-11-22, notice 3 months to end of month, no term, a clause, EUR, one
/// reason, no projects, no transition, no goodwill, an apology.
inline LetterRequest BaseRequest() {
  LetterRequest r;
  r.language = Language::kEn;
  r.letter_date = D("2026-11-22");
  r.sender.organization = "Nordlicht Consulting GmbH";
  r.sender.name = "Jana Petersen";
  r.recipient.organization = "Müller & Söhne AG";
  r.contract.title = "Consulting framework agreement";
  r.contract.reference = "RV-2023-017";
  r.contract.signed_on = D("2023-01-15");
  r.contract.termination_clause = "§ 8.2";
  r.contract.notice_period = Months(3);
  r.contract.notice_anchor = NoticeAnchor::kEndOfMonth;
  r.contract.currency = "EUR";
  r.termination.reasons = {"time_drain"};
  return r;
}

}  // namespace parting::testing
