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

// Every day of the range requests may use, walked one by one with the
// calendar rule written out here, agrees with Date's <chrono> arithmetic.
TEST_CASE("Date arithmetic agrees with a day-by-day walk from 1900 to 9899") {
  const auto days_in = [](int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
  };
  Date walk{1900, 1, 1};
  int64_t days = Date{1900, 1, 1}.ToDays();
  CHECK(days == -25567);
  size_t mismatches = 0;
  while (walk.year < 9900) {
    if (Date::FromDays(days) != walk || walk.ToDays() != days ||
        Date::DaysInMonth(walk.year, walk.month) != days_in(walk.year, walk.month))
      ++mismatches;
    if (++walk.day > days_in(walk.year, walk.month)) {
      walk.day = 1;
      if (++walk.month > 12) walk.month = 1, ++walk.year;
    }
    ++days;
  }
  CHECK(mismatches == 0);
  CHECK(Date{9899, 12, 31}.AddDays(1) == Date{9900, 1, 1});
}

TEST_CASE("Date months and quarters at the edges") {
  CHECK(Date{2027, 3, 31}.AddMonths(-1) == Date{2027, 2, 28});
  CHECK(Date{2024, 2, 29}.AddMonths(12) == Date{2025, 2, 28});
  CHECK(Date{2024, 2, 29}.AddMonths(48) == Date{2028, 2, 29});
  CHECK(Date{2026, 8, 31}.AddMonths(-120) == Date{2016, 8, 31});
  CHECK(Date{2026, 1, 15}.AddMonths(-13) == Date{2024, 12, 15});
  CHECK(Date{2100, 2, 1}.EndOfMonth() == Date{2100, 2, 28});
  CHECK(Date{2000, 2, 1}.EndOfMonth() == Date{2000, 2, 29});
  CHECK(Date{2027, 9, 30}.EndOfQuarter() == Date{2027, 9, 30});
  CHECK(Date{2027, 10, 1}.EndOfQuarter() == Date{2027, 12, 31});
  CHECK_FALSE(Date::FromIso("2026-00-10"));
  CHECK_FALSE(Date::FromIso("2026-01-00"));
  CHECK_FALSE(Date::FromIso("+026-01-01"));
  CHECK_FALSE(Date::FromIso("2026-0a-01"));
  CHECK(Date::FromIso("9999-12-31") == Date{9999, 12, 31});
}
