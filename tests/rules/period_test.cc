#include <doctest/doctest.h>

#include "request_fixture.h"
#include "rules/steps.h"

namespace parting::rules {
namespace {

using testing::D;
using testing::Days;
using testing::Months;
using testing::Weeks;

TEST_CASE("periods are worded in the singular and plural") {
  CHECK(PeriodText(Months(1)) == "1 month");
  CHECK(PeriodText(Months(3)) == "3 months");
  CHECK(PeriodText(Weeks(1)) == "1 week");
  CHECK(PeriodText(Days(0)) == "0 days");
}

TEST_CASE("renewed terms count from the original term end") {
  SUBCASE("a mid-month day survives a short month") {
    CHECK(RenewedTermEnd(D("2027-01-30"), Months(1), 1) == D("2027-02-28"));
    CHECK(RenewedTermEnd(D("2027-01-30"), Months(1), 2) == D("2027-03-30"));
  }
  SUBCASE("a month end stays a month end") {
    CHECK(RenewedTermEnd(D("2027-02-28"), Months(12), 1) == D("2028-02-29"));
    CHECK(RenewedTermEnd(D("2027-02-28"), Months(12), 2) == D("2029-02-28"));
    CHECK(RenewedTermEnd(D("2027-04-30"), Months(1), 1) == D("2027-05-31"));
  }
  SUBCASE("days and weeks") {
    CHECK(RenewedTermEnd(D("2026-12-31"), Days(1), 1) == D("2027-01-01"));
    CHECK(RenewedTermEnd(D("2026-12-01"), Weeks(2), 3) == D("2027-01-12"));
  }
  SUBCASE("the first renewal the notice reaches") {
    CHECK(FirstRenewalReaching(D("2027-02-28"), Months(12), D("2027-03-01")) == 1);
    CHECK(FirstRenewalReaching(D("2027-02-28"), Months(12), D("2028-02-29")) == 1);
    CHECK(FirstRenewalReaching(D("2027-02-28"), Months(12), D("2028-03-01")) == 2);
    CHECK(FirstRenewalReaching(D("2016-06-30"), Months(1), D("2026-11-22")) == 125);
    CHECK(FirstRenewalReaching(D("2026-10-31"), Days(30), D("2026-11-30")) == 1);
    CHECK(FirstRenewalReaching(D("2026-10-31"), Days(30), D("2026-12-01")) == 2);
  }
}

TEST_CASE("term ends include every renewed term end") {
  Contract contract;
  CHECK_FALSE(IsTermEnd(contract, D("2027-06-30")));
  contract.term_end = D("2027-06-30");
  CHECK(IsTermEnd(contract, D("2027-06-30")));
  CHECK_FALSE(IsTermEnd(contract, D("2028-06-30")));
  contract.auto_renewal = Months(12);
  CHECK(IsTermEnd(contract, D("2028-06-30")));
  CHECK(IsTermEnd(contract, D("2031-06-30")));
  CHECK_FALSE(IsTermEnd(contract, D("2026-06-30")));
  CHECK_FALSE(IsTermEnd(contract, D("2028-07-01")));
}

}  // namespace
}  // namespace parting::rules
