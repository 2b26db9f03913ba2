// The plan's words in English as the review page prints them, for a US or
// UK lawyer reviewing the letter. The terse stable form is words_stable.cc.
#include "rules/words.h"

namespace parting::rules {

const Patterns& EnglishPatterns() {
  static const Patterns patterns = {
      {"notice", "the notice period of {0}, counted from {1}, ends on {2}"},
      {"notice_receipt", "the notice period of {0}, counted from receipt on {1}, ends on {2}"},
      {"notice_none", "no notice period is given; the reference date is {0}"},
      {"notice_none_receipt", "no notice period is given; the reference date is receipt on {0}"},
      {"to_month_end", "{0}; moved to the end of that month: {1}"},
      {"to_quarter_end", "{0}; moved to the end of that quarter: {1}"},
      {"term_fits", "the term ends on {0}; {1}, before the term ends"},
      {"term_missed", "{0}, after the term ends on {1}"},
      {"term_missed_passed", "{0}; the term ended on {1}, before the date of the letter"},
      {"renews_once", "{0}; the contract renews for {1}, to {2}"},
      {"renews_times", "{0}; the contract renews {2} times for {1} each, to {3}"},
      {"no_renewal", "{0}; the contract does not renew and ends when its term expires on {1}"},
      {"expired",
       "the term ended on {0}, before the date of the letter, and the contract does not renew: "
       "it has already expired, and the date of the letter, {1}, applies"},
      {"expired_receipt",
       "the term ended on {0}, before receipt, and the contract does not renew: it has already "
       "expired, and the day of receipt, {1}, applies"},
      {"for_cause",
       "termination for cause with immediate effect, as the contract permits, effective on "
       "receipt: {0}"},
      {"requested",
       "requested end date {0}, later than the earliest date the contract allows, {1}"},
      {"note_gentler",
       "ending at the end of the term on {0}, {1} after the ordinary notice date of {2}, is "
       "gentler than ending mid-term; request {0} as the end date to end there"},
      {"rb_notice",
       "counting the notice period of {0} back from {1}: the client must receive the letter by "
       "{2}"},
      {"rb_notice_month_end",
       "counting the notice period of {0} back from the month end, {1}: the client must receive "
       "the letter by {2}"},
      {"rb_notice_quarter_end",
       "counting the notice period of {0} back from the quarter end, {1}: the client must receive "
       "the letter by {2}"},
      {"rb_term",
       "counting the notice period of {0} back from the end of the term, {1}: the client must "
       "receive the letter by {2}"},
      {"rb_renewed_term",
       "counting the notice period of {0} back from the end of the renewed term, {1}: the client "
       "must receive the letter by {2}"},
      {"rb_term_no_notice",
       "no notice period: the client must receive the letter by the end of the term, {0}"},
      {"rb_renewed_no_notice",
       "no notice period: the client must receive the letter by the end of the renewed term, {0}"},
      {"rb_no_renewal",
       "the contract does not renew and ends on {0} if the letter arrives by then: the client "
       "must receive it by {0}"},
      {"rb_expired",
       "the term ended on {0} without renewal; a letter received later takes effect on receipt: "
       "the client must receive it by {1}"},
      {"rb_for_cause",
       "termination for cause takes effect on receipt: the client must receive the letter by {0}"},
      {"rb_requested", "for the requested end date of {0}: {1}"},
      {"rb_then", "{0}; if received on {1}, the contract would end only on {2}"},
      {"rb_then_requested",
       "{0}; if received on {1}, the requested end date would be earlier than the contract "
       "allows (the earliest would then be {2})"},
      {"w.notice_period_missing",
       "No notice period is given: the end of the term was used without counting any notice, and "
       "no earlier ordinary termination was computed. Check the contract."},
      {"w.renewal_period_zero",
       "A renewal period of 0 renews nothing; the contract was treated as not renewing."},
      {"w.term_already_ended",
       "The term ended on {0}, before the date of the letter ({1}), and the contract does not "
       "renew: it has already expired, and the letter can only confirm that."},
      {"w.term_ends_before_receipt",
       "The term ends on {0}, before the expected receipt on {1}, and the contract does not "
       "renew: it expires on its own before the letter arrives."},
      {"w.for_cause_not_immediate",
       "The termination is for cause, but the contract does not allow immediate termination: the "
       "ordinary routes were applied."},
      {"w.for_cause_without_reason",
       "The termination is for cause, but no reason and no documented situation supports it."},
      {"w.requested_not_term_end",
       "The requested end date of {0} is not the end of a term, and the contract does not allow "
       "ending between terms: it needs the client's consent."},
      {"w.project_after_end", "Project “{0}” is due on {1}, after the end date of {2}."},
      {"w.project_due_in_past",
       "Project “{0}” was due on {1}, before the date of the letter ({2}): the letter would "
       "promise a delivery that is already late."},
      {"w.handover_after_end", "The hand-over is due on {0}, after the end date of {1}."},
      {"w.handover_in_past",
       "The hand-over date of {0} is before the date of the letter ({1}): the letter would set a "
       "date that has already passed."},
      {"w.goodwill_omitted",
       "The goodwill gesture requested was left out because the reasons include abuse of staff "
       "or unethical conduct."},
      {"w.apology_omitted",
       "The apology requested was left out because the reasons include abuse of staff or "
       "unethical conduct."},
      {"w.goodwill_currency_mismatch", "The goodwill gesture is in {0}, the contract in {1}."},
      {"w.goodwill_currency_missing",
       "The goodwill amount has no currency, neither its own nor the contract's."},
      {"w.goodwill_amount_missing",
       "The goodwill gesture names no amount: the letter cannot say how much is refunded or "
       "waived."},
      {"w.goodwill_invoice_missing",
       "The last invoice is to be cancelled, but no invoice number says which one."},
      {"w.situation_after_letter_date",
       "A documented situation is dated {0}, after the date of the letter ({1})."},
      {"w.signed_after_letter_date",
       "The contract was signed on {0}, after the date of the letter ({1})."},
      {"w.no_termination_clause", "No termination clause is given: the letter will not cite one."},
  };
  return patterns;
}

}  // namespace parting::rules
