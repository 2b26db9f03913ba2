// The steps of MakePlan(), internal to the rules stage.
//
// MakePlan() runs them in order: the end date first (it may reject the
// request), then the sections, then the warnings, which look at both. Each
// step is pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parting/date.h"
#include "parting/plan.h"
#include "parting/request.h"
#include "parting/status.h"

namespace parting::rules {

/// letter date + period: days, weeks of 7 days, calendar months (clamped).
Date AddPeriod(Date date, Period period);
/// "3 months", "1 week", "0 days".
std::string PeriodText(Period period);

/// The end of the k-th renewed term (k >= 1) of a term ending `term_end`.
/// Month renewals count from the original term end, so that clamping never
/// accumulates; a term that ends on a month's last day keeps ending on the
/// last day (2027-02-28 renewed by 12 months: 2028-02-29).
Date RenewedTermEnd(Date term_end, Period renewal, int64_t k);
/// The smallest k >= 1 with notice_date <= RenewedTermEnd(term_end, renewal,
/// k). Requires renewal.amount > 0.
int64_t FirstRenewalReaching(Date term_end, Period renewal, Date notice_date);

/// Fills the date part of `plan`: options, earliest_lawful_date,
/// effective_end_date, route, derivation, ends_at_term_end,
/// confirms_non_renewal, notes and the receipt date. Requires plan->letter_date to be set.
/// Returns kInvalid when the requested end date is earlier than the contract
/// allows, or when no route is open at all (no notice period, no term end and
/// no immediate termination for cause).
Status ComputeEndDate(const LetterRequest& request, Plan* plan);

/// Fills receive_by, receive_by_derivation and receive_by_text of a plan
/// whose date part ComputeEndDate() has filled.
void ComputeReceiveBy(const LetterRequest& request, Plan* plan);

/// Whether at least two documented situations lie at least kRepeatedSpanDays
/// apart (Plan::situations_repeated).
bool SituationsRepeated(const LetterRequest& request);

/// Whether `date` is the end of the contract's term or of one of its renewed
/// terms.
bool IsTermEnd(const Contract& contract, Date date);

/// Reasons after which domain.md leaves out goodwill and the apology.
bool ReasonsRuleOutGoodwill(const LetterRequest& request);

/// The sections of the letter, in enum order.
std::vector<Section> ChooseSections(const LetterRequest& request);

/// Warnings for the reviewer, in the order of the table in warnings.cc.
/// Requires the date part and the sections of `plan` to be filled.
std::vector<Warning> CollectWarnings(const LetterRequest& request, const Plan& plan);
/// Every warning code, in table order (each has the words "w." + code).
std::vector<std::string_view> WarningCodes();

}  // namespace parting::rules
