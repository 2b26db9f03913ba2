#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "parting/plan.h"
#include "request_fixture.h"

namespace parting {
namespace {

using testing::BaseRequest;
using testing::D;
using testing::Months;

std::vector<Warning> WarningsOf(const LetterRequest& request) {
  const Result<Plan> plan = MakePlan(request);
  REQUIRE(plan.ok());
  return plan->warnings;
}

std::vector<std::string> CodesOf(const LetterRequest& request) {
  std::vector<std::string> codes;
  for (const Warning& w : WarningsOf(request)) codes.push_back(w.code);
  return codes;
}

TEST_CASE("a well-backed request raises no warning") {
  LetterRequest r = BaseRequest();
  r.projects.push_back({"Website relaunch", "Go-live", D("2027-02-28")});
  r.transition.handover_by = D("2027-02-28");
  r.goodwill.kind = GoodwillKind::kRefundLastMonth;
  r.goodwill.amount = Amount{125000};
  r.goodwill.currency = "EUR";
  r.termination.documented_situations.push_back({D("2026-11-22"), "a late payment"});
  CHECK(WarningsOf(r).empty());
}

struct WarningCase {
  const char* name;
  std::function<void(LetterRequest&)> change;
  const char* code;
  const char* pointer;
  const char* message;  ///< a part of the message
};

// BaseRequest() ends on 2027-02-28 (letter 2026-11-22, 3 months to end of month).
const std::vector<WarningCase>& Cases() {
  static const std::vector<WarningCase> cases = {
      {"a project due after the end",
       [](LetterRequest& r) {
         r.projects.push_back({"Intranet", "", D("2026-12-01")});
         r.projects.push_back({"Shop", "Go-live", D("2027-03-01")});
       },
       "project_after_end", "/projects/1/due",
       "project \"Shop\" is due 2027-03-01, after the end date 2027-02-28"},
      {"a project due before the letter",
       [](LetterRequest& r) {
         r.projects.push_back({"Shop", "", D("2026-11-21")});
       },
       "project_due_in_past", "/projects/0/due", "was due 2026-11-21, before the letter date"},
      {"a hand-over date already past",
       [](LetterRequest& r) { r.transition.handover_by = D("2026-11-20"); }, "handover_in_past",
       "/transition/handover_by",
       "the hand-over date 2026-11-20 is before the letter date 2026-11-22: the letter would set "
       "a date already past"},
      {"a term that ends after the letter but before its receipt",
       [](LetterRequest& r) {
         r.contract.term_end = D("2026-11-30");
         r.contract.early_termination_allowed = false;
         r.termination.receipt_date = D("2026-12-02");
       },
       "term_ends_before_receipt", "/termination/receipt_date",
       "the term ends 2026-11-30, before the expected receipt 2026-12-02, and does not renew"},
      {"a hand-over after the end",
       [](LetterRequest& r) { r.transition.handover_by = D("2027-03-01"); }, "handover_after_end",
       "/transition/handover_by", "due 2027-03-01, after the end date"},
      {"goodwill in another currency",
       [](LetterRequest& r) {
         r.goodwill.kind = GoodwillKind::kWaiveFee;
         r.goodwill.amount = Amount{5000};
         r.goodwill.currency = "USD";
       },
       "goodwill_currency_mismatch", "/goodwill/currency", "in USD, the contract in EUR"},
      {"goodwill with no currency at all",
       [](LetterRequest& r) {
         r.contract.currency.clear();
         r.goodwill.kind = GoodwillKind::kWaiveFee;
         r.goodwill.amount = Amount{5000};
       },
       "goodwill_currency_missing", "/goodwill/currency", "no currency"},
      {"a refund without an amount",
       [](LetterRequest& r) { r.goodwill.kind = GoodwillKind::kRefundLastMonth; },
       "goodwill_amount_missing", "/goodwill/amount", "no amount"},
      {"a waived fee without an amount",
       [](LetterRequest& r) { r.goodwill.kind = GoodwillKind::kWaiveFee; },
       "goodwill_amount_missing", "/goodwill/amount", "no amount"},
      {"a cancelled invoice without its number",
       [](LetterRequest& r) { r.goodwill.kind = GoodwillKind::kCancelLastInvoice; },
       "goodwill_invoice_missing", "/goodwill/invoice", "no invoice number"},
      {"a situation after the letter",
       [](LetterRequest& r) {
         r.termination.documented_situations.push_back({D("2026-09-30"), "late payment"});
         r.termination.documented_situations.push_back({D("2026-11-23"), "shouting"});
       },
       "situation_after_letter_date", "/termination/documented_situations/1/date",
       "dated 2026-11-23, after the letter date 2026-11-22"},
      {"signed after the letter", [](LetterRequest& r) { r.contract.signed_on = D("2026-12-01"); },
       "signed_after_letter_date", "/contract/signed_on", "signed 2026-12-01"},
      {"no termination clause", [](LetterRequest& r) { r.contract.termination_clause.clear(); },
       "no_termination_clause", "/contract/termination_clause", "will not cite one"},
      {"for cause without a reason",
       [](LetterRequest& r) {
         r.termination.for_cause = true;
         r.contract.immediate_for_cause = true;
         r.termination.reasons.clear();
       },
       "for_cause_without_reason", "/termination/for_cause", "no reason"},
      {"for cause without an immediate clause",
       [](LetterRequest& r) { r.termination.for_cause = true; }, "for_cause_not_immediate",
       "/contract/immediate_for_cause", "does not allow immediate termination"},
      {"no notice period with a term end",
       [](LetterRequest& r) {
         r.contract.notice_period.reset();
         r.contract.term_end = D("2027-06-30");
         r.contract.early_termination_allowed = false;
       },
       "notice_period_missing", "/contract/notice_period", "no notice period"},
      {"a term that already ended",
       [](LetterRequest& r) {
         r.contract.term_end = D("2026-06-30");
         r.contract.early_termination_allowed = false;
       },
       "term_already_ended", "/contract/term_end",
       "the term ended 2026-06-30, before the letter date 2026-11-22"},
      {"a renewal of zero months",
       [](LetterRequest& r) {
         r.contract.term_end = D("2027-06-30");
         r.contract.auto_renewal = Months(0);
         r.contract.early_termination_allowed = false;
       },
       "renewal_period_zero", "/contract/auto_renewal/period/amount", "renews nothing"},
      {"a requested date between term ends",
       [](LetterRequest& r) {
         r.contract.term_end = D("2027-06-30");
         r.contract.auto_renewal = Months(12);
         r.contract.early_termination_allowed = false;
         r.termination.requested_end_date = D("2027-12-31");
       },
       "requested_not_term_end", "/termination/requested_end_date",
       "2027-12-31 is not the end of a term"},
      {"goodwill refused after abuse of staff",
       [](LetterRequest& r) {
         r.options.apology = false;
         r.termination.reasons = {"abusive_to_staff"};
         r.goodwill.kind = GoodwillKind::kCancelLastInvoice;
         r.goodwill.invoice = "RE-1";
       },
       "goodwill_omitted", "/goodwill/kind", "left out"},
      {"an apology refused after unethical conduct",
       [](LetterRequest& r) { r.termination.reasons = {"unethical_conduct"}; }, "apology_omitted",
       "/options/apology", "left out"},
  };
  return cases;
}

TEST_CASE("each warning names its field and says what is wrong") {
  for (const WarningCase& c : Cases()) {
    const std::string name = c.name;
    CAPTURE(name);
    LetterRequest r = BaseRequest();
    c.change(r);
    const std::vector<Warning> warnings = WarningsOf(r);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].code == c.code);
    CHECK(warnings[0].pointer == c.pointer);
    CHECK_MESSAGE(warnings[0].message.find(c.message) != std::string::npos, warnings[0].message);
  }
}

TEST_CASE("dates on the boundary raise no warning") {
  LetterRequest r = BaseRequest();
  r.projects.push_back({"due on the end date", "", D("2027-02-28")});
  r.projects.push_back({"due on the letter date", "", D("2026-11-22")});
  r.transition.handover_by = D("2027-02-28");
  r.contract.signed_on = D("2026-11-22");
  r.termination.documented_situations.push_back({D("2026-11-22"), "today"});
  CHECK(WarningsOf(r).empty());
}

TEST_CASE("warnings follow the effective end date, also a requested one") {
  LetterRequest r = BaseRequest();
  r.projects.push_back({"Shop", "", D("2027-04-30")});
  CHECK(CodesOf(r) == std::vector<std::string>{"project_after_end"});
  r.termination.requested_end_date = D("2027-04-30");
  CHECK(WarningsOf(r).empty());
}

TEST_CASE("goodwill that is left out is not checked further") {
  LetterRequest r = BaseRequest();
  r.termination.reasons = {"abusive_to_staff"};
  r.goodwill.kind = GoodwillKind::kRefundLastMonth;  // no amount
  r.goodwill.currency = "USD";                       // not the contract's
  CHECK(CodesOf(r) == std::vector<std::string>{"goodwill_omitted", "apology_omitted"});
}

TEST_CASE("several warnings come in the order of the table, then by field") {
  LetterRequest r = BaseRequest();
  r.contract.termination_clause.clear();
  r.projects.push_back({"late", "", D("2027-03-31")});
  r.projects.push_back({"past", "", D("2026-01-01")});
  r.projects.push_back({"later", "", D("2027-05-31")});
  const std::vector<Warning> warnings = WarningsOf(r);
  REQUIRE(warnings.size() == 4);
  CHECK(warnings[0].pointer == "/projects/0/due");
  CHECK(warnings[1].pointer == "/projects/2/due");
  CHECK(warnings[2].code == "project_due_in_past");
  CHECK(warnings[3].code == "no_termination_clause");
}

}  // namespace
}  // namespace parting
