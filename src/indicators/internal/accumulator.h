// Accumulator: sums numerators and denominators into the cells (measure, category, region, period) of a
// MeasureTable, adding every unit to Twente, its gemeente and its wijk at once.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "core/period.h"
#include "indicators/measure_table.h"

namespace sz::indicators::internal {

// Where a unit (a melding, a household, a child) is counted: Twente always; the gemeente and wijk when
// not empty.
struct Place {
  std::string gemeente;
  std::string wijk;
};

class Accumulator {
 public:
  explicit Accumulator(std::string twente_code) : twente_code_(std::move(twente_code)) {}

  void Add(std::string_view measure, std::string_view category, const Place& place, const Period& period,
           double numerator, double denominator);
  // Rows with value = numerator / denominator (NaN when the denominator is 0), sorted.
  MeasureTable Rows() const;

 private:
  using Key = std::tuple<std::string, std::string, int, std::string, int, Date, std::string>;
  std::string twente_code_;
  std::map<Key, std::pair<double, double>> cells_;
};

// The 12-month window that ends on the last day of `period`: [last day + 1 day − 12 months, last day].
// For a year this is the calendar year.
Date WindowStart(const Period& period);
// The same calendar day `years` years earlier (29 February → 28 February), as the generator does.
Date YearsBefore(Date date, int years);
// The same calendar day `months` months earlier, clamped to the month's last day.
Date MonthsBefore(Date date, int months);

}  // namespace sz::indicators::internal
