#include "indicators/duration_values.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "core/period.h"
#include "indicators/messages.h"
#include "indicators/time_to_next_report.h"

namespace sz::indicators {
namespace {

struct Key {
  RegionLevel level;
  std::string region, period, breakdown;
  bool operator<(const Key& o) const {
    return std::tie(level, region, period, breakdown) < std::tie(o.level, o.region, o.period, o.breakdown);
  }
};

bool Wants(const std::vector<RegionLevel>& levels, RegionLevel level) {
  return std::find(levels.begin(), levels.end(), level) != levels.end();
}

}  // namespace

Result<std::vector<IndicatorValue>> DurationValues(const Indicator& indicator, const SourceRows& rows,
                                                   const std::string& twente_code) {
  if (indicator.kind != IndicatorKind::kDuration || !indicator.duration) {
    return InvalidArgumentError(msg::NotADuration(indicator.id));
  }
  const DurationSpec& spec = *indicator.duration;
  if (rows.contract == nullptr || rows.contract->name != spec.source)
    return InvalidArgumentError(msg::RateSourcesDiffer(indicator.id));
  const sources::TableSpec& table = rows.contract->extract;
  const int from = table.IndexOf(spec.from_column), to = table.IndexOf(spec.to_column);
  const int id = table.IndexOf(table.key.front()), gemeente = table.IndexOf("gemeente"), wijk = table.IndexOf("wijk");
  std::vector<std::pair<int, const std::vector<std::string>*>> filters;
  for (const auto& [column, values] : spec.filters) filters.emplace_back(table.IndexOf(column), &values);
  std::vector<std::pair<std::string, int>> breakdowns;
  for (const std::string& name : indicator.breakdowns) breakdowns.emplace_back(name, table.IndexOf(name));
  std::vector<PeriodKind> kinds;
  for (CatalogPeriod period : indicator.periods) {
    if (std::optional<PeriodKind> kind = PeriodKindOf(period)) kinds.push_back(*kind);
  }

  // The data's end: the latest date of either column.
  std::optional<Date> data_end;
  for (const std::vector<Value>& row : rows.rows) {
    for (int index : {from, to}) {
      if (index >= 0 && row[index].kind() == Value::Kind::kDate && (!data_end || row[index].date() > *data_end)) {
        data_end = row[index].date();
      }
    }
  }
  std::map<Key, std::vector<SurvivalTime>> times;
  std::set<std::string> seen;
  for (const std::vector<Value>& row : rows.rows) {
    if (row[from].missing()) continue;
    const bool passes = std::all_of(filters.begin(), filters.end(), [&](const auto& filter) {
      return std::find(filter.second->begin(), filter.second->end(), row[filter.first].TextOrEmpty()) !=
             filter.second->end();
    });
    if (!passes || !seen.insert(row[id].ToString()).second) continue;  // the registration's first row
    ASSIGN_OR_RETURN(Date start, row[from].AsDate(spec.from_column));
    SurvivalTime time;
    if (row[to].missing()) {
      time = {static_cast<double>(std::max<int64_t>(0, data_end->DayNumber() - start.DayNumber())), false};
    } else {
      ASSIGN_OR_RETURN(Date end, row[to].AsDate(spec.to_column));
      time = {static_cast<double>(std::max<int64_t>(0, end.DayNumber() - start.DayNumber())), true};
    }
    std::vector<std::pair<RegionLevel, std::string>> places;
    if (Wants(indicator.levels, RegionLevel::kRegio)) places.emplace_back(RegionLevel::kRegio, twente_code);
    const std::string gm(row[gemeente].TextOrEmpty());
    if (!gm.empty() && Wants(indicator.levels, RegionLevel::kGemeente)) places.emplace_back(RegionLevel::kGemeente, gm);
    if (wijk >= 0 && Wants(indicator.levels, RegionLevel::kWijk)) {
      const std::string wk(row[wijk].TextOrEmpty());
      if (!wk.empty() && ImpliedParentCode(wk) == gm) places.emplace_back(RegionLevel::kWijk, wk);
    }
    std::vector<std::string> labels = {kNoBreakdown};
    for (const auto& [name, index] : breakdowns) {
      if (index >= 0 && !row[index].missing()) labels.push_back(BreakdownText(name, row[index].ToString()));
    }
    for (PeriodKind kind : kinds) {
      const std::string period = Period::Containing(kind, start).ToString();
      for (const auto& [level, region] : places) {
        for (const std::string& label : labels) times[Key{level, region, period, label}].push_back(time);
      }
    }
  }
  std::vector<IndicatorValue> values;
  for (auto& [key, observations] : times) {
    IndicatorValue cell;
    cell.level = key.level;
    cell.region = key.region;
    cell.period = key.period;
    cell.breakdown = key.breakdown;
    cell.denominator = static_cast<double>(observations.size());
    cell.numerator = static_cast<double>(
        std::count_if(observations.begin(), observations.end(), [](const SurvivalTime& t) { return t.second; }));
    const double median = KaplanMeierMedian(std::move(observations));
    if (std::isfinite(median)) cell.value = median * indicator.factor;
    values.push_back(std::move(cell));
  }
  SortValues(values);
  return values;
}

}  // namespace sz::indicators
