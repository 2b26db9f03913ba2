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
constexpr Route kOrdinary = Route::kOrdinaryNotice;
constexpr Route kTerm = Route::kEndOfTerm;
constexpr Route kCause = Route::kForCause;
constexpr Route kRequested = Route::kRequested;

struct Case {
  const char* name;
  const char* letter;
  std::optional<Period> notice = std::nullopt;
  NoticeAnchor anchor = kAny;
  const char* term_end = nullptr;
  std::optional<Period> renewal = std::nullopt;
  std::optional<bool> early = std::nullopt;  ///< unset: api.md's default
  bool for_cause = false;
  bool immediate = false;
  const char* requested = nullptr;
  bool rejected = false;  ///< then `expected` is the earliest date the error names
  const char* expected = nullptr;
  Route route = kOrdinary;
  const char* derivation = "";  ///< a part of the plan's derivation
};

// Every expected date below is worked out by hand from domain.md's rules.
// clang-format off
const Case kCases[] = {
    // Ordinary notice: months, clamping, anchors.
    {.name = "api example: 3 months to end of month", .letter = "2026-11-22", .notice = Months(3),
     .anchor = kMonthEnd, .expected = "2027-02-28", .route = kOrdinary,
     .derivation = "notice 3 months from 2026-11-22 = 2027-02-22, to end of month: 2027-02-28"},
    {.name = "Jan 31 + 1 month clamps to Feb 28", .letter = "2027-01-31", .notice = Months(1),
     .expected = "2027-02-28", .derivation = "notice 1 month from 2027-01-31 = 2027-02-28"},
    {.name = "Jan 31 + 1 month in a leap year", .letter = "2028-01-31", .notice = Months(1),
     .expected = "2028-02-29", .derivation = "= 2028-02-29"},
    {.name = "Nov 30 + 3 months clamps", .letter = "2026-11-30", .notice = Months(3),
     .expected = "2027-02-28"},
    {.name = "Aug 31 + 1 month = Sep 30", .letter = "2027-08-31", .notice = Months(1),
     .expected = "2027-09-30"},
    {.name = "2100 is no leap year", .letter = "2100-01-31", .notice = Months(1),
     .expected = "2100-02-28"},
    {.name = "end of month in a leap February", .letter = "2028-01-15", .notice = Months(1),
     .anchor = kMonthEnd, .expected = "2028-02-29",
     .derivation = "= 2028-02-15, to end of month: 2028-02-29"},
    {.name = "a month end stays", .letter = "2027-01-31", .notice = Months(1),
     .anchor = kMonthEnd, .expected = "2027-02-28",
     .derivation = "= 2027-02-28, to end of month: 2027-02-28"},
    {.name = "end of quarter", .letter = "2026-11-22", .notice = Months(3), .anchor = kQuarterEnd,
     .expected = "2027-03-31", .derivation = "= 2027-02-22, to end of quarter: 2027-03-31"},
    {.name = "a quarter end stays", .letter = "2026-12-31", .notice = Months(3),
     .anchor = kQuarterEnd, .expected = "2027-03-31",
     .derivation = "= 2027-03-31, to end of quarter: 2027-03-31"},
    {.name = "end of quarter at year end", .letter = "2026-10-15", .notice = Months(2),
     .anchor = kQuarterEnd, .expected = "2026-12-31"},
    {.name = "end of second quarter", .letter = "2027-03-01", .notice = Months(1),
     .anchor = kQuarterEnd, .expected = "2027-06-30"},
    // Zero notice, weeks and days.
    {.name = "zero notice on a quarter end", .letter = "2027-06-30", .notice = Days(0),
     .anchor = kQuarterEnd, .expected = "2027-06-30"},
    {.name = "zero notice any day", .letter = "2026-11-22", .notice = Days(0),
     .expected = "2026-11-22", .derivation = "notice 0 days from 2026-11-22 = 2026-11-22"},
    {.name = "zero months to end of month", .letter = "2026-11-22", .notice = Months(0),
     .anchor = kMonthEnd, .expected = "2026-11-30", .derivation = "notice 0 months"},
    {.name = "4 weeks are 28 days", .letter = "2026-11-22", .notice = Weeks(4),
     .expected = "2026-12-20", .derivation = "notice 4 weeks from 2026-11-22 = 2026-12-20"},
    {.name = "1 week across the year end", .letter = "2026-12-28", .notice = Weeks(1),
     .expected = "2027-01-04", .derivation = "notice 1 week from"},
    {.name = "30 days across the year end", .letter = "2026-12-15", .notice = Days(30),
     .expected = "2027-01-14", .derivation = "notice 30 days from 2026-12-15 = 2027-01-14"},
    {.name = "days across a leap February", .letter = "2028-02-20", .notice = Days(14),
     .expected = "2028-03-05"},
    {.name = "days across a common February", .letter = "2027-02-20", .notice = Days(14),
     .expected = "2027-03-06"},
    {.name = "6 weeks land on a month end", .letter = "2027-01-17", .notice = Weeks(6),
     .anchor = kMonthEnd, .expected = "2027-02-28",
     .derivation = "= 2027-02-28, to end of month: 2027-02-28"},
    {.name = "6 weeks past February to end of month", .letter = "2027-01-25",
     .notice = Weeks(6), .anchor = kMonthEnd, .expected = "2027-03-31",
     .derivation = "= 2027-03-08, to end of month: 2027-03-31"},
    // End of term.
    {.name = "notice fits before the term end", .letter = "2026-11-22", .notice = Days(30),
     .term_end = "2027-02-28", .expected = "2027-02-28", .route = kTerm,
     .derivation = "term ends 2027-02-28; notice 30 days from 2026-11-22 = 2026-12-22 fits "
                   "before it"},
    {.name = "notice runs out on the term end", .letter = "2026-11-28", .notice = Months(3),
     .term_end = "2027-02-28", .expected = "2027-02-28", .route = kTerm,
     .derivation = "= 2027-02-28 fits before it"},
    {.name = "misses, renews 12 months into a leap February", .letter = "2026-12-15",
     .notice = Months(3), .term_end = "2027-02-28", .renewal = Months(12),
     .expected = "2028-02-29", .route = kTerm,
     .derivation = "notice 3 months from 2026-12-15 = 2027-03-15 misses the term end "
                   "2027-02-28; renews by 12 months: 2028-02-29"},
    {.name = "a term ending Feb 29 renews to Feb 28", .letter = "2028-01-15", .notice = Months(3),
     .term_end = "2028-02-29", .renewal = Months(12), .expected = "2029-02-28", .route = kTerm},
    {.name = "a term ending on a month end keeps ending on one", .letter = "2027-04-10",
     .notice = Months(1), .term_end = "2027-04-30", .renewal = Months(1),
     .expected = "2027-05-31", .route = kTerm, .derivation = "renews by 1 month: 2027-05-31"},
    {.name = "a mid-month term keeps its day", .letter = "2027-01-10", .notice = Months(2),
     .term_end = "2027-01-30", .renewal = Months(1), .expected = "2027-03-30", .route = kTerm,
     .derivation = "renews by 1 month 2 times: 2027-03-30"},
    {.name = "Feb 28 of a leap year is no month end", .letter = "2028-01-01", .notice = Months(3),
     .term_end = "2028-02-28", .renewal = Months(48), .expected = "2032-02-28", .route = kTerm},
    {.name = "a term that already ended has renewed itself", .letter = "2026-11-22",
     .notice = Months(3), .term_end = "2025-06-30", .renewal = Months(12),
     .expected = "2027-06-30", .route = kTerm,
     .derivation = "misses the term end 2025-06-30, which had passed before the letter date; "
                   "renews by 12 months 2 times: 2027-06-30"},
    {.name = "an ended term whose current renewal the notice still reaches",
     .letter = "2026-11-22", .notice = Months(1), .term_end = "2024-12-31",
     .renewal = Months(12), .expected = "2026-12-31", .route = kTerm,
     .derivation = "renews by 12 months 2 times: 2026-12-31"},
    {.name = "an ended term renewing by days", .letter = "2026-11-22", .notice = Days(14),
     .term_end = "2026-10-31", .renewal = Days(30), .expected = "2026-12-30", .route = kTerm,
     .derivation = "renews by 30 days 2 times: 2026-12-30"},
    {.name = "a term renewing by weeks", .letter = "2026-11-22", .notice = Weeks(4),
     .term_end = "2026-12-01", .renewal = Weeks(2), .expected = "2026-12-29", .route = kTerm},
    {.name = "misses a term that does not renew", .letter = "2026-12-15", .notice = Months(3),
     .term_end = "2027-02-28", .expected = "2027-02-28", .route = kTerm,
     .derivation = "misses the term end 2027-02-28; the contract does not renew and ends at the "
                   "term end: 2027-02-28"},
    {.name = "a term that already ended and does not renew", .letter = "2026-11-22",
     .notice = Months(3), .term_end = "2026-06-30", .expected = "2026-11-22", .route = kTerm,
     .derivation = "already expired; effective date = letter date 2026-11-22"},
    {.name = "zero notice on the term end", .letter = "2026-11-22", .notice = Days(0),
     .term_end = "2026-11-22", .expected = "2026-11-22", .route = kTerm},
    {.name = "no notice period with a term end", .letter = "2026-11-22",
     .term_end = "2027-03-31", .expected = "2027-03-31", .route = kTerm,
     .derivation = "notice (none given) from 2026-11-22 = 2026-11-22 fits before it"},
    {.name = "early termination ends before the term", .letter = "2026-11-22",
     .notice = Months(1), .anchor = kMonthEnd, .term_end = "2027-06-30", .early = true,
     .expected = "2026-12-31", .route = kOrdinary},
    {.name = "early termination allowed but the term ends first", .letter = "2026-11-22",
     .notice = Months(3), .term_end = "2026-12-31", .early = true, .expected = "2026-12-31",
     .route = kTerm},
    {.name = "the term end wins a tie with ordinary notice", .letter = "2026-11-22",
     .notice = Months(1), .anchor = kMonthEnd, .term_end = "2026-12-31", .early = true,
     .expected = "2026-12-31", .route = kTerm, .derivation = "term ends 2026-12-31"},
    {.name = "ordinary notice to a quarter end beats a renewal", .letter = "2026-12-15",
     .notice = Months(3), .anchor = kQuarterEnd, .term_end = "2027-02-28",
     .renewal = Months(12), .early = true, .expected = "2027-03-31", .route = kOrdinary,
     .derivation = "to end of quarter: 2027-03-31"},
    // For cause.
    {.name = "for cause with immediate effect", .letter = "2026-11-22", .notice = Months(3),
     .anchor = kMonthEnd, .for_cause = true, .immediate = true, .expected = "2026-11-22",
     .route = kCause,
     .derivation = "terminated for cause with immediate effect as the contract allows, on "
                   "receipt: 2026-11-22"},
    {.name = "for cause without an immediate clause", .letter = "2026-11-22",
     .notice = Months(3), .anchor = kMonthEnd, .for_cause = true, .expected = "2027-02-28",
     .route = kOrdinary},
    {.name = "for cause ends a fixed term at once", .letter = "2026-11-22", .notice = Months(3),
     .term_end = "2027-12-31", .for_cause = true, .immediate = true, .expected = "2026-11-22",
     .route = kCause},
    {.name = "for cause without a notice period", .letter = "2026-11-22", .notice = std::nullopt,
     .for_cause = true, .immediate = true, .expected = "2026-11-22", .route = kCause},
    {.name = "zero notice ties with for cause and needs no cause", .letter = "2026-11-22",
     .notice = Days(0), .for_cause = true, .immediate = true, .expected = "2026-11-22",
     .route = kOrdinary, .derivation = "notice 0 days"},
    // Requested dates.
    {.name = "requested later", .letter = "2026-11-22", .notice = Months(3), .anchor = kMonthEnd,
     .requested = "2027-06-30", .expected = "2027-06-30", .route = kRequested,
     .derivation = "requested 2027-06-30, later than the earliest lawful date 2027-02-28"},
    {.name = "requested equal to the earliest date", .letter = "2026-11-22", .notice = Months(3),
     .anchor = kMonthEnd, .requested = "2027-02-28", .expected = "2027-02-28",
     .route = kOrdinary, .derivation = "notice 3 months"},
    {.name = "requested one day too early", .letter = "2026-11-22", .notice = Months(3),
     .anchor = kMonthEnd, .requested = "2027-02-27", .rejected = true,
     .expected = "2027-02-28"},
    {.name = "requested before the term end", .letter = "2026-11-22", .notice = Days(30),
     .term_end = "2027-02-28", .requested = "2027-01-31", .rejected = true,
     .expected = "2027-02-28"},
    {.name = "requested before the renewed term end", .letter = "2026-11-22",
     .notice = Months(3), .term_end = "2025-06-30", .renewal = Months(12),
     .requested = "2027-03-31", .rejected = true, .expected = "2027-06-30"},
    {.name = "requested later than an immediate termination", .letter = "2026-11-22",
     .notice = Months(3), .for_cause = true, .immediate = true, .requested = "2026-12-31",
     .expected = "2026-12-31", .route = kRequested,
     .derivation = "later than the earliest lawful date 2026-11-22"},
    {.name = "requested the day after a leap day", .letter = "2028-01-31", .notice = Months(1),
     .requested = "2028-03-01", .expected = "2028-03-01", .route = kRequested,
     .derivation = "earliest lawful date 2028-02-29"},
};
// clang-format on

LetterRequest RequestFor(const Case& c) {
  LetterRequest r = testing::BaseRequest();
  r.letter_date = D(c.letter);
  r.contract.notice_period = c.notice;
  r.contract.notice_anchor = c.anchor;
  if (c.term_end) r.contract.term_end = D(c.term_end);
  r.contract.auto_renewal = c.renewal;
  r.contract.early_termination_allowed = c.early.value_or(c.term_end == nullptr);
  r.contract.immediate_for_cause = c.immediate;
  r.termination.for_cause = c.for_cause;
  if (c.requested) r.termination.requested_end_date = D(c.requested);
  return r;
}

TEST_CASE("the effective end date follows the routes of domain.md") {
  static_assert(sizeof kCases / sizeof kCases[0] >= 40);
  for (const Case& c : kCases) {
    const std::string name = c.name;
    CAPTURE(name);
    const Result<Plan> plan = MakePlan(RequestFor(c));
    if (c.rejected) {
      REQUIRE_FALSE(plan.ok());
      CHECK(plan.status().code() == StatusCode::kInvalid);
      REQUIRE(plan.status().errors().size() == 1);
      CHECK(plan.status().errors()[0].pointer == "/termination/requested_end_date");
      CHECK(plan.status().errors()[0].message ==
            std::string("is earlier than the contract allows; the earliest lawful end date is ") +
                c.expected);
      continue;
    }
    REQUIRE(plan.ok());
    CHECK(plan->letter_date == D(c.letter));
    CHECK(plan->effective_end_date.ToIso() == std::string(c.expected));
    CHECK(RouteName(plan->route) == RouteName(c.route));
    CHECK_MESSAGE(plan->derivation.find(c.derivation) != std::string::npos, plan->derivation);
  }
}

}  // namespace
}  // namespace parting

namespace parting {
namespace {

using testing::BaseRequest;
using testing::D;
using testing::Days;
using testing::Months;

TEST_CASE("the plan says whether the contract ends at a term end or is not continued") {
  LetterRequest r = BaseRequest();
  r.contract.notice_period = Months(3);
  r.contract.notice_anchor = NoticeAnchor::kAnyDay;
  r.contract.early_termination_allowed = false;

  SUBCASE("ordinary notice ends mid-term") {
    r.contract.early_termination_allowed = true;
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK_FALSE(plan->ends_at_term_end);
    CHECK_FALSE(plan->confirms_non_renewal);
  }
  SUBCASE("notice fits before the term end") {
    r.contract.term_end = D("2027-06-30");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->ends_at_term_end);
    CHECK_FALSE(plan->confirms_non_renewal);
  }
  SUBCASE("a renewed term") {
    r.contract.term_end = D("2027-01-31");
    r.contract.auto_renewal = Months(12);
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->effective_end_date == D("2028-01-31"));
    CHECK(plan->ends_at_term_end);
    CHECK_FALSE(plan->confirms_non_renewal);
  }
  SUBCASE("a term the notice misses and that does not renew") {
    r.contract.term_end = D("2027-01-31");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->effective_end_date == D("2027-01-31"));
    CHECK(plan->ends_at_term_end);
    CHECK(plan->confirms_non_renewal);
  }
  SUBCASE("a term that has already expired") {
    r.contract.term_end = D("2026-10-31");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->effective_end_date == r.letter_date);
    CHECK_FALSE(plan->ends_at_term_end);
    CHECK(plan->confirms_non_renewal);
  }
  SUBCASE("a renewal of length zero renews nothing") {
    r.contract.term_end = D("2027-01-31");
    r.contract.auto_renewal = Months(0);
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->effective_end_date == D("2027-01-31"));
    CHECK(plan->confirms_non_renewal);
  }
  SUBCASE("a requested date on a renewed term end") {
    r.contract.term_end = D("2027-06-30");
    r.contract.auto_renewal = Months(12);
    r.termination.requested_end_date = D("2028-06-30");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->route == Route::kRequested);
    CHECK(plan->ends_at_term_end);
  }
  SUBCASE("a requested date between term ends") {
    r.contract.term_end = D("2027-06-30");
    r.contract.auto_renewal = Months(12);
    r.termination.requested_end_date = D("2027-12-31");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->route == Route::kRequested);
    CHECK_FALSE(plan->ends_at_term_end);
  }
}

TEST_CASE("every open route is recorded, earliest first") {
  LetterRequest r = BaseRequest();
  r.letter_date = D("2026-12-15");
  r.contract.notice_anchor = NoticeAnchor::kEndOfQuarter;
  r.contract.term_end = D("2027-02-28");
  r.contract.auto_renewal = Months(12);
  r.contract.early_termination_allowed = true;
  r.contract.immediate_for_cause = true;

  SUBCASE("ordinary notice and a renewed term") {
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    REQUIRE(plan->options.size() == 2);
    CHECK(plan->options[0].route == Route::kOrdinaryNotice);
    CHECK(plan->options[0].date == D("2027-03-31"));
    CHECK(plan->options[1].route == Route::kEndOfTerm);
    CHECK(plan->options[1].date == D("2028-02-29"));
    CHECK(plan->options[1].derivation.find("renews by 12 months: 2028-02-29") != std::string::npos);
    CHECK(plan->earliest_lawful_date == D("2027-03-31"));
  }
  SUBCASE("for cause comes first") {
    r.termination.for_cause = true;
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    REQUIRE(plan->options.size() == 3);
    CHECK(plan->options[0].route == Route::kForCause);
    CHECK(plan->options[1].route == Route::kOrdinaryNotice);
    CHECK(plan->options[2].route == Route::kEndOfTerm);
    CHECK(plan->earliest_lawful_date == D("2026-12-15"));
  }
  SUBCASE("a later requested date keeps the earliest lawful date") {
    r.termination.requested_end_date = D("2027-09-30");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->effective_end_date == D("2027-09-30"));
    CHECK(plan->earliest_lawful_date == D("2027-03-31"));
    CHECK(plan->options.size() == 2);
  }
}

TEST_CASE("a term end shortly after the ordinary date is noted as gentler") {
  LetterRequest r = BaseRequest();
  r.contract.notice_period = Months(1);  // 2026-12-22, to end of month: 2026-12-31
  r.contract.early_termination_allowed = true;

  SUBCASE("31 days later") {
    r.contract.term_end = D("2027-01-31");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->route == Route::kOrdinaryNotice);
    REQUIRE(plan->notes.size() == 1);
    CHECK(plan->notes[0].find("ending at the term end 2027-01-31, 31 days after the ordinary "
                              "notice date 2026-12-31, is gentler than ending mid-term") == 0);
  }
  SUBCASE("1 day later") {
    r.contract.notice_anchor = NoticeAnchor::kAnyDay;  // 2026-12-22
    r.contract.term_end = D("2026-12-23");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    REQUIRE(plan->notes.size() == 1);
    CHECK(plan->notes[0].find(", 1 day after") != std::string::npos);
  }
  SUBCASE("32 days later is too far to say so") {
    r.contract.term_end = D("2027-02-01");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->notes.empty());
  }
  SUBCASE("not when the letter already ends at the term end") {
    r.contract.term_end = D("2027-01-31");
    r.termination.requested_end_date = D("2027-01-31");
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->ends_at_term_end);
    CHECK(plan->notes.empty());
  }
  SUBCASE("not without a fixed term") {
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CHECK(plan->notes.empty());
  }
}

TEST_CASE("a contract with no open route is rejected, not guessed") {
  LetterRequest r = BaseRequest();
  r.contract.notice_period.reset();
  r.contract.immediate_for_cause = true;  // but the termination is not for cause
  const Result<Plan> plan = MakePlan(r);
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.status().code() == StatusCode::kInvalid);
  REQUIRE(plan.status().errors().size() == 1);
  CHECK(plan.status().errors()[0].pointer == "/contract/notice_period");
}

}  // namespace
}  // namespace parting
