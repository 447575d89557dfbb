#include "indicators/delivery_values.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "core/period.h"
#include "indicators/messages.h"

namespace sz::indicators {
namespace {

bool Wants(const std::vector<RegionLevel>& levels, RegionLevel level) {
  return std::find(levels.begin(), levels.end(), level) != levels.end();
}

// The unit a row's date falls in, as a period.
Period UnitOf(DeliveryUnit unit, Date date) {
  switch (unit) {
    case DeliveryUnit::kWeek: return Period::Containing(PeriodKind::kWeek, date);
    case DeliveryUnit::kMonth: return Period::Containing(PeriodKind::kMonth, date);
    case DeliveryUnit::kYear: return Period::Containing(PeriodKind::kYear, date);
  }
  return Period::Containing(PeriodKind::kYear, date);
}

// Whether `kind` is at least as coarse as the unit (a month period holds weeks and months).
bool HoldsUnits(PeriodKind kind, DeliveryUnit unit) {
  switch (unit) {
    case DeliveryUnit::kWeek: return true;
    case DeliveryUnit::kMonth: return kind != PeriodKind::kWeek;
    case DeliveryUnit::kYear: return kind == PeriodKind::kYear;
  }
  return false;
}

using Place = std::pair<RegionLevel, std::string>;

std::vector<Place> PlacesOf(const Indicator& indicator, const DeliveredRow& row, const std::string& twente) {
  std::vector<Place> places;
  if (Wants(indicator.levels, RegionLevel::kRegio)) places.emplace_back(RegionLevel::kRegio, twente);
  if (!row.gemeente.empty() && Wants(indicator.levels, RegionLevel::kGemeente)) {
    places.emplace_back(RegionLevel::kGemeente, row.gemeente);
  }
  return places;
}

void Completeness(const Indicator& indicator, const DeliveredSource& source, const std::vector<PeriodKind>& kinds,
                  const std::vector<std::string>& gemeenten, const std::string& twente,
                  std::vector<IndicatorValue>& out) {
  if (source.rows.empty()) return;
  std::set<Period> delivered_anywhere;
  std::map<Place, std::set<Period>> delivered;  // place → units with rows
  if (Wants(indicator.levels, RegionLevel::kGemeente)) {
    for (const std::string& gm : gemeenten) delivered[{RegionLevel::kGemeente, gm}];
  }
  for (const DeliveredRow& row : source.rows) {
    const Period unit = UnitOf(source.unit, row.date);
    delivered_anywhere.insert(unit);
    for (Place& place : PlacesOf(indicator, row, twente)) delivered[std::move(place)].insert(unit);
  }
  std::vector<Period> expected;
  if (source.unit == DeliveryUnit::kYear) {
    expected.assign(delivered_anywhere.begin(), delivered_anywhere.end());
  } else {
    for (Period unit = *delivered_anywhere.begin(); unit <= *delivered_anywhere.rbegin(); unit = unit.Next()) {
      expected.push_back(unit);
    }
  }
  const std::string breakdown = BreakdownText("bron", source.source);
  for (PeriodKind kind : kinds) {
    if (!HoldsUnits(kind, source.unit)) continue;
    std::map<Period, std::vector<Period>> units_of;  // period → its expected units
    for (const Period& unit : expected) units_of[unit.CoarsenTo(kind)].push_back(unit);
    for (const auto& [place, units] : delivered) {
      for (const auto& [period, wanted] : units_of) {
        const auto present = std::count_if(wanted.begin(), wanted.end(),
                                           [&units = units](const Period& unit) { return units.count(unit) > 0; });
        IndicatorValue cell{.level = place.first,
                            .region = place.second,
                            .period = period.ToString(),
                            .breakdown = breakdown,
                            .numerator = static_cast<double>(present),
                            .denominator = static_cast<double>(wanted.size())};
        cell.value = *cell.numerator / *cell.denominator * indicator.factor;
        out.push_back(std::move(cell));
      }
    }
  }
}

void Timeliness(const Indicator& indicator, const DeliveredSource& source, const std::vector<PeriodKind>& kinds,
                const std::string& twente, std::vector<IndicatorValue>& out) {
  const std::string breakdown = BreakdownText("bron", source.source);
  for (PeriodKind kind : kinds) {
    if (!HoldsUnits(kind, source.unit)) continue;
    std::map<std::pair<Place, Period>, std::vector<double>> days;
    for (const DeliveredRow& row : source.rows) {
      // A week belongs to the period of its Thursday, like its unit does in Completeness.
      const Period period = UnitOf(source.unit, row.date).CoarsenTo(kind);
      const double lag = static_cast<double>(row.ingested.DayNumber() - row.date.DayNumber());
      for (Place& place : PlacesOf(indicator, row, twente)) days[{std::move(place), period}].push_back(lag);
    }
    for (auto& [key, lags] : days) {
      IndicatorValue cell{.level = key.first.first,
                          .region = key.first.second,
                          .period = key.second.ToString(),
                          .breakdown = breakdown,
                          .denominator = static_cast<double>(lags.size())};
      cell.value = Median(lags) * indicator.factor;
      out.push_back(std::move(cell));
    }
  }
}

}  // namespace

double Median(std::vector<double>& values) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2;
}

Result<std::vector<IndicatorValue>> DeliveryValues(const Indicator& indicator,
                                                   const std::vector<DeliveredSource>& sources,
                                                   const std::vector<std::string>& gemeenten,
                                                   const std::string& twente_code) {
  if (indicator.kind != IndicatorKind::kDelivery || !indicator.delivery) {
    return InvalidArgumentError(msg::NotADelivery(indicator.id));
  }
  std::vector<PeriodKind> kinds;
  for (CatalogPeriod period : indicator.periods) {
    if (std::optional<PeriodKind> kind = PeriodKindOf(period)) kinds.push_back(*kind);
  }
  std::vector<IndicatorValue> values;
  for (const DeliveredSource& source : sources) {
    if (indicator.delivery->measure == DeliveryMeasure::kCompleteness) {
      Completeness(indicator, source, kinds, gemeenten, twente_code, values);
    } else {
      Timeliness(indicator, source, kinds, twente_code, values);
    }
  }
  SortValues(values);
  return values;
}

}  // namespace sz::indicators
