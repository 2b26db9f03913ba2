#include <doctest/doctest.h>

#include <string>

#include "parting/plan.h"
#include "request_fixture.h"

namespace parting {
namespace {

using testing::BaseRequest;
using testing::D;

TEST_CASE("the plan JSON has every field, compact, in a fixed order") {
  Plan plan;
  plan.letter_date = D("2026-11-22");
  plan.receipt_date = D("2026-11-24");
  plan.effective_end_date = D("2027-06-30");
  plan.receive_by = D("2027-03-31");
  plan.receive_by_derivation = "rb";
  plan.receive_by_text = "rb text";
  plan.route = Route::kRequested;
  plan.derivation = "requested 2027-06-30, later than the earliest lawful date 2027-02-28";
  plan.derivation_text = "derivation text";
  plan.earliest_lawful_date = D("2027-02-28");
  plan.ends_at_term_end = true;
  plan.situations_repeated = true;
  plan.options = {{Route::kOrdinaryNotice, D("2027-02-28"), "notice …", "Frist …"},
                  {Route::kEndOfTerm, D("2027-06-30"), "term ends 2027-06-30", "Ende"}};
  plan.notes = {"a note"};
  plan.notes_text = {"eine Notiz"};
  plan.sections = {Section::kThanks, Section::kClosing};
  plan.warnings = {{"project_after_end", "/projects/0/due", "late", "spät"}};
  CHECK(PlanToJson(plan) ==
        R"({"letter_date":"2026-11-22","receipt_date":"2026-11-24",)"
        R"("effective_end_date":"2027-06-30","receive_by":"2027-03-31",)"
        R"("receive_by_derivation":"rb","receive_by_text":"rb text","route":"requested",)"
        R"("derivation":"requested 2027-06-30, later than the earliest lawful date 2027-02-28",)"
        R"("derivation_text":"derivation text",)"
        R"("earliest_lawful_date":"2027-02-28","ends_at_term_end":true,)"
        R"("confirms_non_renewal":false,"situations_repeated":true,"options":[)"
        R"({"route":"ordinary_notice","date":"2027-02-28","derivation":"notice …",)"
        R"("derivation_text":"Frist …"},)"
        R"({"route":"end_of_term","date":"2027-06-30","derivation":"term ends 2027-06-30",)"
        R"("derivation_text":"Ende"}],)"
        R"("notes":["a note"],"notes_text":["eine Notiz"],"sections":["thanks","closing"],)"
        R"("warnings":[{"code":"project_after_end","pointer":"/projects/0/due",)"
        R"("message":"late","text":"spät"}]})");
}

TEST_CASE("empty lists stay in the JSON") {
  Plan plan;
  const std::string json = PlanToJson(plan);
  CHECK(json.find(R"("options":[],"notes":[],"notes_text":[],"sections":[],"warnings":[]})") !=
        std::string::npos);
}

TEST_CASE("strings from the request are escaped") {
  Plan plan;
  plan.warnings = {{"project_after_end", "/projects/0/due",
                    std::string("project \"A\\B\"\n\tdue\x01 — Müller") + '\x1f'}};
  CHECK(PlanToJson(plan).find(R"("message":"project \"A\\B\"\n\tdue\u0001 — Müller\u001f")") !=
        std::string::npos);
}

TEST_CASE("the same request gives the same plan JSON") {
  LetterRequest r = BaseRequest();
  r.contract.term_end = D("2027-03-31");
  r.contract.early_termination_allowed = true;
  r.projects.push_back({"Shop \"2\"", "", D("2027-04-01")});
  const Result<Plan> a = MakePlan(r);
  const Result<Plan> b = MakePlan(r);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const std::string json = PlanToJson(*a);
  CHECK(json == PlanToJson(*b));
  CHECK(json.find(R"({"letter_date":"2026-11-22","receipt_date":"2026-11-22",)"
                  R"("effective_end_date":"2027-02-28","receive_by":"2026-11-30",)") == 0);
  CHECK(json.find(R"("route":"ordinary_notice","derivation":"notice 3 months from 2026-11-22 = )"
                  R"(2027-02-22, to end of month: 2027-02-28","derivation_text":"the notice period of )"
                  R"(3 months, counted from November 22, 2026, ends on February 22, 2027; moved to )"
                  R"(the end of that month: February 28, 2027")") !=
        std::string::npos);
  CHECK(json.find(R"("notes":["ending at the term end 2027-03-31, 31 days after)") !=
        std::string::npos);
  CHECK(json.find(R"("sections":["thanks","decision","contract","projects","apology",)"
                  R"("closing"])") != std::string::npos);
  CHECK(json.find(R"("message":"project \"Shop \"2\"\" is due 2027-04-01)") != std::string::npos);
}

}  // namespace
}  // namespace parting
