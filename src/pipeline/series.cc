#include "pipeline/series.h"

#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "pipeline/messages.h"
#include "sources/contract.h"
#include "sources/messages.h"

namespace sz::pipeline {
namespace {

// Consecutive periods as integers: ISO weeks by their ordinal, months as year·12 + month − 1.
int64_t PeriodIndex(const Period& period) {
  if (period.kind() == PeriodKind::kWeek) return IsoWeek{period.year(), period.number()}.Ordinal();
  return static_cast<int64_t>(period.year()) * 12 + period.number() - 1;
}

Period PeriodAt(PeriodKind kind, int64_t index) {
  if (kind == PeriodKind::kWeek) return Period::Week(IsoWeek::FromDate(Date::FromDayNumber(index * 7 + 4)));
  return Period::Month(static_cast<int>(index / 12), static_cast<int>(index % 12) + 1);
}

}  // namespace

Result<std::vector<CountSeries>> CountSeriesFromStore(store::Store& store, const RegionTable& regions,
                                                      const SeriesRequest& request) {
  const sources::SourceContract* contract = sources::FindContract(request.source);
  if (contract == nullptr) {
    return InvalidArgumentError(sources::msg::UnknownSource(request.source, sources::ContractNames()));
  }
  if (request.period != PeriodKind::kWeek && request.period != PeriodKind::kMonth) {
    return InvalidArgumentError(msg::SeriesPeriodKind());
  }
  const sources::TableSpec& table = contract->extract;
  const int count_column = table.IndexOf("aantal");
  const int week_column = table.IndexOf("week");
  const int date_column = table.date_column.empty() ? -1 : table.IndexOf(table.date_column);
  const int record_column = table.IndexOf(table.key.front());
  const bool countable =
      contract->is_desk ? date_column >= 0 : count_column >= 0 && (week_column >= 0 || date_column >= 0);
  if (!countable) return InvalidArgumentError(msg::NotASeriesSource(contract->name));
  int region_column = -1;
  std::string regio;
  if (request.level == RegionLevel::kGemeente || request.level == RegionLevel::kWijk) {
    region_column = table.IndexOf(request.level == RegionLevel::kGemeente ? "gemeente" : "wijk");
    if (region_column < 0) {
      return InvalidArgumentError(msg::NoRegionColumn(contract->name, RegionLevelName(request.level)));
    }
  } else if (request.level == RegionLevel::kRegio) {
    std::vector<const Region*> regios = regions.AtLevel(RegionLevel::kRegio);
    if (regios.empty()) return InvalidArgumentError(msg::NoRegio());
    regio = regios.front()->code;
  } else {
    return InvalidArgumentError(msg::SeriesRegionLevel());
  }
  int category_column = -1;
  if (!request.category_column.empty()) {
    category_column = table.IndexOf(request.category_column);
    if (category_column < 0) return InvalidArgumentError(msg::NoSuchColumn(contract->name, request.category_column));
  }

  using Key = std::pair<std::string, std::string>;  // region, category
  std::map<Key, std::map<int64_t, double>> counts;
  std::set<std::tuple<std::string, std::string, int64_t, std::string>> seen;  // desk: distinct registrations
  int64_t first = INT64_MAX, last = INT64_MIN;
  RETURN_IF_ERROR(store.records().Scan(*contract, [&](std::span<const Value> row) -> Status {
    Period period = Period::Year(1970);
    if (week_column >= 0 && !contract->is_desk) {
      ASSIGN_OR_RETURN(std::string_view week, row[week_column].AsText("week"));
      ASSIGN_OR_RETURN(period, Period::Parse(week));
      if (request.period == PeriodKind::kMonth) period = period.CoarsenTo(PeriodKind::kMonth);
    } else {
      ASSIGN_OR_RETURN(Date date, row[date_column].AsDate(table.date_column));
      period = Period::Containing(request.period, date);
    }
    const int64_t index = PeriodIndex(period);
    first = std::min(first, index);
    last = std::max(last, index);
    std::string region = region_column >= 0 ? std::string(row[region_column].TextOrEmpty()) : regio;
    if (region.empty()) return Status::Ok();  // no wijk known
    std::string category = category_column >= 0 ? row[category_column].ToString() : std::string();
    double& count = counts[{region, category}][index];
    if (contract->is_desk) {
      std::string record(row[record_column].TextOrEmpty());
      if (seen.emplace(region, category, index, std::move(record)).second) count += 1;
    } else {
      ASSIGN_OR_RETURN(double value, row[count_column].AsNumber("aantal"));
      count += value;
    }
    return Status::Ok();
  }));
  if (first > last) return FailedPreconditionError(msg::NoRowsForSeries(contract->name));
  if (request.first) first = PeriodIndex(*request.first);
  if (request.last) last = PeriodIndex(*request.last);

  std::vector<CountSeries> out;
  const Period first_period = PeriodAt(request.period, first);
  for (const auto& [key, by_period] : counts) {
    CountSeries series;
    series.region = key.first;
    series.category = key.second;
    series.first = first_period;
    series.series.frequency = request.period == PeriodKind::kWeek ? 52 : 12;
    series.series.start_week = first_period.number();
    const double absent = contract->is_desk ? 0.0 : std::nan("");
    series.series.observed.assign(static_cast<size_t>(std::max<int64_t>(0, last - first + 1)), absent);
    for (const auto& [index, count] : by_period) {
      if (index >= first && index <= last) series.series.observed[index - first] = count;
    }
    out.push_back(std::move(series));
  }
  return out;
}

}  // namespace sz::pipeline
