#include "pipeline/internal/wave_signals.h"

#include <map>

#include "core/period.h"
#include "pipeline/internal/signal_series.h"
#include "signals/waves.h"
#include "store/indicator_values.h"

namespace sz::pipeline::internal {
namespace {

struct WaveCell {
  signals::SurveyEstimate estimate;
  double percent = 0;
  double weighted = 0;  // weighted respondents
};

WaveTestOf Prepare(const indicators::Indicator& indicator, const RegionTable& regions, const std::string& region,
                   const std::string& kind, int from_year, int to_year, double value, double reference, double weighted,
                   const signals::WaveTest& test) {
  WaveTestOf out;
  store::StoredSignal& s = out.signal;
  s.kind = "golf";
  s.key = "golf|" + indicator.id + "|" + region + "|" + kind;
  s.indicators = {indicator.id};
  if (indicator.numerator) s.sources = indicator.numerator->sources;
  if (s.sources.empty()) s.sources = indicator.sources;
  s.region = region;
  s.breakdown = "totaal";
  s.period_from = std::to_string(from_year);
  s.period_to = std::to_string(to_year);
  const bool against_twente = kind == "twente";
  s.method = signals::msg::WaveMethod(against_twente);
  s.observed = value;
  s.expected = reference;
  s.p_value = test.p_value;
  out.facts = {.region = RegionNameOf(regions, region),
               .subject = SubjectOf(indicator),
               .against_twente = against_twente,
               .wave = std::to_string(to_year),
               .previous_wave = std::to_string(from_year),
               .value = value,
               .reference = reference,
               .higher_is_worse = indicator.direction == indicators::Direction::kLowerIsBetter};
  out.from = PeriodOrdinal(Period::Year(from_year));
  out.to = PeriodOrdinal(Period::Year(to_year));
  out.residents = weighted;
  return out;
}

}  // namespace

Result<std::vector<WaveTestOf>> TestSurveyWaves(store::Store& store, const RegionTable& regions,
                                                const std::vector<const indicators::Indicator*>& surveys) {
  std::vector<WaveTestOf> out;
  for (const indicators::Indicator* indicator : surveys) {
    ASSIGN_OR_RETURN(std::vector<store::IndicatorCell> cells,
                     store.indicator_values().Cells({.indicators = {indicator->id}}));
    const double factor = indicator->factor > 0 ? indicator->factor : 1;
    std::map<std::string, std::map<int, WaveCell>> by_region;  // region → wave → estimate
    std::string twente;
    int latest = 0;
    for (const store::IndicatorCell& cell : cells) {
      if (cell.breakdown != "totaal" || !cell.value || !cell.lower || !cell.upper) continue;
      if (cell.level != RegionLevel::kRegio && cell.level != RegionLevel::kGemeente) continue;
      Result<Period> period = Period::Parse(cell.period);
      if (!period.ok() || period->kind() != PeriodKind::kYear) continue;
      if (cell.level == RegionLevel::kRegio) twente = cell.region;
      by_region[cell.region][period->year()] = {{*cell.value / factor, *cell.lower / factor, *cell.upper / factor},
                                                *cell.value,
                                                cell.denominator.value_or(0)};
      latest = std::max(latest, period->year());
    }
    const bool higher_is_worse = indicator->direction == indicators::Direction::kLowerIsBetter;
    for (const auto& [region, waves] : by_region) {
      auto last = waves.find(latest);
      if (last == waves.end()) continue;
      if (last != waves.begin()) {
        auto previous = std::prev(last);
        Result<signals::WaveTest> change =
            signals::TestWaveChange(previous->second.estimate, last->second.estimate, higher_is_worse);
        if (change.ok()) {
          out.push_back(Prepare(*indicator, regions, region, "verandering", previous->first, latest,
                                last->second.percent, previous->second.percent, last->second.weighted, *change));
        }
      }
      if (region == twente || twente.empty()) continue;
      auto whole = by_region[twente].find(latest);
      if (whole == by_region[twente].end() || !(whole->second.weighted > 0)) continue;
      Result<signals::WaveTest> difference =
          signals::TestPartAgainstWhole(last->second.estimate, whole->second.estimate,
                                        last->second.weighted / whole->second.weighted, higher_is_worse);
      if (difference.ok()) {
        out.push_back(Prepare(*indicator, regions, region, "twente", latest, latest, last->second.percent,
                              whole->second.percent, last->second.weighted, *difference));
      }
    }
  }
  return out;
}

}  // namespace sz::pipeline::internal
