#include "store/indicator_values.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "store/messages.h"

namespace sz::store {
namespace {

auto KeyOf(const IndicatorCell& cell) {
  return std::tie(cell.indicator, cell.level, cell.region, cell.period, cell.breakdown);
}

}  // namespace

Status CheckCells(const std::string& indicator, const std::vector<IndicatorCell>& cells) {
  std::vector<const IndicatorCell*> sorted;
  sorted.reserve(cells.size());
  for (const IndicatorCell& cell : cells) {
    if (cell.indicator != indicator) return InvalidArgumentError(msg::CellOfOtherIndicator(cell.indicator, indicator));
    sorted.push_back(&cell);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const IndicatorCell* a, const IndicatorCell* b) { return CellBefore(*a, *b); });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (KeyOf(*sorted[i - 1]) == KeyOf(*sorted[i])) {
      const IndicatorCell& cell = *sorted[i];
      return InvalidArgumentError(msg::DuplicateCell(cell.indicator, cell.region, cell.period, cell.breakdown));
    }
  }
  return Status::Ok();
}

bool CellBefore(const IndicatorCell& a, const IndicatorCell& b) { return KeyOf(a) < KeyOf(b); }

bool CellMatches(const CellQuery& query, const IndicatorCell& cell) {
  if (!query.indicators.empty() &&
      std::find(query.indicators.begin(), query.indicators.end(), cell.indicator) == query.indicators.end()) {
    return false;
  }
  if (query.level && cell.level != *query.level) return false;
  if (!query.region.empty() && cell.region != query.region) return false;
  if (!query.period.empty() && cell.period != query.period) return false;
  if (!query.breakdown.empty() && cell.breakdown != query.breakdown) return false;
  return true;
}

}  // namespace sz::store
