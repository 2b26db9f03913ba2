// The receipt deadline (domain.md): the latest day of receipt for which the
// effective end date still holds.
//
// Every route's date is a non-decreasing function f(r) of the day of receipt
// r, and the effective date is max(requested, min over the open routes of
// f(r)). So the effective date stays E exactly as long as some route still
// gives a date <= E, and the deadline is the largest, over the open routes, of
// the last r with f(r) <= E. Each route's last r is worked out arithmetically
// below; tests/rules/receive_by_test.cc checks every case against a day-by-day
// search.
#include <optional>

#include "rules/routes.h"
#include "rules/steps.h"

namespace parting::rules {
namespace {

/// One route's last day of receipt for an end date, with its wording.
struct Limit {
  Route route;
  Date by;
  Said text;
};

/// The largest r with AddPeriod(r, period) <= x. Counting months back from
/// a month's last day lands on a month's last day: 2027-02-28 less 1 month is
/// 2027-01-31, since Jan 29, 30 and 31 + 1 month all clamp to Feb 28.
Date LatestStart(Date x, Period period) {
  if (period.unit == TimeUnit::kMonths) {
    const Date back = x.AddMonths(-period.amount);
    return x == x.EndOfMonth() ? back.EndOfMonth() : back;
  }
  return x.AddDays(-int64_t{period.amount} * (period.unit == TimeUnit::kWeeks ? 7 : 1));
}

Date LastMonthEndBy(Date t) {
  return t == t.EndOfMonth() ? t : Date{t.year, t.month, 1}.AddDays(-1);
}

Date LastQuarterEndBy(Date t) {
  return t == t.EndOfQuarter() ? t : Date{t.year, (t.month - 1) / 3 * 3 + 1, 1}.AddDays(-1);
}

std::optional<Limit> OrdinaryLimit(const LetterRequest& request, Date end, const Words& words) {
  const Contract& contract = request.contract;
  if (!contract.notice_period) return std::nullopt;
  if (contract.term_end && !contract.early_termination_allowed) return std::nullopt;
  const Period period = *contract.notice_period;
  const char* key = "rb_notice";
  Date target = end;
  if (contract.notice_anchor == NoticeAnchor::kEndOfMonth) {
    key = "rb_notice_month_end";
    target = LastMonthEndBy(end);
  } else if (contract.notice_anchor == NoticeAnchor::kEndOfQuarter) {
    key = "rb_notice_quarter_end";
    target = LastQuarterEndBy(end);
  }
  const Date by = LatestStart(target, period);
  return Limit{Route::kOrdinaryNotice, by, words.Say(key, {period, target, by})};
}

std::optional<Limit> TermLimit(const LetterRequest& request, Date end, const Words& words) {
  const Contract& contract = request.contract;
  if (!contract.term_end || end < *contract.term_end) return std::nullopt;
  const Date term_end = *contract.term_end;
  const std::optional<Period>& notice = contract.notice_period;
  if (!contract.auto_renewal || contract.auto_renewal->amount <= 0) {
    // The contract ends at its term end whenever the letter comes before it;
    // a letter received later takes effect on receipt.
    if (end == term_end)
      return Limit{Route::kEndOfTerm, term_end, words.Say("rb_no_renewal", {term_end})};
    return Limit{Route::kEndOfTerm, end, words.Say("rb_expired", {term_end, end})};
  }
  // The last (renewed) term end on or before `end`, k = 0 for the term itself.
  const Period renewal = *contract.auto_renewal;
  int64_t k = FirstRenewalReaching(term_end, renewal, end);
  if (RenewedTermEnd(term_end, renewal, k) > end) --k;
  const Date target = k == 0 ? term_end : RenewedTermEnd(term_end, renewal, k);
  if (!notice) {
    return Limit{Route::kEndOfTerm, target,
                 words.Say(k == 0 ? "rb_term_no_notice" : "rb_renewed_no_notice", {target})};
  }
  const Date by = LatestStart(target, *notice);
  return Limit{Route::kEndOfTerm, by,
               words.Say(k == 0 ? "rb_term" : "rb_renewed_term", {*notice, target, by})};
}

std::optional<Limit> ForCauseLimit(const LetterRequest& request, Date end, const Words& words) {
  if (!request.termination.for_cause || !request.contract.immediate_for_cause) return std::nullopt;
  return Limit{Route::kForCause, end, words.Say("rb_for_cause", {end})};
}

}  // namespace

void ComputeReceiveBy(const LetterRequest& request, Plan* plan) {
  const Words words(request.language);
  const Date end = plan->effective_end_date;
  std::optional<Limit> best;
  for (const std::optional<Limit>& limit :
       {OrdinaryLimit(request, end, words), TermLimit(request, end, words),
        ForCauseLimit(request, end, words)}) {
    if (!limit) continue;
    const bool later = !best || limit->by > best->by;
    const bool same_but_winner = best && limit->by == best->by && limit->route == plan->route;
    if (later || same_but_winner) best = limit;
  }
  // ComputeEndDate() found a route with a date <= end for the actual receipt,
  // so there is a limit, and it is not before that receipt.
  if (!best || best->by < plan->receipt_date) {
    plan->receive_by = plan->receipt_date;
    plan->receive_by_derivation = plan->receive_by_text = "";
    return;
  }
  Said said = best->text;
  if (plan->route == Route::kRequested) said = words.Say("rb_requested", {end, said});

  // What a day's delay would do: the reviewer sees why the deadline matters.
  const Date next = best->by.AddDays(1);
  const OpenRoutes later = FindRoutes(request, next, words);
  if (!later.sorted.empty()) {
    const Date moved = later.sorted.front().date;
    said = request.termination.requested_end_date
               ? words.Say("rb_then_requested", {said, next, moved})
               : words.Say("rb_then", {said, next, moved});
  }
  plan->receive_by = best->by;
  plan->receive_by_derivation = said.stable;
  plan->receive_by_text = said.text;
}

}  // namespace parting::rules
