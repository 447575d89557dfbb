#include "detection/internal/reference_dates.h"

#include <algorithm>
#include <cstdlib>

namespace sz::detection::internal {

Date ShiftMonths(const Date& date, int months) {
  int total = date.year * 12 + (date.month - 1) + months;
  int year = total / 12;
  int month = total % 12 + 1;
  if (total < 0) {  // not reached for real data; keep the arithmetic well defined
    year = (total - 11) / 12;
    month = total - year * 12 + 1;
  }
  Date first{year, month, 1};
  return first.AddDays(date.day - 1);  // day beyond the month's end overflows, as mktime does
}

std::vector<Date> FlexibleReferenceDates(const Date& at_k, int b, int frequency) {
  std::vector<Date> refs;
  refs.reserve(b + 1);
  const int day_to_get = RWeekday(at_k);
  for (int i = 0; i <= b; ++i) {
    const Date d = ShiftMonths(at_k, -12 * i);
    if (frequency != 52) {
      refs.push_back(d);
      continue;
    }
    const int64_t dn = d.DayNumber();
    const int64_t a = dn - (RWeekday(d) - day_to_get);
    const int64_t bb = a + (a > dn ? -7 : 7);
    refs.push_back(Date::FromDayNumber(std::llabs(a - dn) > std::llabs(bb - dn) ? bb : a));
  }
  return refs;
}

std::vector<Date> FarringtonReferenceDates(const Date& at_k, int b, int w, int frequency) {
  std::vector<Date> days;
  for (int j = 1; j <= b; ++j) {
    const Date ref = ShiftMonths(at_k, -12 * j);
    for (int m = -w; m <= w; ++m) days.push_back(frequency == 52 ? ref.AddDays(7 * m) : ShiftMonths(ref, m));
  }
  if (frequency == 52) {
    const int weekday = RWeekday(at_k);
    for (Date& d : days) {
      const int forward = ((weekday - RWeekday(d)) % 7 + 7) % 7;
      const int backward = ((RWeekday(d) - weekday) % 7 + 7) % 7;
      d = d.AddDays(forward < backward ? forward : -backward);
    }
  } else if (frequency == 12) {
    for (Date& d : days) d = d.AddDays(-(d.day - at_k.day));
  }
  return days;
}

std::optional<int> PositionOf(const std::vector<Date>& dates, const Date& date) {
  auto it = std::lower_bound(dates.begin(), dates.end(), date);
  if (it == dates.end() || *it != date) return std::nullopt;
  return static_cast<int>(it - dates.begin()) + 1;
}

}  // namespace sz::detection::internal
