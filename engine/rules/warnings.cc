// Warnings for the reviewer: one row per code in kRules, so that a new check
// is one function and one row. A check only finds; the table names the code.
// Each finding is worded through Words under the key "w." + its code, once
// stable in English (`message`) and once in the letter's language (`text`).
#include <string_view>
#include <utility>

#include "rules/routes.h"
#include "rules/steps.h"
#include "rules/words.h"

namespace parting::rules {
namespace {

/// (pointer, what is wrong) pairs found by one check.
using Findings = std::vector<std::pair<std::string, Said>>;
using Check = void (*)(const LetterRequest&, const Plan&, const Words&, Findings&);

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

void NoticePeriodMissing(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  if (r.contract.notice_period || !r.contract.term_end) return;
  out.push_back({"/contract/notice_period", w.Say("w.notice_period_missing")});
}

void RenewalPeriodZero(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  if (!r.contract.auto_renewal || r.contract.auto_renewal->amount != 0) return;
  out.push_back({"/contract/auto_renewal/period/amount", w.Say("w.renewal_period_zero")});
}

void TermAlreadyEnded(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  const Contract& c = r.contract;
  if (!c.term_end || *c.term_end >= r.letter_date || Renews(c)) return;
  out.push_back(
      {"/contract/term_end", w.Say("w.term_already_ended", {*c.term_end, r.letter_date})});
}

// Written before the term ends, but received only after it: the contract has
// run out by itself before the letter arrives.
void TermEndsBeforeReceipt(const LetterRequest& r, const Plan& plan, const Words& w,
                           Findings& out) {
  const Contract& c = r.contract;
  if (!c.term_end || Renews(c)) return;
  if (*c.term_end < r.letter_date || *c.term_end >= plan.receipt_date) return;
  out.push_back({"/termination/receipt_date",
                 w.Say("w.term_ends_before_receipt", {*c.term_end, plan.receipt_date})});
}

void ForCauseNotImmediate(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  if (!r.termination.for_cause || r.contract.immediate_for_cause) return;
  out.push_back({"/contract/immediate_for_cause", w.Say("w.for_cause_not_immediate")});
}

void ForCauseWithoutReason(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  const Termination& t = r.termination;
  if (!t.for_cause || !t.reasons.empty() || !t.documented_situations.empty()) return;
  out.push_back({"/termination/for_cause", w.Say("w.for_cause_without_reason")});
}

// Without early termination a contract can only be left at a term's end; a
// later date that is not one needs the client's agreement.
void RequestedNotTermEnd(const LetterRequest& r, const Plan& plan, const Words& w, Findings& out) {
  if (plan.route != Route::kRequested || !r.contract.term_end || plan.ends_at_term_end) return;
  if (HasOption(plan, Route::kOrdinaryNotice) || HasOption(plan, Route::kForCause)) return;
  out.push_back({"/termination/requested_end_date",
                 w.Say("w.requested_not_term_end", {plan.effective_end_date})});
}

void ProjectAfterEnd(const LetterRequest& r, const Plan& plan, const Words& w, Findings& out) {
  for (size_t i = 0; i < r.projects.size(); ++i) {
    const Project& p = r.projects[i];
    if (!p.due || *p.due <= plan.effective_end_date) continue;
    out.push_back({"/projects/" + std::to_string(i) + "/due",
                   w.Say("w.project_after_end", {p.name, *p.due, plan.effective_end_date})});
  }
}

void ProjectDueInPast(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  for (size_t i = 0; i < r.projects.size(); ++i) {
    const Project& p = r.projects[i];
    if (!p.due || *p.due >= r.letter_date) continue;
    out.push_back({"/projects/" + std::to_string(i) + "/due",
                   w.Say("w.project_due_in_past", {p.name, *p.due, r.letter_date})});
  }
}

void HandoverAfterEnd(const LetterRequest& r, const Plan& plan, const Words& w, Findings& out) {
  const std::optional<Date>& by = r.transition.handover_by;
  if (!by || *by <= plan.effective_end_date) return;
  out.push_back(
      {"/transition/handover_by", w.Say("w.handover_after_end", {*by, plan.effective_end_date})});
}

void HandoverInPast(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  const std::optional<Date>& by = r.transition.handover_by;
  if (!by || *by >= r.letter_date) return;
  out.push_back({"/transition/handover_by", w.Say("w.handover_in_past", {*by, r.letter_date})});
}

void GoodwillOmitted(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  if (r.goodwill.kind == GoodwillKind::kNone || !ReasonsRuleOutGoodwill(r)) return;
  out.push_back({"/goodwill/kind", w.Say("w.goodwill_omitted")});
}

void ApologyOmitted(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  if (!r.options.apology || !ReasonsRuleOutGoodwill(r)) return;
  out.push_back({"/options/apology", w.Say("w.apology_omitted")});
}

// The goodwill checks concern only a goodwill paragraph the letter will have.
void GoodwillCurrencyMismatch(const LetterRequest& r, const Plan& plan, const Words& w,
                              Findings& out) {
  const std::string& mine = r.goodwill.currency;
  const std::string& contract = r.contract.currency;
  if (!HasSection(plan, Section::kGoodwill) || mine.empty() || contract.empty()) return;
  if (mine == contract) return;
  out.push_back({"/goodwill/currency", w.Say("w.goodwill_currency_mismatch", {mine, contract})});
}

void GoodwillCurrencyMissing(const LetterRequest& r, const Plan& plan, const Words& w,
                             Findings& out) {
  if (!HasSection(plan, Section::kGoodwill) || !r.goodwill.amount) return;
  if (!r.goodwill.currency.empty() || !r.contract.currency.empty()) return;
  out.push_back({"/goodwill/currency", w.Say("w.goodwill_currency_missing")});
}

void GoodwillAmountMissing(const LetterRequest& r, const Plan& plan, const Words& w,
                           Findings& out) {
  const GoodwillKind kind = r.goodwill.kind;
  if (!HasSection(plan, Section::kGoodwill) || r.goodwill.amount) return;
  if (kind != GoodwillKind::kRefundLastMonth && kind != GoodwillKind::kWaiveFee) return;
  out.push_back({"/goodwill/amount", w.Say("w.goodwill_amount_missing")});
}

void GoodwillInvoiceMissing(const LetterRequest& r, const Plan& plan, const Words& w,
                            Findings& out) {
  if (!HasSection(plan, Section::kGoodwill)) return;
  if (r.goodwill.kind != GoodwillKind::kCancelLastInvoice || !r.goodwill.invoice.empty()) return;
  out.push_back({"/goodwill/invoice", w.Say("w.goodwill_invoice_missing")});
}

void SituationAfterLetterDate(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  const std::vector<DocumentedSituation>& situations = r.termination.documented_situations;
  for (size_t i = 0; i < situations.size(); ++i) {
    if (situations[i].date <= r.letter_date) continue;
    out.push_back({"/termination/documented_situations/" + std::to_string(i) + "/date",
                   w.Say("w.situation_after_letter_date", {situations[i].date, r.letter_date})});
  }
}

void SignedAfterLetterDate(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  const std::optional<Date>& signed_on = r.contract.signed_on;
  if (!signed_on || *signed_on <= r.letter_date) return;
  out.push_back(
      {"/contract/signed_on", w.Say("w.signed_after_letter_date", {*signed_on, r.letter_date})});
}

void NoTerminationClause(const LetterRequest& r, const Plan&, const Words& w, Findings& out) {
  if (!r.contract.termination_clause.empty()) return;
  out.push_back({"/contract/termination_clause", w.Say("w.no_termination_clause")});
}

constexpr WarningRule kRules[] = {
    {"notice_period_missing", NoticePeriodMissing},
    {"renewal_period_zero", RenewalPeriodZero},
    {"term_already_ended", TermAlreadyEnded},
    {"term_ends_before_receipt", TermEndsBeforeReceipt},
    {"for_cause_not_immediate", ForCauseNotImmediate},
    {"for_cause_without_reason", ForCauseWithoutReason},
    {"requested_not_term_end", RequestedNotTermEnd},
    {"project_after_end", ProjectAfterEnd},
    {"project_due_in_past", ProjectDueInPast},
    {"handover_after_end", HandoverAfterEnd},
    {"handover_in_past", HandoverInPast},
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

std::vector<std::string_view> WarningCodes() {
  std::vector<std::string_view> codes;
  for (const WarningRule& rule : kRules) codes.push_back(rule.code);
  return codes;
}

std::vector<Warning> CollectWarnings(const LetterRequest& request, const Plan& plan) {
  const Words words(request.language);
  std::vector<Warning> warnings;
  for (const WarningRule& rule : kRules) {
    Findings found;
    rule.check(request, plan, words, found);
    for (auto& [pointer, said] : found)
      warnings.push_back({std::string(rule.code), std::move(pointer), std::move(said.stable),
                          std::move(said.text)});
  }
  return warnings;
}

}  // namespace parting::rules
