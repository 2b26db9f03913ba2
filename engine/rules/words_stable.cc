// The stable form of the plan's words: `derivation`, `receive_by_derivation`,
// notes and warning `message`, filled with ISO dates. Integrations may read
// them, so change their wording only on purpose. The English that the review
// page prints is in words_en.cc.
#include "rules/words.h"

namespace parting::rules {

const Patterns& StablePatterns() {
  static const Patterns patterns = {
      // The end date, route by route. {0} period, {1} from, {2} = date.
      {"notice", "notice {0} from {1} = {2}"},
      {"notice_receipt", "notice {0} from receipt {1} = {2}"},
      {"notice_none", "notice (none given) from {0} = {0}"},
      {"notice_none_receipt", "notice (none given) from receipt {0} = {0}"},
      {"to_month_end", "{0}, to end of month: {1}"},
      {"to_quarter_end", "{0}, to end of quarter: {1}"},
      {"term_fits", "term ends {0}; {1} fits before it"},
      {"term_missed", "{0} misses the term end {1}"},
      {"term_missed_passed",
       "{0} misses the term end {1}, which had passed before the letter date"},
      {"renews_once", "{0}; renews by {1}: {2}"},
      {"renews_times", "{0}; renews by {1} {2} times: {3}"},
      {"no_renewal", "{0}; the contract does not renew and ends at the term end: {1}"},
      {"expired",
       "the term ended {0} before the letter date and does not renew: the contract has already "
       "expired; effective date = letter date {1}"},
      {"expired_receipt",
       "the term ended {0} before the receipt date and does not renew: the contract has already "
       "expired; effective date = receipt date {1}"},
      {"for_cause",
       "terminated for cause with immediate effect as the contract allows, on receipt: {0}"},
      {"requested", "requested {0}, later than the earliest lawful date {1}"},
      {"note_gentler",
       "ending at the term end {0}, {1} after the ordinary notice date {2}, is gentler than ending "
       "mid-term; request {0} to end there"},
      // The receipt deadline. {0} notice period, {1} the date it must reach, {2} receive by.
      {"rb_notice", "notice {0} counted back from {1}: receive by {2}"},
      {"rb_notice_month_end", "notice {0} counted back from the month end {1}: receive by {2}"},
      {"rb_notice_quarter_end", "notice {0} counted back from the quarter end {1}: receive by {2}"},
      {"rb_term", "notice {0} counted back from the term end {1}: receive by {2}"},
      {"rb_renewed_term",
       "notice {0} counted back from the end of the renewed term {1}: receive by {2}"},
      {"rb_term_no_notice", "no notice period: receive by the term end {0}"},
      {"rb_renewed_no_notice", "no notice period: receive by the end of the renewed term {0}"},
      {"rb_no_renewal",
       "the contract does not renew and ends at the term end {0} when the letter arrives by then: "
       "receive by {0}"},
      {"rb_expired",
       "the term ended {0} and does not renew; a later letter takes effect on receipt: receive by "
       "{1}"},
      {"rb_for_cause", "the termination for cause takes effect on receipt: receive by {0}"},
      {"rb_requested", "for the requested date {0}: {1}"},
      {"rb_then", "{0}; received on {1}, the contract would end on {2}"},
      {"rb_then_requested",
       "{0}; received on {1}, the requested date would be earlier than the contract allows (the "
       "earliest lawful end date would be {2})"},
      // Warnings, "w." + code.
      {"w.notice_period_missing",
       "no notice period is given: the term end was reached with no notice counted, and no "
       "ordinary termination before it was computed; check the contract"},
      {"w.renewal_period_zero",
       "a renewal period of 0 renews nothing; the contract was treated as not renewing"},
      {"w.term_already_ended",
       "the term ended {0}, before the letter date {1}, and does not renew: the contract has "
       "already expired and the letter can only confirm that"},
      {"w.term_ends_before_receipt",
       "the term ends {0}, before the expected receipt {1}, and does not renew: the contract "
       "expires by itself before the letter arrives"},
      {"w.for_cause_not_immediate",
       "the termination is for cause, but the contract does not allow immediate termination: the "
       "ordinary routes were applied"},
      {"w.for_cause_without_reason",
       "the termination is for cause, but no reason and no documented situation backs it"},
      {"w.requested_not_term_end",
       "the requested date {0} is not the end of a term, and the contract does not allow ending "
       "between term ends: it needs the client's agreement"},
      {"w.project_after_end", "project \"{0}\" is due {1}, after the end date {2}"},
      {"w.project_due_in_past",
       "project \"{0}\" was due {1}, before the letter date {2}: the letter would promise a "
       "delivery already late"},
      {"w.handover_after_end", "the hand-over is due {0}, after the end date {1}"},
      {"w.handover_in_past",
       "the hand-over date {0} is before the letter date {1}: the letter would set a date already "
       "past"},
      {"w.goodwill_omitted",
       "goodwill was requested but left out: the reasons include abuse of staff or unethical "
       "conduct"},
      {"w.apology_omitted",
       "the apology was requested but left out: the reasons include abuse of staff or unethical "
       "conduct"},
      {"w.goodwill_currency_mismatch", "the goodwill is in {0}, the contract in {1}"},
      {"w.goodwill_currency_missing",
       "the goodwill amount has no currency, neither its own nor the contract's"},
      {"w.goodwill_amount_missing",
       "the goodwill names no amount: the letter cannot say how much is refunded or waived"},
      {"w.goodwill_invoice_missing",
       "the last invoice is cancelled, but no invoice number says which one"},
      {"w.situation_after_letter_date",
       "a documented situation is dated {0}, after the letter date {1}"},
      {"w.signed_after_letter_date", "the contract is signed {0}, after the letter date {1}"},
      {"w.no_termination_clause", "no termination clause is given: the letter will not cite one"},
  };
  return patterns;
}

}  // namespace parting::rules
