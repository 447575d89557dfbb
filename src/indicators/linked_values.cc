#include "indicators/linked_values.h"

#include <algorithm>
#include <cmath>

#include "indicators/messages.h"

namespace sz::indicators {
namespace {

bool WantsPeriod(const Indicator& indicator, PeriodKind kind) {
  return std::any_of(indicator.periods.begin(), indicator.periods.end(),
                     [&](CatalogPeriod period) { return PeriodKindOf(period) == kind; });
}

}  // namespace

Result<std::vector<IndicatorValue>> LinkedValues(const Indicator& indicator, const MeasureTable& table) {
  if (indicator.kind != IndicatorKind::kLinked || !indicator.linked)
    return InvalidArgumentError(msg::NotLinked(indicator.id));
  const LinkedSpec& spec = *indicator.linked;
  std::vector<IndicatorValue> values;
  for (const MeasureRow& row : table) {
    if (row.measure != spec.measure) continue;
    if (!spec.category.empty() && row.category != spec.category) continue;
    if (std::find(indicator.levels.begin(), indicator.levels.end(), row.level) == indicator.levels.end()) continue;
    if (!WantsPeriod(indicator, row.period_kind)) continue;
    IndicatorValue cell;
    cell.level = row.level;
    cell.region = row.region_code;
    cell.period = row.period;
    cell.breakdown = spec.category.empty() && !row.category.empty() ? BreakdownText("categorie", row.category)
                                                                    : std::string(kNoBreakdown);
    cell.numerator = row.numerator;
    cell.denominator = row.denominator;
    if (std::isfinite(row.value)) cell.value = row.value * indicator.factor;
    if (indicator.interval == IntervalMethod::kWilson && row.denominator > 0 && row.numerator <= row.denominator) {
      auto [low, high] = WilsonInterval(row.numerator, row.denominator, 0.95);
      cell.lower = low * indicator.factor;
      cell.upper = high * indicator.factor;
    }
    values.push_back(std::move(cell));
  }
  SortValues(values);
  return values;
}

}  // namespace sz::indicators
