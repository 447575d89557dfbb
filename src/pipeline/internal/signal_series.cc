#include "pipeline/internal/signal_series.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "pipeline/catalog.h"
#include "pipeline/messages.h"
#include "sources/contract.h"
#include "store/indicator_values.h"

namespace sz::pipeline::internal {
namespace {

Result<std::optional<Date>> DataEnd(store::Store& store, const indicators::Indicator& indicator) {
  std::optional<Date> end;
  if (!indicator.numerator) return end;
  for (const std::string& source : indicator.numerator->sources) {
    ASSIGN_OR_RETURN(std::optional<Date> last, DataEndOf(store, source));
    if (last && (!end || *last > *end)) end = last;
  }
  return end;
}

Result<std::vector<SignalSeries>> SeriesOfIndicator(store::Store& store, const indicators::Indicator& indicator,
                                                    PeriodKind kind) {
  ASSIGN_OR_RETURN(std::optional<Date> data_end, DataEnd(store, indicator));
  ASSIGN_OR_RETURN(std::vector<store::IndicatorCell> cells,
                   store.indicator_values().Cells({.indicators = {indicator.id}}));
  struct Key {
    RegionLevel level;
    std::string region, breakdown;
    auto operator<=>(const Key&) const = default;
  };
  std::map<Key, std::map<int64_t, const store::IndicatorCell*>> by_series;
  std::optional<Period> first, last;
  for (const store::IndicatorCell& cell : cells) {
    Result<Period> period = Period::Parse(cell.period);
    if (!period.ok() || period->kind() != kind) continue;
    if (data_end && period->last_day() > *data_end) continue;  // incomplete: the data end inside it
    if (!first || *period < *first) first = *period;
    if (!last || *last < *period) last = *period;
    by_series[{cell.level, cell.region, cell.breakdown}][PeriodOrdinal(*period)] = &cell;
  }
  std::vector<SignalSeries> out;
  if (!first) return out;
  std::vector<Period> periods;
  for (Period p = *first; !(*last < p); p = p.Next()) periods.push_back(p);
  for (const auto& [key, by_period] : by_series) {
    SignalSeries s;
    s.indicator = &indicator;
    s.level = key.level;
    s.region = key.region;
    s.breakdown = key.breakdown;
    s.periods = periods;
    s.series.frequency = kind == PeriodKind::kWeek ? 52 : 12;
    s.series.start_week = periods.front().number();
    s.series.observed.reserve(periods.size());
    for (const Period& p : periods) {
      auto it = by_period.find(PeriodOrdinal(p));
      const bool has = it != by_period.end() && it->second->numerator;
      s.series.observed.push_back(has ? *it->second->numerator : (it == by_period.end() ? 0.0 : std::nan("")));
      if (it != by_period.end() && it->second->denominator) s.residents = *it->second->denominator;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

// Consecutive periods of one kind differ by 1.
int64_t PeriodOrdinal(const Period& period) {
  if (period.kind() == PeriodKind::kWeek) return period.first_day().DayNumber() / 7;
  return static_cast<int64_t>(period.year()) * 12 + period.number() - 1;
}

Result<int64_t> PeriodOrdinalOf(std::string_view text) {
  ASSIGN_OR_RETURN(Period period, Period::Parse(text));
  return PeriodOrdinal(period);
}

signals::MethodChoice MethodChoiceOf(const std::string& name) {
  if (name == "farringtonFlexible") return signals::MethodChoice::kFarringtonFlexible;
  if (name == "earsC1") return signals::MethodChoice::kEarsC1;
  if (name == "earsC2") return signals::MethodChoice::kEarsC2;
  if (name == "earsC3") return signals::MethodChoice::kEarsC3;
  if (name == "cusum") return signals::MethodChoice::kCusum;
  return signals::MethodChoice::kAuto;
}

// "Meldingen zorgwekkend gedrag per 10.000 inwoners" → "meldingen zorgwekkend gedrag".
std::string SubjectOf(const indicators::Indicator& indicator) {
  std::string subject = indicator.title.substr(0, indicator.title.find(" per "));
  if (!subject.empty() && subject[0] >= 'A' && subject[0] <= 'Z')
    subject[0] = static_cast<char>(subject[0] - 'A' + 'a');
  return subject;
}

std::string RegionNameOf(const RegionTable& regions, const std::string& code) {
  const Region* region = regions.Find(code);
  if (region == nullptr) return code;
  if (region->level == RegionLevel::kWijk) {
    const Region* gemeente = regions.GemeenteOf(code);
    return "wijk " + region->name + (gemeente ? " (" + gemeente->name + ")" : "");
  }
  return region->name;
}

// The last day the indicator's numerator data cover completely: the latest event date (or the last day
// of the latest week) over its sources; nullopt when unknown.
Result<std::optional<Date>> DataEndOf(store::Store& store, const std::string& source) {
  const sources::SourceContract* contract = sources::FindContract(source);
  if (contract == nullptr) return std::optional<Date>();
  ASSIGN_OR_RETURN(store::RecordSummary summary, store.records().Summarise(*contract));
  if (Result<Date> date = ParseDate(summary.last_date, DateFormat::kIso); date.ok()) return std::optional<Date>(*date);
  if (Result<Period> week = Period::Parse(summary.last_date); week.ok()) return std::optional<Date>(week->last_day());
  return std::optional<Date>();
}

Result<SignalStage> OpenSignalStage(Workspace& workspace) {
  SignalStage stage;
  ASSIGN_OR_RETURN(stage.store, workspace.Store());
  ASSIGN_OR_RETURN(stage.regions, workspace.Regions());
  ASSIGN_OR_RETURN(stage.catalog, LoadIndicatorCatalog(workspace));
  ASSIGN_OR_RETURN(stage.config, indicators::LoadSignalConfig(workspace.ConfigFile("signalen.toml")));
  ASSIGN_OR_RETURN(std::optional<store::IndicatorRun> computed, stage.store->indicator_values().LatestRun());
  if (!computed) return FailedPreconditionError(msg::NothingComputedYet());
  stage.computed = *computed;
  return stage;
}

Result<SignalInputs> LoadSignalInputs(store::Store& store, const indicators::Catalog& catalog) {
  SignalInputs inputs;

  for (const indicators::Indicator& indicator : catalog.indicators) {
    if (!indicator.signalable) continue;
    if (indicator.kind != indicators::IndicatorKind::kRate) {
      if (indicator.kind == indicators::IndicatorKind::kForecast) {
        inputs.forecasts.push_back(&indicator);  // belasting, below
      } else if (indicator.kind == indicators::IndicatorKind::kSurvey) {
        inputs.surveys.push_back(&indicator);  // survey waves (wave_signals.h)
      } else {
        inputs.not_tested.emplace_back(indicator.id, msg::SignalsNotARate());
      }
      continue;
    }
    if (indicator.numerator && indicator.numerator->window_months > 0) {
      inputs.not_tested.emplace_back(indicator.id, msg::SignalsRollingWindow());
      continue;
    }
    auto has = [&](indicators::CatalogPeriod p) {
      return std::find(indicator.periods.begin(), indicator.periods.end(), p) != indicator.periods.end();
    };
    std::optional<PeriodKind> kind;
    if (has(indicators::CatalogPeriod::kWeek)) {
      kind = PeriodKind::kWeek;
    } else if (has(indicators::CatalogPeriod::kMonth)) {
      kind = PeriodKind::kMonth;
    }
    if (!kind) {
      inputs.not_tested.emplace_back(indicator.id, msg::SignalsNoWeeksOrMonths());
      continue;
    }
    ASSIGN_OR_RETURN(std::vector<SignalSeries> series, SeriesOfIndicator(store, indicator, *kind));
    for (SignalSeries& s : series) inputs.series.push_back(std::move(s));
  }
  return inputs;
}

std::vector<WijkSeries> WijkSeriesOf(const std::vector<SignalSeries>& series) {
  std::vector<WijkSeries> out;
  for (const SignalSeries& s : series) {
    if (s.series.frequency != 52 || s.level != RegionLevel::kWijk || s.breakdown != "totaal") continue;
    if (!s.indicator->numerator || s.indicator->numerator->sources.size() != 1) continue;
    out.push_back({.indicator = s.indicator->id,
                   .source = s.indicator->numerator->sources.front(),
                   .subject = SubjectOf(*s.indicator),
                   .wijk = s.region,
                   .periods = s.periods,
                   .observed = s.series.observed,
                   .residents = s.residents});
  }
  return out;
}

}  // namespace sz::pipeline::internal
