// Warnings for the reviewer: one row per code in kRules, so that a new check
// is one function and one row. A check only finds; the table names the code.
#include <string_view>
#include <utility>

#include "rules/steps.h"

namespace parting::rules {
namespace {

/// (pointer, message) pairs found by one check.
using Findings = std::vector<std::pair<std::string, std::string>>;
using Check = void (*)(const LetterRequest&, const Plan&, Findings&);

struct WarningRule {
  std::string_view code;
  Check check;
};

bool HasSection(const Plan& plan, Section section) {
  for (Section s : plan.sections)
    if (s == section) return true;
  return false;
}

bool HasOption(const Plan& plan, Route route) {
  for (const RouteOption& option : plan.options)
    if (option.route == route) return true;
  return false;
}

bool Renews(const Contract& contract) {
  return contract.auto_renewal && contract.auto_renewal->amount > 0;
}

void NoticePeriodMissing(const LetterRequest& r, const Plan&, Findings& out) {
  if (r.contract.notice_period || !r.contract.term_end) return;
  out.push_back({"/contract/notice_period",
                 "no notice period is given: the term end was reached with no notice counted, and "
                 "no ordinary termination before it was computed; check the contract"});
}

void RenewalPeriodZero(const LetterRequest& r, const Plan&, Findings& out) {
  if (!r.contract.auto_renewal || r.contract.auto_renewal->amount != 0) return;
  out.push_back({"/contract/auto_renewal/period/amount",
                 "a renewal period of 0 renews nothing; the contract was treated as not renewing"});
}

void TermAlreadyEnded(const LetterRequest& r, const Plan&, Findings& out) {
  const Contract& c = r.contract;
  if (!c.term_end || *c.term_end >= r.letter_date || Renews(c)) return;
  out.push_back({"/contract/term_end",
                 "the term ended " + c.term_end->ToIso() + ", before the letter date " +
                     r.letter_date.ToIso() +
                     ", and does not renew: the contract has already expired and the letter can "
                     "only confirm that"});
}

void ForCauseNotImmediate(const LetterRequest& r, const Plan&, Findings& out) {
  if (!r.termination.for_cause || r.contract.immediate_for_cause) return;
  out.push_back({"/contract/immediate_for_cause",
                 "the termination is for cause, but the contract does not allow immediate "
                 "termination: the ordinary routes were applied"});
}

void ForCauseWithoutReason(const LetterRequest& r, const Plan&, Findings& out) {
  const Termination& t = r.termination;
  if (!t.for_cause || !t.reasons.empty() || !t.documented_situations.empty()) return;
  out.push_back({"/termination/for_cause",
                 "the termination is for cause, but no reason and no documented situation "
                 "backs it"});
}

// Without early termination a contract can only be left at a term's end; a
// later date that is not one needs the client's agreement.
void RequestedNotTermEnd(const LetterRequest& r, const Plan& plan, Findings& out) {
  if (plan.route != Route::kRequested || !r.contract.term_end || plan.ends_at_term_end) return;
  if (HasOption(plan, Route::kOrdinaryNotice) || HasOption(plan, Route::kForCause)) return;
  out.push_back({"/termination/requested_end_date",
                 "the requested date " + plan.effective_end_date.ToIso() +
                     " is not the end of a term, and the contract does not allow ending between "
                     "term ends: it needs the client's agreement"});
}

void ProjectAfterEnd(const LetterRequest& r, const Plan& plan, Findings& out) {
  for (size_t i = 0; i < r.projects.size(); ++i) {
    const Project& p = r.projects[i];
    if (!p.due || *p.due <= plan.effective_end_date) continue;
    out.push_back({"/projects/" + std::to_string(i) + "/due",
                   "project \"" + p.name + "\" is due " + p.due->ToIso() + ", after the end date " +
                       plan.effective_end_date.ToIso()});
  }
}

void ProjectDueInPast(const LetterRequest& r, const Plan&, Findings& out) {
  for (size_t i = 0; i < r.projects.size(); ++i) {
    const Project& p = r.projects[i];
    if (!p.due || *p.due >= r.letter_date) continue;
    out.push_back({"/projects/" + std::to_string(i) + "/due",
                   "project \"" + p.name + "\" was due " + p.due->ToIso() +
                       ", before the letter date " + r.letter_date.ToIso() +
                       ": the letter would promise a delivery already late"});
  }
}

void HandoverAfterEnd(const LetterRequest& r, const Plan& plan, Findings& out) {
  const std::optional<Date>& by = r.transition.handover_by;
  if (!by || *by <= plan.effective_end_date) return;
  out.push_back({"/transition/handover_by", "the hand-over is due " + by->ToIso() +
                                                ", after the end date " +
                                                plan.effective_end_date.ToIso()});
}

void GoodwillOmitted(const LetterRequest& r, const Plan&, Findings& out) {
  if (r.goodwill.kind == GoodwillKind::kNone || !ReasonsRuleOutGoodwill(r)) return;
  out.push_back({"/goodwill/kind",
                 "goodwill was requested but left out: the reasons include abuse of staff or "
                 "unethical conduct"});
}

void ApologyOmitted(const LetterRequest& r, const Plan&, Findings& out) {
  if (!r.options.apology || !ReasonsRuleOutGoodwill(r)) return;
  out.push_back({"/options/apology",
                 "the apology was requested but left out: the reasons include abuse of staff or "
                 "unethical conduct"});
}

// The goodwill checks concern only a goodwill paragraph the letter will have.
void GoodwillCurrencyMismatch(const LetterRequest& r, const Plan& plan, Findings& out) {
  const std::string& mine = r.goodwill.currency;
  const std::string& contract = r.contract.currency;
  if (!HasSection(plan, Section::kGoodwill) || mine.empty() || contract.empty()) return;
  if (mine == contract) return;
  out.push_back(
      {"/goodwill/currency", "the goodwill is in " + mine + ", the contract in " + contract});
}

void GoodwillCurrencyMissing(const LetterRequest& r, const Plan& plan, Findings& out) {
  if (!HasSection(plan, Section::kGoodwill) || !r.goodwill.amount) return;
  if (!r.goodwill.currency.empty() || !r.contract.currency.empty()) return;
  out.push_back({"/goodwill/currency",
                 "the goodwill amount has no currency, neither its own nor the contract's"});
}

void GoodwillAmountMissing(const LetterRequest& r, const Plan& plan, Findings& out) {
  const GoodwillKind kind = r.goodwill.kind;
  if (!HasSection(plan, Section::kGoodwill) || r.goodwill.amount) return;
  if (kind != GoodwillKind::kRefundLastMonth && kind != GoodwillKind::kWaiveFee) return;
  out.push_back({"/goodwill/amount",
                 "the goodwill names no amount: the letter cannot say how much is refunded or "
                 "waived"});
}

void GoodwillInvoiceMissing(const LetterRequest& r, const Plan& plan, Findings& out) {
  if (!HasSection(plan, Section::kGoodwill)) return;
  if (r.goodwill.kind != GoodwillKind::kCancelLastInvoice || !r.goodwill.invoice.empty()) return;
  out.push_back(
      {"/goodwill/invoice", "the last invoice is cancelled, but no invoice number says which one"});
}

void SituationAfterLetterDate(const LetterRequest& r, const Plan&, Findings& out) {
  const std::vector<DocumentedSituation>& situations = r.termination.documented_situations;
  for (size_t i = 0; i < situations.size(); ++i) {
    if (situations[i].date <= r.letter_date) continue;
    out.push_back({"/termination/documented_situations/" + std::to_string(i) + "/date",
                   "a documented situation is dated " + situations[i].date.ToIso() +
                       ", after the letter date " + r.letter_date.ToIso()});
  }
}

void SignedAfterLetterDate(const LetterRequest& r, const Plan&, Findings& out) {
  const std::optional<Date>& signed_on = r.contract.signed_on;
  if (!signed_on || *signed_on <= r.letter_date) return;
  out.push_back({"/contract/signed_on", "the contract is signed " + signed_on->ToIso() +
                                            ", after the letter date " + r.letter_date.ToIso()});
}

void NoTerminationClause(const LetterRequest& r, const Plan&, Findings& out) {
  if (!r.contract.termination_clause.empty()) return;
  out.push_back({"/contract/termination_clause",
                 "no termination clause is given: the letter will not cite one"});
}

constexpr WarningRule kRules[] = {
    {"notice_period_missing", NoticePeriodMissing},
    {"renewal_period_zero", RenewalPeriodZero},
    {"term_already_ended", TermAlreadyEnded},
    {"for_cause_not_immediate", ForCauseNotImmediate},
    {"for_cause_without_reason", ForCauseWithoutReason},
    {"requested_not_term_end", RequestedNotTermEnd},
    {"project_after_end", ProjectAfterEnd},
    {"project_due_in_past", ProjectDueInPast},
    {"handover_after_end", HandoverAfterEnd},
    {"goodwill_omitted", GoodwillOmitted},
    {"apology_omitted", ApologyOmitted},
    {"goodwill_currency_mismatch", GoodwillCurrencyMismatch},
    {"goodwill_currency_missing", GoodwillCurrencyMissing},
    {"goodwill_amount_missing", GoodwillAmountMissing},
    {"goodwill_invoice_missing", GoodwillInvoiceMissing},
    {"situation_after_letter_date", SituationAfterLetterDate},
    {"signed_after_letter_date", SignedAfterLetterDate},
    {"no_termination_clause", NoTerminationClause},
};

}  // namespace

std::vector<Warning> CollectWarnings(const LetterRequest& request, const Plan& plan) {
  std::vector<Warning> warnings;
  for (const WarningRule& rule : kRules) {
    Findings found;
    rule.check(request, plan, found);
    for (auto& [pointer, message] : found)
      warnings.push_back({std::string(rule.code), std::move(pointer), std::move(message)});
  }
  return warnings;
}

}  // namespace parting::rules
