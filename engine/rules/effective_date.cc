// The effective end date: every open route of domain.md, counted from the
// receipt date, the earliest one, and the requested date when it is later.
#include <algorithm>
#include <optional>

#include "rules/routes.h"
#include "rules/steps.h"

namespace parting::rules {
namespace {

/// The date the notice runs out, counted from the receipt, and its wording.
/// A missing notice period counts as none (api.md allows it only with a term
/// end or immediate termination for cause).
struct Notice {
  Date date;
  Said text;  ///< "notice 3 months from 2026-11-22 = 2027-02-22"
};

Notice NoticeFrom(const LetterRequest& request, Date receipt, const Words& words) {
  const std::optional<Period>& period = request.contract.notice_period;
  const bool named = request.termination.receipt_date.has_value();
  if (!period)
    return {receipt, words.Say(named ? "notice_none_receipt" : "notice_none", {receipt})};
  const Date date = AddPeriod(receipt, *period);
  return {date, words.Say(named ? "notice_receipt" : "notice", {*period, receipt, date})};
}

RouteOption Option(Route route, Date date, const Said& said) {
  return {route, date, said.stable, said.text};
}

// Without a notice period there is nothing to count an ordinary termination
// from, and "none" would let the letter end the contract on the day it is sent:
// the route stays closed rather than resting on an invented period.
std::optional<RouteOption> OrdinaryNotice(const LetterRequest& request, Date receipt,
                                          const Words& words) {
  const Contract& contract = request.contract;
  if (!contract.notice_period) return std::nullopt;
  if (contract.term_end && !contract.early_termination_allowed) return std::nullopt;
  const Notice notice = NoticeFrom(request, receipt, words);
  if (contract.notice_anchor == NoticeAnchor::kEndOfMonth) {
    const Date end = notice.date.EndOfMonth();
    return Option(Route::kOrdinaryNotice, end, words.Say("to_month_end", {notice.text, end}));
  }
  if (contract.notice_anchor == NoticeAnchor::kEndOfQuarter) {
    const Date end = notice.date.EndOfQuarter();
    return Option(Route::kOrdinaryNotice, end, words.Say("to_quarter_end", {notice.text, end}));
  }
  return Option(Route::kOrdinaryNotice, notice.date, notice.text);
}

// The anchor belongs to ordinary notice only: for the term's end it is enough
// that the notice has run out by then.
std::optional<TermRoute> EndOfTerm(const LetterRequest& request, Date receipt, const Words& words) {
  const Contract& contract = request.contract;
  if (!contract.term_end) return std::nullopt;
  const Date term_end = *contract.term_end;
  const Notice notice = NoticeFrom(request, receipt, words);
  TermRoute route{{Route::kEndOfTerm, term_end, "", ""}};
  auto say = [&](const Said& said) {
    route.option.derivation = said.stable;
    route.option.derivation_text = said.text;
  };
  if (notice.date <= term_end) {
    route.at_term_end = true;
    say(words.Say("term_fits", {term_end, notice.text}));
    return route;
  }
  const Said missed =
      words.Say(term_end < request.letter_date ? "term_missed_passed" : "term_missed",
                {notice.text, term_end});
  // A renewal of length zero renews nothing; it is read as no renewal (and
  // flagged for review in warnings.cc).
  if (contract.auto_renewal && contract.auto_renewal->amount > 0) {
    const Period renewal = *contract.auto_renewal;
    const int64_t k = FirstRenewalReaching(term_end, renewal, notice.date);
    route.at_term_end = true;
    route.option.date = RenewedTermEnd(term_end, renewal, k);
    say(k > 1 ? words.Say("renews_times", {missed, renewal, k, route.option.date})
              : words.Say("renews_once", {missed, renewal, route.option.date}));
    return route;
  }
  route.confirms_non_renewal = true;
  if (term_end >= receipt) {
    route.at_term_end = true;
    say(words.Say("no_renewal", {missed, term_end}));
    return route;
  }
  // The contract expired before the letter arrives: the letter can only
  // confirm that, on receipt. It is not presented as ending at a term end,
  // since the date it names is not one.
  route.option.date = receipt;
  const bool named = request.termination.receipt_date.has_value();
  say(words.Say(named ? "expired_receipt" : "expired", {term_end, receipt}));
  return route;
}

// An immediate termination takes effect when the client receives it, never
// on the day the letter is written.
std::optional<RouteOption> ForCause(const LetterRequest& request, Date receipt,
                                    const Words& words) {
  if (!request.termination.for_cause || !request.contract.immediate_for_cause) return std::nullopt;
  return Option(Route::kForCause, receipt, words.Say("for_cause", {receipt}));
}

// When two routes give the same day, the one that asks least of the letter
// wins: a term's end needs no argument at all, ordinary notice needs no
// reason, and a termination for cause must be able to prove its cause.
int Preference(Route route) {
  switch (route) {
    case Route::kEndOfTerm:
      return 0;
    case Route::kOrdinaryNotice:
      return 1;
    case Route::kForCause:
      return 2;
    case Route::kRequested:
      return 3;
  }
  return 3;
}

/// "ending at the term end …, N days later, is gentler" when both routes are
/// open, the ordinary date wins and the term's end follows within 31 days.
void AddGentlerTermEndNote(const std::optional<RouteOption>& ordinary,
                           const std::optional<TermRoute>& term, const Words& words, Plan* plan) {
  if (!ordinary || !term || !term->at_term_end) return;
  const Date term_date = term->option.date;
  const int64_t gap = term_date.ToDays() - ordinary->date.ToDays();
  if (gap < 1 || gap > 31 || plan->effective_end_date >= term_date) return;
  const Said note = words.Say(
      "note_gentler", {term_date, Period{static_cast<int>(gap), TimeUnit::kDays}, ordinary->date});
  plan->notes.push_back(note.stable);
  plan->notes_text.push_back(note.text);
}

}  // namespace

Date ReceiptDate(const LetterRequest& request) {
  return request.termination.receipt_date.value_or(request.letter_date);
}

OpenRoutes FindRoutes(const LetterRequest& request, Date receipt, const Words& words) {
  OpenRoutes open;
  open.ordinary = OrdinaryNotice(request, receipt, words);
  open.term = EndOfTerm(request, receipt, words);
  open.for_cause = ForCause(request, receipt, words);
  if (open.ordinary) open.sorted.push_back(*open.ordinary);
  if (open.term) open.sorted.push_back(open.term->option);
  if (open.for_cause) open.sorted.push_back(*open.for_cause);
  std::stable_sort(open.sorted.begin(), open.sorted.end(),
                   [](const RouteOption& a, const RouteOption& b) {
                     if (a.date != b.date) return a.date < b.date;
                     return Preference(a.route) < Preference(b.route);
                   });
  return open;
}

Status ComputeEndDate(const LetterRequest& request, Plan* plan) {
  const Words words(request.language);
  plan->receipt_date = ReceiptDate(request);
  const OpenRoutes open = FindRoutes(request, plan->receipt_date, words);
  if (open.sorted.empty()) {
    return Status::Invalid({{"/contract/notice_period",
                             "is required when the contract has no term end and the "
                             "termination is not for cause with immediate effect"}});
  }
  const RouteOption& best = open.sorted.front();
  plan->options = open.sorted;
  plan->earliest_lawful_date = best.date;

  const std::optional<Date>& requested = request.termination.requested_end_date;
  if (requested && *requested < best.date) {
    return Status::Invalid(
        {{"/termination/requested_end_date",
          "is earlier than the contract allows; the earliest lawful end date is " +
              best.date.ToIso()}});
  }
  if (requested && *requested > best.date) {
    plan->effective_end_date = *requested;
    plan->route = Route::kRequested;
    const Said said = words.Say("requested", {*requested, best.date});
    plan->derivation = said.stable;
    plan->derivation_text = said.text;
    plan->ends_at_term_end = IsTermEnd(request.contract, *requested);
    plan->confirms_non_renewal = false;
  } else {
    plan->effective_end_date = best.date;
    plan->route = best.route;
    plan->derivation = best.derivation;
    plan->derivation_text = best.derivation_text;
    const bool by_term = best.route == Route::kEndOfTerm;
    plan->ends_at_term_end = by_term && open.term->at_term_end;
    plan->confirms_non_renewal = by_term && open.term->confirms_non_renewal;
  }
  AddGentlerTermEndNote(open.ordinary, open.term, words, plan);
  return Status::Ok();
}

}  // namespace parting::rules
