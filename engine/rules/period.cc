// Periods of notice and of renewal: calendar arithmetic and wording.
#include <algorithm>

#include "rules/steps.h"

namespace parting::rules {
namespace {

int64_t DaysPer(TimeUnit unit) { return unit == TimeUnit::kWeeks ? 7 : 1; }

int64_t MonthIndex(Date date) { return int64_t{date.year} * 12 + (date.month - 1); }

}  // namespace

Date AddPeriod(Date date, Period period) {
  if (period.unit == TimeUnit::kMonths) return date.AddMonths(period.amount);
  return date.AddDays(period.amount * DaysPer(period.unit));
}

std::string PeriodText(Period period) {
  std::string unit = period.unit == TimeUnit::kDays    ? "day"
                     : period.unit == TimeUnit::kWeeks ? "week"
                                                       : "month";
  if (period.amount != 1) unit += "s";
  return std::to_string(period.amount) + " " + unit;
}

Date RenewedTermEnd(Date term_end, Period renewal, int64_t k) {
  if (renewal.unit != TimeUnit::kMonths)
    return term_end.AddDays(k * renewal.amount * DaysPer(renewal.unit));
  const Date end = term_end.AddMonths(static_cast<int>(k * renewal.amount));
  // A term agreed to end with a month ends with the month in every renewal;
  // otherwise the day is kept and only clamped (Jan 30 -> Feb 28 -> Mar 30).
  return term_end == term_end.EndOfMonth() ? end.EndOfMonth() : end;
}

int64_t FirstRenewalReaching(Date term_end, Period renewal, Date notice_date) {
  if (renewal.unit != TimeUnit::kMonths) {
    const int64_t length = renewal.amount * DaysPer(renewal.unit);
    const int64_t gap = notice_date.ToDays() - term_end.ToDays();
    return std::max<int64_t>(1, (gap + length - 1) / length);
  }
  // Every renewal with k * amount < the months between the two dates ends in
  // an earlier month than the notice date, so start just below and step up.
  const int64_t months = MonthIndex(notice_date) - MonthIndex(term_end);
  int64_t k = std::max<int64_t>(1, months / renewal.amount);
  while (RenewedTermEnd(term_end, renewal, k) < notice_date) ++k;
  return k;
}

bool IsTermEnd(const Contract& contract, Date date) {
  if (!contract.term_end) return false;
  if (date == *contract.term_end) return true;
  if (!contract.auto_renewal || contract.auto_renewal->amount <= 0 || date < *contract.term_end)
    return false;
  const int64_t k = FirstRenewalReaching(*contract.term_end, *contract.auto_renewal, date);
  return RenewedTermEnd(*contract.term_end, *contract.auto_renewal, k) == date;
}

}  // namespace parting::rules
