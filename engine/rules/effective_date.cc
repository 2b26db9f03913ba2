// The effective end date: every open route of domain.md, the earliest one,
// and the requested date when it is later.
#include <algorithm>
#include <optional>

#include "rules/steps.h"

namespace parting::rules {
namespace {

/// What the end-of-term route found, beyond its date.
struct TermRoute {
  RouteOption option;
  bool at_term_end = false;           ///< the date is the end of a (renewed) term
  bool confirms_non_renewal = false;  ///< the term ends and is not continued
};

/// The date the notice runs out, counted from the letter date, and its wording.
/// A missing notice period counts as none (api.md allows it only with a term
/// end or immediate termination for cause).
struct Notice {
  Date date;
  std::string text;  ///< "notice 3 months from 2026-11-22 = 2027-02-22"
};

Notice NoticeFrom(const LetterRequest& request) {
  const Date letter = request.letter_date;
  const std::optional<Period>& period = request.contract.notice_period;
  const Date date = period ? AddPeriod(letter, *period) : letter;
  const std::string length = period ? PeriodText(*period) : "(none given)";
  return {date, "notice " + length + " from " + letter.ToIso() + " = " + date.ToIso()};
}

// Without a notice period there is nothing to count an ordinary termination
// from, and "none" would let the letter end the contract on the day it is sent:
// the route stays closed rather than resting on an invented period.
std::optional<RouteOption> OrdinaryNotice(const LetterRequest& request) {
  const Contract& contract = request.contract;
  if (!contract.notice_period) return std::nullopt;
  if (contract.term_end && !contract.early_termination_allowed) return std::nullopt;
  const Notice notice = NoticeFrom(request);
  RouteOption option{Route::kOrdinaryNotice, notice.date, notice.text};
  if (contract.notice_anchor == NoticeAnchor::kEndOfMonth) {
    option.date = notice.date.EndOfMonth();
    option.derivation += ", to end of month: " + option.date.ToIso();
  } else if (contract.notice_anchor == NoticeAnchor::kEndOfQuarter) {
    option.date = notice.date.EndOfQuarter();
    option.derivation += ", to end of quarter: " + option.date.ToIso();
  }
  return option;
}

// The anchor belongs to ordinary notice only: for the term's end it is enough
// that the notice has run out by then.
std::optional<TermRoute> EndOfTerm(const LetterRequest& request) {
  const Contract& contract = request.contract;
  if (!contract.term_end) return std::nullopt;
  const Date term_end = *contract.term_end;
  const Date letter = request.letter_date;
  const Notice notice = NoticeFrom(request);
  TermRoute route{{Route::kEndOfTerm, term_end, ""}};
  if (notice.date <= term_end) {
    route.at_term_end = true;
    route.option.derivation =
        "term ends " + term_end.ToIso() + "; " + notice.text + " fits before it";
    return route;
  }
  const std::string missed = notice.text + " misses the term end " + term_end.ToIso() +
                             (term_end < letter ? ", which had passed before the letter date" : "");
  // A renewal of length zero renews nothing; it is read as no renewal (and
  // flagged for review in warnings.cc).
  if (contract.auto_renewal && contract.auto_renewal->amount > 0) {
    const Period renewal = *contract.auto_renewal;
    const int64_t k = FirstRenewalReaching(term_end, renewal, notice.date);
    route.at_term_end = true;
    route.option.date = RenewedTermEnd(term_end, renewal, k);
    route.option.derivation = missed + "; renews by " + PeriodText(renewal) +
                              (k > 1 ? " " + std::to_string(k) + " times" : "") + ": " +
                              route.option.date.ToIso();
    return route;
  }
  route.confirms_non_renewal = true;
  if (term_end >= letter) {
    route.at_term_end = true;
    route.option.derivation =
        missed + "; the contract does not renew and ends at the term end: " + term_end.ToIso();
    return route;
  }
  // The contract expired before anyone wrote: the letter can only confirm
  // that, as of its own date. It is not presented as ending at a term end,
  // since the date it names is not one.
  route.option.date = letter;
  route.option.derivation = "the term ended " + term_end.ToIso() +
                            " before the letter date and does not renew: the contract has "
                            "already expired; effective date = letter date " +
                            letter.ToIso();
  return route;
}

std::optional<RouteOption> ForCause(const LetterRequest& request) {
  if (!request.termination.for_cause || !request.contract.immediate_for_cause) return std::nullopt;
  return RouteOption{Route::kForCause, request.letter_date,
                     "terminated for cause with immediate effect as the contract allows: " +
                         request.letter_date.ToIso()};
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
                           const std::optional<TermRoute>& term, Plan* plan) {
  if (!ordinary || !term || !term->at_term_end) return;
  const Date term_date = term->option.date;
  const int64_t gap = term_date.ToDays() - ordinary->date.ToDays();
  if (gap < 1 || gap > 31 || plan->effective_end_date >= term_date) return;
  plan->notes.push_back("ending at the term end " + term_date.ToIso() + ", " + std::to_string(gap) +
                        (gap == 1 ? " day" : " days") + " after the ordinary notice date " +
                        ordinary->date.ToIso() + ", is gentler than ending mid-term; request " +
                        term_date.ToIso() + " to end there");
}

}  // namespace

Status ComputeEndDate(const LetterRequest& request, Plan* plan) {
  const std::optional<RouteOption> ordinary = OrdinaryNotice(request);
  const std::optional<TermRoute> term = EndOfTerm(request);
  const std::optional<RouteOption> for_cause = ForCause(request);
  std::vector<RouteOption> options;
  if (ordinary) options.push_back(*ordinary);
  if (term) options.push_back(term->option);
  if (for_cause) options.push_back(*for_cause);
  if (options.empty()) {
    return Status::Invalid({{"/contract/notice_period",
                             "is required when the contract has no term end and the "
                             "termination is not for cause with immediate effect"}});
  }
  std::stable_sort(options.begin(), options.end(), [](const RouteOption& a, const RouteOption& b) {
    if (a.date != b.date) return a.date < b.date;
    return Preference(a.route) < Preference(b.route);
  });
  const RouteOption& best = options.front();
  plan->options = options;
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
    plan->derivation = "requested " + requested->ToIso() +
                       ", later than the earliest lawful date " + best.date.ToIso();
    plan->ends_at_term_end = IsTermEnd(request.contract, *requested);
    plan->confirms_non_renewal = false;
  } else {
    plan->effective_end_date = best.date;
    plan->route = best.route;
    plan->derivation = best.derivation;
    const bool by_term = best.route == Route::kEndOfTerm;
    plan->ends_at_term_end = by_term && term->at_term_end;
    plan->confirms_non_renewal = by_term && term->confirms_non_renewal;
  }
  AddGentlerTermEndNote(ordinary, term, plan);
  return Status::Ok();
}

}  // namespace parting::rules
