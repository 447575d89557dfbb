#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <tuple>

#include "indicators/internal/household_measures.h"
#include "indicators/internal/other_measures.h"
#include "indicators/time_to_next_report.h"

namespace sz::indicators::internal {
namespace {

struct ReportKind {
  const char* name;
  int desk;
  bool meldingen_only;
};

constexpr ReportKind kKinds[] = {
    {"veilig_thuis_melding", 0, true}, {"veilig_thuis", 0, false},   {"zorgwekkend_gedrag", 1, false},
    {"woningvervuiling", 2, false},    {"wonen_verblijf", 3, false},
};

bool IsReport(const Registration& registration, const ReportKind& kind) {
  return registration.desk == kind.desk && (!kind.meldingen_only || registration.soort == "melding");
}

}  // namespace

void AppendTimeToNextReport(const LinkedIndex& index, const MeasureOptions& options, Accumulator& accumulator,
                            MeasureTable& rows) {
  int64_t data_end = DataEnd(index, options);
  // (category, level, region, period kind, period first day, period text) → observations
  using Key = std::tuple<std::string, int, std::string, int, Date, std::string>;
  std::map<Key, std::vector<SurvivalTime>> cells;
  for (const ReportKind& kind : kKinds) {
    for (const Registration& report : index.registrations) {
      if (!IsReport(report, kind) || report.day > data_end) continue;
      int64_t next = std::numeric_limits<int64_t>::max();
      for (int32_t person : report.persons) {
        for (int32_t later_idx : index.by_person[person]) {
          const Registration& later = index.registrations[later_idx];
          if (later.day <= report.day || !IsReport(later, kind)) continue;
          next = std::min(next, later.day);
          break;  // by_person is in time order: the first one is the earliest for this person
        }
      }
      SurvivalTime observation = next <= data_end ? SurvivalTime{static_cast<double>(next - report.day), true}
                                                  : SurvivalTime{static_cast<double>(data_end - report.day), false};
      std::string wijk = report.Wijk();
      // Reports with a full year of follow-up: was there a next one within 365 days?
      bool full_year = report.day + 365 <= data_end;
      bool within_year = next <= data_end && next - report.day <= 365;
      for (PeriodKind period_kind : options.period_kinds) {
        Period period = Period::Containing(period_kind, report.date);
        auto add = [&](RegionLevel level, const std::string& code) {
          cells[Key{kind.name, static_cast<int>(level), code, static_cast<int>(period_kind), period.first_day(),
                    period.ToString()}]
              .push_back(observation);
        };
        if (full_year) {
          accumulator.Add("volgende_melding_binnen_365_dagen", kind.name, Place{report.gemeente, wijk}, period,
                          within_year ? 1 : 0, 1);
        }
        add(RegionLevel::kRegio, options.twente_code);
        if (!report.gemeente.empty()) add(RegionLevel::kGemeente, report.gemeente);
        if (!wijk.empty()) add(RegionLevel::kWijk, wijk);
      }
    }
  }
  for (auto& [key, times] : cells) {
    MeasureRow row;
    row.measure = "dagen_tot_volgende_melding";
    row.category = std::get<0>(key);
    row.level = static_cast<RegionLevel>(std::get<1>(key));
    row.region_code = std::get<2>(key);
    row.period_kind = static_cast<PeriodKind>(std::get<3>(key));
    row.period = std::get<5>(key);
    row.denominator = static_cast<double>(times.size());
    row.numerator =
        static_cast<double>(std::count_if(times.begin(), times.end(), [](const SurvivalTime& t) { return t.second; }));
    row.value = KaplanMeierMedian(std::move(times));
    rows.push_back(std::move(row));
  }
}

}  // namespace sz::indicators::internal

namespace sz::indicators {

double KaplanMeierMedian(std::vector<SurvivalTime> times) {
  const double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::sort(times.begin(), times.end());
  double survival = 1.0;
  size_t at_risk = times.size();
  size_t pos = 0;
  while (pos < times.size()) {
    double time = times[pos].first;
    size_t events = 0, leaving = 0;
    for (; pos < times.size() && times[pos].first == time; ++pos, ++leaving) {
      if (times[pos].second) ++events;
    }
    if (events > 0) {
      survival *= 1.0 - static_cast<double>(events) / static_cast<double>(at_risk);
      if (std::fabs(survival - 0.5) < 1e-12) {
        // Exactly one half: the midpoint to the next event time (as survfit), or this time if none.
        for (size_t next = pos; next < times.size(); ++next) {
          if (times[next].second) return (time + times[next].first) / 2;
        }
        return time;
      }
      if (survival < 0.5) return time;
    }
    at_risk -= leaving;
  }
  return kNaN;
}

Result<MeasureTable> TimeToNextReportMeasures(std::span<const LinkedInvolvement> involvements,
                                              const MeasureOptions& options) {
  ASSIGN_OR_RETURN(internal::LinkedIndex index, internal::BuildIndex(involvements));
  internal::Accumulator accumulator(options.twente_code);
  MeasureTable rows;
  internal::AppendTimeToNextReport(index, options, accumulator, rows);
  MeasureTable within_year = accumulator.Rows();
  rows.insert(rows.end(), within_year.begin(), within_year.end());
  SortRows(rows);
  return rows;
}

}  // namespace sz::indicators
