#include "indicators/rate.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>

#include "core/period.h"
#include "indicators/messages.h"

namespace sz::indicators {
namespace {

struct Key {
  RegionLevel level;
  std::string region;
  std::string period;
  std::string breakdown;
  bool operator<(const Key& o) const {
    return std::tie(level, region, period, breakdown) < std::tie(o.level, o.region, o.period, o.breakdown);
  }
};

struct StockKey {
  RegionLevel level;
  std::string region;
  int year;
  std::string breakdown;
  bool operator<(const StockKey& o) const {
    return std::tie(level, region, year, breakdown) < std::tie(o.level, o.region, o.year, o.breakdown);
  }
};

std::vector<PeriodKind> PeriodKinds(const Indicator& indicator) {
  std::vector<PeriodKind> kinds;
  for (CatalogPeriod period : indicator.periods) {
    if (std::optional<PeriodKind> kind = PeriodKindOf(period)) kinds.push_back(*kind);
  }
  return kinds;
}

bool Wants(const Indicator& indicator, RegionLevel level) {
  return std::find(indicator.levels.begin(), indicator.levels.end(), level) != indicator.levels.end();
}

Date AddMonths(Date date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  Date out{index / 12, index % 12 + 1, 1};
  out.day = std::min(date.day, DaysInMonth(out.year, out.month));
  return out;
}

bool IsStock(const sources::SourceContract& contract) {
  return contract.extract.date_column.empty() && contract.extract.Find("jaar") != nullptr;
}

// Column indices of a CountSpec over one contract.
struct Columns {
  int date = -1, end = -1, gemeente = -1, wijk = -1, age = -1, id = -1, sum = -1, region = -1, year = -1, band = -1;
  bool date_is_week = false;  // `date` is an ISO-week column: a row's date is its week's Thursday
  std::vector<std::pair<int, const std::vector<std::string>*>> filters;
  std::vector<std::pair<std::string, int>> breakdowns;  // name, column (only those the source has)
};

Columns ColumnsOf(const CountSpec& spec, const sources::SourceContract& contract,
                  const std::vector<std::string>& breakdowns) {
  const sources::TableSpec& table = contract.extract;
  Columns c;
  c.date = table.IndexOf(spec.date_column.empty() ? table.date_column : spec.date_column);
  if (c.date < 0 && spec.date_column.empty() && table.date_column.empty()) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
      if (table.columns[i].type == sources::ColumnType::kIsoWeek) {
        c.date = static_cast<int>(i);
        c.date_is_week = true;
        break;
      }
    }
  }
  if (!spec.end_column.empty()) c.end = table.IndexOf(spec.end_column);
  c.gemeente = table.IndexOf("gemeente");
  c.wijk = table.IndexOf("wijk");
  c.age = table.IndexOf("leeftijd");
  c.id = table.key.empty() ? -1 : table.IndexOf(table.key.front());
  if (!spec.sum_column.empty()) c.sum = table.IndexOf(spec.sum_column);
  c.region = table.IndexOf("regio");
  c.year = table.IndexOf("jaar");
  c.band = table.IndexOf("leeftijdsklasse");
  for (const auto& [column, values] : spec.filters) c.filters.emplace_back(table.IndexOf(column), &values);
  for (const std::string& name : breakdowns) {
    if (int index = table.IndexOf(name); index >= 0) c.breakdowns.emplace_back(name, index);
  }
  return c;
}

bool PassesFilters(const Columns& c, std::span<const Value> row) {
  for (const auto& [index, values] : c.filters) {
    std::string_view text = row[index].TextOrEmpty();
    if (std::find(values->begin(), values->end(), text) == values->end()) return false;
  }
  return true;
}

bool BandInside(const std::optional<AgeSpan>& span, std::string_view band) {
  if (!span) return true;
  std::optional<AgeSpan> b = ParseAgeSpan(band);
  return b && span->Covers(*b);
}

// The labels a row counts under: "totaal" and one per breakdown column with a value.
std::vector<std::string> Labels(const Columns& c, std::span<const Value> row) {
  std::vector<std::string> labels = {kNoBreakdown};
  for (const auto& [name, index] : c.breakdowns) {
    if (!row[index].missing()) labels.push_back(BreakdownText(name, row[index].ToString()));
  }
  return labels;
}

// The places a dated row counts in.
std::vector<std::pair<RegionLevel, std::string>> Places(const Indicator& indicator, const Columns& c,
                                                        std::span<const Value> row, const std::string& twente) {
  std::vector<std::pair<RegionLevel, std::string>> places;
  if (Wants(indicator, RegionLevel::kRegio)) places.emplace_back(RegionLevel::kRegio, twente);
  std::string gemeente = c.gemeente >= 0 ? std::string(row[c.gemeente].TextOrEmpty()) : "";
  if (!gemeente.empty() && Wants(indicator, RegionLevel::kGemeente))
    places.emplace_back(RegionLevel::kGemeente, gemeente);
  if (c.wijk >= 0 && Wants(indicator, RegionLevel::kWijk)) {
    std::string wijk(row[c.wijk].TextOrEmpty());
    if (!wijk.empty() && ImpliedParentCode(wijk) == gemeente) places.emplace_back(RegionLevel::kWijk, wijk);
  }
  return places;
}

// Texts → dense ids, in first-seen order.
class Interner {
 public:
  uint32_t Id(const std::string& text) {
    auto [it, inserted] = ids_.try_emplace(text, static_cast<uint32_t>(ids_.size()));
    return it->second;
  }
  size_t size() const { return ids_.size(); }
  std::vector<std::string> Texts() const {
    std::vector<std::string> texts(ids_.size());
    for (const auto& [text, id] : ids_) texts[id] = text;
    return texts;
  }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

struct DatedCounts {
  std::map<Key, double> counts;
  std::optional<Date> first, last;  // of the counted rows' dates (and end dates)
};

Result<DatedCounts> CountDated(const Indicator& indicator, const CountSpec& spec, const SourceRows& source,
                               const std::string& twente) {
  const Columns c = ColumnsOf(spec, *source.contract, indicator.breakdowns);
  const std::vector<PeriodKind> kinds = PeriodKinds(indicator);
  DatedCounts out;
  // The data's last date (for rows that are still running).
  std::optional<Date> data_end;
  for (const std::vector<Value>& row : source.rows) {
    for (int index : {c.date, c.end}) {
      if (index >= 0 && row[index].kind() == Value::Kind::kDate) {
        if (!data_end || row[index].date() > *data_end) data_end = row[index].date();
      }
    }
  }
  // Cells and units are interned: a cell is (place, period, label) packed into 64 bits, so that the
  // inner loop only appends (cell, unit) pairs; distinct units are counted by sorting them at the end.
  Interner places_seen, periods_seen, labels_seen, units_seen;
  std::vector<std::pair<RegionLevel, std::string>> place_of;
  std::vector<std::pair<uint64_t, uint32_t>> distinct;  // (cell, unit)
  std::unordered_map<uint64_t, double> sums;
  const bool counts_distinct =
      spec.unit == CountUnit::kRegistrations || spec.unit == CountUnit::kPersons || spec.unit == CountUnit::kHouseholds;
  for (size_t r = 0; r < source.rows.size(); ++r) {
    std::span<const Value> row = source.rows[r];
    if (!PassesFilters(c, row)) continue;
    if (spec.age) {
      if (c.age < 0 || row[c.age].missing()) continue;
      ASSIGN_OR_RETURN(int64_t age, row[c.age].AsInteger("leeftijd"));
      if (!spec.age->Contains(age)) continue;
    }
    if (c.date < 0 || row[c.date].missing()) continue;
    Date date;
    if (c.date_is_week) {
      Result<Period> week = Period::Parse(row[c.date].ToString());
      if (!week.ok()) return week.status();
      date = week->first_day().AddDays(3);
    } else {
      ASSIGN_OR_RETURN(date, row[c.date].AsDate(source.contract->extract.columns[c.date].name));
    }
    std::string unit_id;
    double amount = 1;
    switch (spec.unit) {
      case CountUnit::kRegistrations: unit_id = row[c.id].ToString(); break;
      case CountUnit::kPersons: unit_id = r < source.person_keys.size() ? source.person_keys[r] : ""; break;
      case CountUnit::kHouseholds: unit_id = r < source.household_keys.size() ? source.household_keys[r] : ""; break;
      case CountUnit::kRows: break;
      case CountUnit::kSum: {
        if (row[c.sum].missing()) continue;
        ASSIGN_OR_RETURN(amount, row[c.sum].AsNumber(spec.sum_column));
        break;
      }
    }
    if (counts_distinct && unit_id.empty()) continue;
    Date until = date;
    if (c.end >= 0) {
      if (row[c.end].missing()) {
        until = data_end.value_or(date);
      } else {
        ASSIGN_OR_RETURN(until, row[c.end].AsDate(spec.end_column));
      }
      if (until < date) until = date;
    }
    if (!out.first || date < *out.first) out.first = date;
    if (!out.last || until > *out.last) out.last = until;
    std::vector<uint64_t> place_ids, label_ids;
    for (const auto& place : Places(indicator, c, row, twente)) {
      const uint32_t id =
          places_seen.Id(std::string(1, static_cast<char>('0' + static_cast<int>(place.first))) + place.second);
      if (id == place_of.size()) place_of.push_back(place);
      place_ids.push_back(id);
    }
    for (const std::string& label : Labels(c, row)) label_ids.push_back(labels_seen.Id(label));
    const uint32_t unit = counts_distinct ? units_seen.Id(unit_id) : 0;
    for (PeriodKind kind : kinds) {
      std::vector<Period> periods;
      Period period = Period::Containing(kind, date);
      if (c.end >= 0) {
        const Period last = Period::Containing(kind, until);
        for (; period.first_day() <= last.first_day(); period = period.Next()) periods.push_back(period);
      } else if (spec.window_months > 0) {
        const Date window_end = AddMonths(date, spec.window_months);
        for (; period.last_day() < window_end; period = period.Next()) periods.push_back(period);
      } else {
        periods.push_back(period);
      }
      for (const Period& p : periods) {
        const uint64_t period_id = periods_seen.Id(p.ToString());
        for (uint64_t place : place_ids) {
          for (uint64_t label : label_ids) {
            const uint64_t cell = (place << 44) | (period_id << 24) | label;
            if (counts_distinct) {
              distinct.emplace_back(cell, unit);
            } else {
              sums[cell] += amount;
            }
          }
        }
      }
    }
  }
  if (places_seen.size() >= (1u << 20) || periods_seen.size() >= (1u << 20) || labels_seen.size() >= (1u << 24)) {
    return DataError(msg::TooManyCells(indicator.id));
  }
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (const auto& [cell, unit] : distinct) sums[cell] += 1;
  const std::vector<std::string> periods = periods_seen.Texts(), labels = labels_seen.Texts();
  for (const auto& [cell, count] : sums) {
    const auto& [level, region] = place_of[cell >> 44];
    out.counts[Key{level, region, periods[(cell >> 24) & 0xFFFFF], labels[cell & 0xFFFFFF]}] = count;
  }
  return out;
}

Result<std::map<StockKey, double>> CountStock(const Indicator& indicator, const CountSpec& spec,
                                              const SourceRows& source, const RegionTable& regions,
                                              const std::string& twente) {
  const Columns c = ColumnsOf(spec, *source.contract, indicator.breakdowns);
  std::map<StockKey, double> out;
  for (const std::vector<Value>& row : source.rows) {
    if (!PassesFilters(c, row)) continue;
    if (spec.age && (c.band < 0 || !BandInside(spec.age, row[c.band].TextOrEmpty()))) continue;
    if (c.region < 0 || c.year < 0 || row[c.region].missing() || row[c.year].missing()) continue;
    ASSIGN_OR_RETURN(int64_t year, row[c.year].AsInteger("jaar"));
    double amount = 1;
    if (spec.unit == CountUnit::kSum) {
      if (row[c.sum].missing()) continue;
      ASSIGN_OR_RETURN(amount, row[c.sum].AsNumber(spec.sum_column));
    }
    std::string code(row[c.region].TextOrEmpty());
    const Region* region = regions.Find(code);
    if (region == nullptr) continue;
    std::vector<std::pair<RegionLevel, std::string>> places;
    if (region->level == RegionLevel::kGemeente) {
      places.emplace_back(RegionLevel::kGemeente, code);
      places.emplace_back(RegionLevel::kRegio, twente);
    } else if (region->level == RegionLevel::kWijk) {
      places.emplace_back(RegionLevel::kWijk, code);
    }
    for (const auto& [level, place] : places) {
      for (const std::string& label : Labels(c, row)) out[{level, place, static_cast<int>(year), label}] += amount;
    }
  }
  return out;
}

// The breakdown a stock source is looked up with: the label when the source has its column, else the total.
std::string StockLabel(const std::string& label, const SourceRows& stock) {
  if (label == kNoBreakdown) return label;
  const std::string name = label.substr(0, label.find('='));
  return stock.contract->extract.Find(name) ? label : kNoBreakdown;
}

}  // namespace

Result<std::vector<IndicatorValue>> ComputeRate(const Indicator& indicator, const SourceRows& numerator,
                                                const SourceRows& denominator, const RegionTable& regions,
                                                const std::string& twente_code) {
  if (indicator.kind != IndicatorKind::kRate || !indicator.numerator || !indicator.denominator) {
    return InvalidArgumentError(msg::NotARate(indicator.id));
  }
  if (numerator.contract == nullptr || denominator.contract == nullptr ||
      indicator.numerator->sources.front() != numerator.contract->name ||
      indicator.denominator->sources.front() != denominator.contract->name) {
    return InvalidArgumentError(msg::RateSourcesDiffer(indicator.id));
  }
  if (IsStock(*numerator.contract)) return InvalidArgumentError(msg::StockAsNumerator(indicator.id));
  ASSIGN_OR_RETURN(DatedCounts counts, CountDated(indicator, *indicator.numerator, numerator, twente_code));

  std::map<StockKey, double> stock;
  DatedCounts dated_denominator;
  const bool stock_denominator = IsStock(*denominator.contract);
  if (stock_denominator) {
    ASSIGN_OR_RETURN(stock, CountStock(indicator, *indicator.denominator, denominator, regions, twente_code));
  } else {
    ASSIGN_OR_RETURN(dated_denominator, CountDated(indicator, *indicator.denominator, denominator, twente_code));
  }

  // Every region of the wanted levels × every period of the numerator's range, for "totaal".
  if (counts.first && counts.last) {
    std::vector<std::pair<RegionLevel, std::string>> places;
    if (Wants(indicator, RegionLevel::kRegio)) places.emplace_back(RegionLevel::kRegio, twente_code);
    for (RegionLevel level : {RegionLevel::kGemeente, RegionLevel::kWijk}) {
      if (!Wants(indicator, level)) continue;
      for (const Region* region : regions.AtLevel(level)) places.emplace_back(level, region->code);
    }
    for (PeriodKind kind : PeriodKinds(indicator)) {
      const Period last = Period::Containing(kind, *counts.last);
      for (Period p = Period::Containing(kind, *counts.first); p.first_day() <= last.first_day(); p = p.Next()) {
        for (const auto& [level, region] : places)
          counts.counts.try_emplace(Key{level, region, p.ToString(), kNoBreakdown}, 0.0);
      }
    }
  }

  std::vector<IndicatorValue> values;
  values.reserve(counts.counts.size());
  for (const auto& [key, count] : counts.counts) {
    IndicatorValue cell;
    cell.level = key.level;
    cell.region = key.region;
    cell.period = key.period;
    cell.breakdown = key.breakdown;
    cell.numerator = count;
    std::optional<double> den;
    if (stock_denominator) {
      ASSIGN_OR_RETURN(Period period, Period::Parse(key.period));
      auto it = stock.find({key.level, key.region, period.year(), StockLabel(key.breakdown, denominator)});
      if (it != stock.end()) den = it->second;
    } else {
      auto it = dated_denominator.counts.find(key);
      if (it != dated_denominator.counts.end()) den = it->second;
    }
    cell.denominator = den;
    if (den && *den > 0) {
      cell.value = count / *den * indicator.factor;
      if (indicator.interval == IntervalMethod::kPoissonExact) {
        auto [low, high] = PoissonExactInterval(count, 0.95);
        cell.lower = low / *den * indicator.factor;
        cell.upper = high / *den * indicator.factor;
      } else if (indicator.interval == IntervalMethod::kWilson && count <= *den) {
        auto [low, high] = WilsonInterval(count, *den, 0.95);
        cell.lower = low * indicator.factor;
        cell.upper = high * indicator.factor;
      }
    }
    values.push_back(std::move(cell));
  }
  SortValues(values);
  return values;
}

}  // namespace sz::indicators
