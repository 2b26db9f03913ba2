#include <doctest/doctest.h>

#include "parting/amount.h"
#include "parting/date.h"

using parting::Amount;
using parting::Date;

TEST_CASE("Date::FromIso accepts real days only") {
  CHECK(Date::FromIso("2026-11-22") == Date{2026, 11, 22});
  CHECK(Date::FromIso("2024-02-29") == Date{2024, 2, 29});
  CHECK_FALSE(Date::FromIso("2026-02-29"));
  CHECK_FALSE(Date::FromIso("2026-02-30"));
  CHECK_FALSE(Date::FromIso("2100-02-29"));
  CHECK(Date::FromIso("2000-02-29"));
  CHECK_FALSE(Date::FromIso("2026-13-01"));
  CHECK_FALSE(Date::FromIso("2026-1-01"));
  CHECK_FALSE(Date::FromIso("2026-01-01T00:00"));
  CHECK_FALSE(Date::FromIso("0000-01-01"));
}

TEST_CASE("Date arithmetic") {
  SUBCASE("days round-trip") {
    for (int64_t d = -1000; d < 200000; d += 37) CHECK(Date::FromDays(d).ToDays() == d);
    CHECK(Date{1970, 1, 1}.ToDays() == 0);
  }
  SUBCASE("months clamp to the month's end") {
    CHECK(Date{2027, 1, 31}.AddMonths(1) == Date{2027, 2, 28});
    CHECK(Date{2028, 1, 31}.AddMonths(1) == Date{2028, 2, 29});
    CHECK(Date{2026, 11, 30}.AddMonths(3) == Date{2027, 2, 28});
    CHECK(Date{2026, 12, 15}.AddMonths(-12) == Date{2025, 12, 15});
  }
  SUBCASE("month and quarter ends") {
    CHECK(Date{2027, 2, 3}.EndOfMonth() == Date{2027, 2, 28});
    CHECK(Date{2027, 2, 3}.EndOfQuarter() == Date{2027, 3, 31});
    CHECK(Date{2027, 12, 31}.EndOfQuarter() == Date{2027, 12, 31});
    CHECK(Date{2027, 4, 1}.EndOfQuarter() == Date{2027, 6, 30});
  }
  CHECK(Date{2026, 12, 25}.AddDays(7) == Date{2027, 1, 1});
}

TEST_CASE("Amount parses exact decimals") {
  CHECK(Amount::FromDecimal("1250.00")->cents == 125000);
  CHECK(Amount::FromDecimal("1250.5")->cents == 125050);
  CHECK(Amount::FromDecimal("0")->cents == 0);
  CHECK(Amount::FromDecimal("7")->ToDecimal() == "7.00");
  CHECK_FALSE(Amount::FromDecimal("-1"));
  CHECK_FALSE(Amount::FromDecimal("1.005"));
  CHECK_FALSE(Amount::FromDecimal("1e3"));
  CHECK_FALSE(Amount::FromDecimal("1,250.00"));
  CHECK_FALSE(Amount::FromDecimal(""));
  CHECK_FALSE(Amount::FromDecimal("."));
  CHECK_FALSE(Amount::FromDecimal("12."));
  CHECK_FALSE(Amount::FromDecimal("12345678901234"));
}
