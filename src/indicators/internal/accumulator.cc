#include "indicators/internal/accumulator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sz::indicators::internal {

void Accumulator::Add(std::string_view measure, std::string_view category, const Place& place, const Period& period,
                      double numerator, double denominator) {
  auto add = [&](RegionLevel level, const std::string& code) {
    Key key{std::string(measure), std::string(category), static_cast<int>(level), code, static_cast<int>(period.kind()),
            period.first_day(),   period.ToString()};
    auto& cell = cells_[key];
    cell.first += numerator;
    cell.second += denominator;
  };
  add(RegionLevel::kRegio, twente_code_);
  if (!place.gemeente.empty()) add(RegionLevel::kGemeente, place.gemeente);
  if (!place.wijk.empty()) add(RegionLevel::kWijk, place.wijk);
}

MeasureTable Accumulator::Rows() const {
  MeasureTable rows;
  rows.reserve(cells_.size());
  for (const auto& [key, cell] : cells_) {
    MeasureRow row;
    row.measure = std::get<0>(key);
    row.category = std::get<1>(key);
    row.level = static_cast<RegionLevel>(std::get<2>(key));
    row.region_code = std::get<3>(key);
    row.period_kind = static_cast<PeriodKind>(std::get<4>(key));
    row.period = std::get<6>(key);
    row.numerator = cell.first;
    row.denominator = cell.second;
    row.value = cell.second == 0 ? std::numeric_limits<double>::quiet_NaN() : cell.first / cell.second;
    rows.push_back(std::move(row));
  }
  return rows;
}

Date MonthsBefore(Date date, int months) {
  int index = date.year * 12 + (date.month - 1) - months;
  int year = index / 12;
  int month = index % 12 + 1;
  return Date{year, month, std::min(date.day, DaysInMonth(year, month))};
}

Date YearsBefore(Date date, int years) { return MonthsBefore(date, 12 * years); }

Date WindowStart(const Period& period) { return MonthsBefore(period.last_day().AddDays(1), 12); }

}  // namespace sz::indicators::internal
