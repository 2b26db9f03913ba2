// Calendar arithmetic on C++20 <chrono>: year_month_day for the calendar,
// sys_days for counting days. Date stays the plain value the rules use.
#include "parting/date.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace parting {
namespace {

namespace chrono = std::chrono;

chrono::year_month_day ToYmd(const Date& date) {
  return chrono::year{date.year} / static_cast<unsigned>(date.month) /
         static_cast<unsigned>(date.day);
}

Date FromYmd(const chrono::year_month_day& ymd) {
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// The last day of `month` in `year`.
Date LastDay(chrono::year year, chrono::month month) {
  return FromYmd(chrono::year_month_day{year / month / chrono::last});
}

// All of `text` as a decimal number of digits only.
std::optional<int> Number(std::string_view text) {
  int value = 0;
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

bool Date::IsLeapYear(int year) { return chrono::year{year}.is_leap(); }

int Date::DaysInMonth(int year, int month) {
  return LastDay(chrono::year{year}, chrono::month{static_cast<unsigned>(month)}).day;
}

std::optional<Date> Date::FromIso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  const std::optional<int> year = Number(t.substr(0, 4));
  const std::optional<int> month = Number(t.substr(5, 2));
  const std::optional<int> day = Number(t.substr(8, 2));
  if (!year || !month || !day || *year < 1) return std::nullopt;
  const Date date{*year, *month, *day};
  if (!ToYmd(date).ok()) return std::nullopt;
  return date;
}

Date Date::FromDays(int64_t days) {
  return FromYmd(chrono::year_month_day{chrono::sys_days{chrono::days{days}}});
}

std::string Date::ToIso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int64_t Date::ToDays() const { return chrono::sys_days{ToYmd(*this)}.time_since_epoch().count(); }

Date Date::AddDays(int64_t days) const {
  return FromYmd(chrono::sys_days{ToYmd(*this)} + chrono::days{days});
}

Date Date::AddMonths(int months) const {
  // Month arithmetic keeps the day; a day the new month lacks (31 January +
  // 1 month) becomes its last day.
  const chrono::year_month_day moved = ToYmd(*this) + chrono::months{months};
  if (moved.ok()) return FromYmd(moved);
  return LastDay(moved.year(), moved.month());
}

Date Date::EndOfMonth() const {
  return LastDay(chrono::year{year}, chrono::month{static_cast<unsigned>(month)});
}

Date Date::EndOfQuarter() const {
  const unsigned last_month = static_cast<unsigned>(((month - 1) / 3 + 1) * 3);
  return LastDay(chrono::year{year}, chrono::month{last_month});
}

}  // namespace parting
