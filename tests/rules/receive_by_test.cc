// receive_by: the latest day of receipt that keeps the effective end date,
// per route, worked out by hand, and every answer checked against a
// day-by-day search over MakePlan itself.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "parting/plan.h"
#include "request_fixture.h"

namespace parting {
namespace {

using testing::D;
using testing::Days;
using testing::Months;
using testing::Weeks;

constexpr NoticeAnchor kAny = NoticeAnchor::kAnyDay;
constexpr NoticeAnchor kMonthEnd = NoticeAnchor::kEndOfMonth;
constexpr NoticeAnchor kQuarterEnd = NoticeAnchor::kEndOfQuarter;

struct Case {
  const char* name;
  const char* letter;
  std::optional<Period> notice = std::nullopt;
  NoticeAnchor anchor = kAny;
  const char* term_end = nullptr;
  std::optional<Period> renewal = std::nullopt;
  bool early = true;
  bool for_cause = false;
  const char* requested = nullptr;
  const char* receipt = nullptr;
  const char* end = nullptr;         ///< the effective end date
  const char* receive_by = nullptr;  ///< the latest receipt that keeps it
  const char* derivation = "";       ///< a part of receive_by_derivation
};

// Worked out by hand; the day-by-day search below must agree.
// clang-format off
const Case kCases[] = {
    // Ordinary notice: month ends and clamping.
    {.name = "api example", .letter = "2026-11-22", .notice = Months(3), .anchor = kMonthEnd,
     .end = "2027-02-28", .receive_by = "2026-11-30",
     .derivation = "notice 3 months counted back from the month end 2027-02-28: receive by "
                   "2026-11-30; received on 2026-12-01, the contract would end on 2027-03-31"},
    {.name = "Jan 28..31 + 1 month all give Feb 28", .letter = "2027-01-28", .notice = Months(1),
     .end = "2027-02-28", .receive_by = "2027-01-31",
     .derivation = "received on 2027-02-01, the contract would end on 2027-03-01"},
    {.name = "Jan 31 + 1 month", .letter = "2027-01-31", .notice = Months(1),
     .end = "2027-02-28", .receive_by = "2027-01-31"},
    {.name = "leap February", .letter = "2028-01-29", .notice = Months(1),
     .end = "2028-02-29", .receive_by = "2028-01-31"},
    {.name = "Feb 28 + 1 month = Mar 28, Mar 1 would give Apr 1", .letter = "2027-02-28",
     .notice = Months(1), .end = "2027-03-28", .receive_by = "2027-02-28"},
    {.name = "mid-month any day", .letter = "2026-11-22", .notice = Months(3),
     .end = "2027-02-22", .receive_by = "2026-11-22"},
    {.name = "receipt days after the letter", .letter = "2026-11-22", .notice = Months(3),
     .anchor = kMonthEnd, .receipt = "2026-12-02", .end = "2027-03-31",
     .receive_by = "2026-12-31"},
    // Quarter ends.
    {.name = "3 months to quarter end", .letter = "2026-11-22", .notice = Months(3),
     .anchor = kQuarterEnd, .end = "2027-03-31", .receive_by = "2026-12-31",
     .derivation = "counted back from the quarter end 2027-03-31: receive by 2026-12-31"},
    {.name = "1 month to quarter end", .letter = "2027-03-01", .notice = Months(1),
     .anchor = kQuarterEnd, .end = "2027-06-30", .receive_by = "2027-05-31"},
    {.name = "6 weeks to quarter end", .letter = "2027-01-10", .notice = Weeks(6),
     .anchor = kQuarterEnd, .end = "2027-03-31", .receive_by = "2027-02-17"},
    // Days and weeks.
    {.name = "4 weeks any day", .letter = "2026-11-22", .notice = Weeks(4),
     .end = "2026-12-20", .receive_by = "2026-11-22"},
    {.name = "4 weeks to month end", .letter = "2026-11-22", .notice = Weeks(4),
     .anchor = kMonthEnd, .end = "2026-12-31", .receive_by = "2026-12-03"},
    {.name = "30 days to month end", .letter = "2026-12-15", .notice = Days(30),
     .anchor = kMonthEnd, .end = "2027-01-31", .receive_by = "2027-01-01"},
    {.name = "zero days", .letter = "2026-11-22", .notice = Days(0), .end = "2026-11-22",
     .receive_by = "2026-11-22"},
    // End of term, renewals.
    {.name = "notice fits, renews", .letter = "2026-11-22", .notice = Months(3),
     .term_end = "2027-06-30", .renewal = Months(12), .early = false, .end = "2027-06-30",
     .receive_by = "2027-03-31",
     .derivation = "notice 3 months counted back from the term end 2027-06-30: receive by "
                   "2027-03-31; received on 2027-04-01, the contract would end on 2028-06-30"},
    {.name = "renewed term ending on Feb 29", .letter = "2026-12-15", .notice = Months(3),
     .term_end = "2027-02-28", .renewal = Months(12), .early = false, .end = "2028-02-29",
     .receive_by = "2027-11-30",
     .derivation = "counted back from the end of the renewed term 2028-02-29: receive by "
                   "2027-11-30"},
    {.name = "renews by 30 days", .letter = "2026-11-22", .notice = Days(30),
     .term_end = "2026-11-30", .renewal = Days(30), .early = false, .end = "2026-12-30",
     .receive_by = "2026-11-30"},
    {.name = "renewal without notice period", .letter = "2026-11-22", .term_end = "2027-03-31",
     .renewal = Months(3), .early = false, .end = "2027-03-31", .receive_by = "2027-03-31",
     .derivation = "no notice period: receive by the term end 2027-03-31"},
    {.name = "a term that ended before the letter and renewed since", .letter = "2026-11-22",
     .notice = Months(3), .term_end = "2025-06-30", .renewal = Months(12), .early = false,
     .end = "2027-06-30", .receive_by = "2027-03-31"},
    {.name = "renews by 6 weeks", .letter = "2026-11-10", .notice = Weeks(2),
     .term_end = "2026-11-30", .renewal = Weeks(6), .early = false, .end = "2026-11-30",
     .receive_by = "2026-11-16"},
    {.name = "renews by 6 weeks, notice misses", .letter = "2026-11-20", .notice = Weeks(2),
     .term_end = "2026-11-30", .renewal = Weeks(6), .early = false, .end = "2027-01-11",
     .receive_by = "2026-12-28"},
    {.name = "no renewal: the term end holds until it passes", .letter = "2026-12-15",
     .notice = Months(3), .term_end = "2027-02-28", .early = false, .end = "2027-02-28",
     .receive_by = "2027-02-28",
     .derivation = "the contract does not renew and ends at the term end 2027-02-28"},
    {.name = "no renewal, notice fits", .letter = "2026-11-22", .notice = Days(30),
     .term_end = "2027-02-28", .early = false, .end = "2027-02-28", .receive_by = "2027-02-28"},
    {.name = "already expired", .letter = "2026-11-22", .notice = Months(3),
     .term_end = "2026-10-31", .early = false, .end = "2026-11-22", .receive_by = "2026-11-22"},
    {.name = "ordinary beats the term end", .letter = "2026-11-22", .notice = Months(1),
     .anchor = kMonthEnd, .term_end = "2027-06-30", .renewal = Months(12), .end = "2026-12-31",
     .receive_by = "2026-11-30"},
    // A requested date: the latest receipt that still allows it.
    {.name = "requested after a month-end notice", .letter = "2026-11-22", .notice = Months(3),
     .anchor = kMonthEnd, .requested = "2027-06-30", .end = "2027-06-30",
     .receive_by = "2027-03-31",
     .derivation = "for the requested date 2027-06-30: notice 3 months counted back from the "
                   "month end 2027-06-30: receive by 2027-03-31; received on 2027-04-01, the "
                   "requested date would be earlier than the contract allows (the earliest "
                   "lawful end date would be 2027-07-31)"},
    {.name = "requested mid-quarter", .letter = "2026-11-22", .notice = Months(3),
     .anchor = kQuarterEnd, .requested = "2027-05-15", .end = "2027-05-15",
     .receive_by = "2026-12-31"},
    {.name = "requested Mar 30, one month any day", .letter = "2027-02-10", .notice = Months(1),
     .requested = "2027-03-30", .end = "2027-03-30", .receive_by = "2027-02-28"},
    {.name = "requested on a renewed term end", .letter = "2026-11-22", .notice = Months(3),
     .term_end = "2027-06-30", .renewal = Months(12), .early = false,
     .requested = "2028-06-30", .end = "2028-06-30", .receive_by = "2028-03-31"},
    {.name = "requested equal to the earliest date", .letter = "2026-11-22",
     .notice = Months(3), .anchor = kMonthEnd, .requested = "2027-02-28", .end = "2027-02-28",
     .receive_by = "2026-11-30", .derivation = "the requested date would be earlier"},
    // For cause: it ends on receipt.
    {.name = "for cause ends on receipt", .letter = "2026-11-22", .notice = Months(3),
     .for_cause = true, .receipt = "2026-11-25", .end = "2026-11-25",
     .receive_by = "2026-11-25",
     .derivation = "the termination for cause takes effect on receipt: receive by 2026-11-25; "
                   "received on 2026-11-26, the contract would end on 2026-11-26"},
    {.name = "for cause, no receipt date: the letter date", .letter = "2026-11-22",
     .for_cause = true, .end = "2026-11-22", .receive_by = "2026-11-22"},
    {.name = "for cause with a later requested date", .letter = "2026-11-22",
     .notice = Months(3), .anchor = kMonthEnd, .for_cause = true, .requested = "2026-12-15",
     .end = "2026-12-15", .receive_by = "2026-12-15"},
};
// clang-format on

LetterRequest RequestFor(const Case& c) {
  LetterRequest r = testing::BaseRequest();
  r.letter_date = D(c.letter);
  r.contract.notice_period = c.notice;
  r.contract.notice_anchor = c.anchor;
  if (c.term_end) r.contract.term_end = D(c.term_end);
  r.contract.auto_renewal = c.renewal;
  r.contract.early_termination_allowed = c.early;
  r.contract.immediate_for_cause = c.for_cause;
  r.termination.for_cause = c.for_cause;
  if (c.requested) r.termination.requested_end_date = D(c.requested);
  if (c.receipt) r.termination.receipt_date = D(c.receipt);
  return r;
}

/// The definition itself: the largest r from the receipt on for which the
/// plan with receipt r still ends on the same day (searched day by day).
Date SearchReceiveBy(LetterRequest r, Date from, Date end) {
  Date last = from;
  for (Date day = from; day.ToDays() < from.ToDays() + 3 * 366; day = day.AddDays(1)) {
    r.termination.receipt_date = day;
    const Result<Plan> plan = MakePlan(r);
    if (!plan.ok() || plan->effective_end_date != end) return last;
    last = day;
  }
  return last;
}

TEST_CASE("receive_by per route, by hand and by search") {
  for (const Case& c : kCases) {
    const std::string name = c.name;
    CAPTURE(name);
    const LetterRequest r = RequestFor(c);
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->receipt_date == D(c.receipt ? c.receipt : c.letter));
    CHECK(plan->effective_end_date.ToIso() == std::string(c.end));
    CHECK(plan->receive_by.ToIso() == std::string(c.receive_by));
    CHECK(plan->receive_by == SearchReceiveBy(r, plan->receipt_date, plan->effective_end_date));
    CHECK_MESSAGE(plan->receive_by_derivation.find(c.derivation) != std::string::npos,
                  plan->receive_by_derivation);
    CHECK(!plan->receive_by_text.empty());
  }
}

TEST_CASE("receive_by agrees with the day-by-day search over many contracts") {
  const Period notices[] = {Days(0),  Days(14),  Days(30),  Weeks(2),
                            Weeks(6), Months(1), Months(3), Months(6)};
  const NoticeAnchor anchors[] = {kAny, kMonthEnd, kQuarterEnd};
  const char* letters[] = {"2026-01-31", "2026-11-22", "2027-02-28", "2027-12-31", "2028-02-29"};
  int checked = 0;
  for (const char* letter : letters) {
    for (const Period& notice : notices) {
      for (NoticeAnchor anchor : anchors) {
        // Three shapes of contract: open-ended, a fixed term that renews, a
        // fixed term that does not; the last two with early termination
        // allowed on every other notice.
        for (int shape = 0; shape < 3; ++shape) {
          LetterRequest r = testing::BaseRequest();
          r.letter_date = D(letter);
          r.contract.notice_period = notice;
          r.contract.notice_anchor = anchor;
          if (shape > 0) {
            r.contract.term_end = D(letter).AddMonths(2 + notice.amount % 5).EndOfMonth();
            r.contract.early_termination_allowed = (checked % 2) == 0;
            if (shape == 1) r.contract.auto_renewal = (checked % 3) ? Months(12) : Days(90);
          }
          // Each shape as it is, received some days after the letter, with
          // a later requested date, and (with an immediate clause) for cause.
          for (int variant = 0; variant < 4; ++variant) {
            LetterRequest v = r;
            if (variant == 1) v.termination.receipt_date = D(letter).AddDays(3 + checked % 11);
            if (variant == 2) {
              const Result<Plan> base = MakePlan(v);
              REQUIRE(base.ok());
              v.termination.requested_end_date = base->effective_end_date.AddDays(1 + checked % 40);
            }
            if (variant == 3) {
              v.termination.for_cause = true;
              v.contract.immediate_for_cause = true;
              v.termination.receipt_date = D(letter).AddDays(checked % 5);
            }
            const Result<Plan> plan = MakePlan(v);
            REQUIRE(plan.ok());
            CAPTURE(PlanToJson(*plan));
            CHECK(plan->receive_by >= plan->receipt_date);
            CHECK(plan->receive_by ==
                  SearchReceiveBy(v, plan->receipt_date, plan->effective_end_date));
          }
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 5 * 8 * 3 * 3);
}

TEST_CASE("notice counts from the receipt date on every route") {
  LetterRequest r = testing::BaseRequest();  // 3 months to month end, letter 2026-11-22
  r.termination.receipt_date = D("2026-12-01");
  SUBCASE("ordinary notice") {
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->effective_end_date == D("2027-03-31"));
    CHECK(plan->derivation ==
          "notice 3 months from receipt 2026-12-01 = 2027-03-01, to end of "
          "month: 2027-03-31");
  }
  SUBCASE("end of term: the notice no longer fits") {
    r.contract.term_end = D("2027-02-28");
    r.contract.early_termination_allowed = false;
    r.contract.auto_renewal = Months(12);
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->effective_end_date == D("2028-02-29"));
  }
  SUBCASE("for cause: the day of receipt, never the letter date") {
    r.termination.for_cause = true;
    r.contract.immediate_for_cause = true;
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->route == Route::kForCause);
    CHECK(plan->effective_end_date == D("2026-12-01"));
    CHECK(plan->derivation.find("on receipt: 2026-12-01") != std::string::npos);
  }
  SUBCASE("a requested date the later receipt no longer allows") {
    r.termination.requested_end_date = D("2027-02-28");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.status().errors()[0].message ==
          "is earlier than the contract allows; the earliest lawful end date is 2027-03-31");
  }
  SUBCASE("an expired term counts to the receipt") {
    r.contract.term_end = D("2026-11-25");  // after the letter, before the receipt
    r.contract.early_termination_allowed = false;
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->effective_end_date == D("2026-12-01"));
    CHECK(plan->derivation.find("effective date = receipt date 2026-12-01") != std::string::npos);
  }
}

TEST_CASE("receive_by is said in the letter's language") {
  LetterRequest r = testing::BaseRequest();
  r.language = Language::kDe;
  Result<Plan> plan = MakePlan(r);
  REQUIRE(plan.ok());
  CHECK(plan->receive_by_text ==
        "Kündigungsfrist drei Monate, zurückgerechnet vom Monatsende am 28. Februar 2027: Zugang "
        "spätestens am 30. November 2026; bei Zugang am 1. Dezember 2026 würde der Vertrag erst "
        "am 31. März 2027 enden");
  r.language = Language::kPl;
  plan = MakePlan(r);
  REQUIRE(plan.ok());
  CHECK(plan->receive_by_text.find("doręczenie najpóźniej 30 listopada 2026\u00a0r.") !=
        std::string::npos);
  r.language = Language::kTh;
  plan = MakePlan(r);
  REQUIRE(plan.ok());
  CHECK(plan->receive_by_text.find("ต้องได้รับหนังสือภายในวันที่ 30 พฤศจิกายน 2569") != std::string::npos);
}

}  // namespace
}  // namespace parting
