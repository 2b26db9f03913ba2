// Date: a day of the proleptic Gregorian calendar, as contracts count them.
//
// A plain value (year, month, day) with the calendar arithmetic the contract
// rules need. No time zone and no time of day: a letter is dated by day.
// All functions are pure and thread-safe.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parting {

struct Date {
  int year = 1970;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..DaysInMonth(year, month)

  /// Parses exactly "YYYY-MM-DD"; nullopt for anything else or an impossible
  /// day ("2026-02-30"). Years 1..9999.
  static std::optional<Date> FromIso(std::string_view text);
  /// Days since 1970-01-01 back to a Date.
  static Date FromDays(int64_t days);

  std::string ToIso() const;
  int64_t ToDays() const;

  Date AddDays(int64_t days) const;
  /// Calendar months; the day is clamped: 2027-01-31 + 1 month = 2027-02-28.
  Date AddMonths(int months) const;
  Date EndOfMonth() const;
  /// Last day of the calendar quarter (Mar 31, Jun 30, Sep 30, Dec 31).
  Date EndOfQuarter() const;

  static bool IsLeapYear(int year);
  static int DaysInMonth(int year, int month);

  auto operator<=>(const Date&) const = default;
  bool operator==(const Date&) const = default;
};

}  // namespace parting
