// The series the signal stage tests (pipeline/signals.h), read from the latest computed cells, shared by
// `samenzicht signals` and `samenzicht signals-eval` (pipeline/signals_eval.h).
//
// Contract:
// - LoadSignalInputs: per indicator the catalogue marks `signaleerbaar`: of kind `verhouding` (without a
//   rolling window) its series, weekly when it has weeks, else monthly; of kind `voorspelling` the
//   indicator itself (belasting); of kind `enquete` the indicator itself (survey waves); any other is listed in
//   `not_tested` with a Dutch reason.
// - A series is one level × region × breakdown of the indicator's stored cells, over the consecutive
//   periods from the indicator's first to its last computed period; a period without a cell counts 0
//   (nothing was registered), a cell without a numerator is NaN. A last period that the data end inside
//   (the latest event date of the numerator's sources falls before its last day) is left out.
// - WijkSeriesOf: the weekly wijk totals of indicators whose numerator counts one source, the input of
//   the dwarsverband scan (crossdesk_signals.h).
// Errors: the store's. Thread safety: as the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "core/region.h"
#include "core/status.h"
#include "detection/series.h"
#include "indicators/catalog.h"
#include "indicators/signal_file.h"
#include "pipeline/internal/crossdesk_signals.h"
#include "pipeline/workspace.h"
#include "signals/series_tests.h"
#include "store/indicator_values.h"
#include "store/store.h"

namespace sz::pipeline::internal {

// Dwarsverbanden: the scan's weeks, the baseline's history before them, and the Monte-Carlo replications.
inline constexpr int kScanHorizonWeeks = 13;
inline constexpr int kScanHistoryWeeks = 52;
inline constexpr int kScanReplications = 999;

// Consecutive periods of one kind differ by 1 (weeks and months).
int64_t PeriodOrdinal(const Period& period);
Result<int64_t> PeriodOrdinalOf(std::string_view text);
// The catalogue's `signaleerbaar` method name → the choice (unknown or empty: automatic).
signals::MethodChoice MethodChoiceOf(const std::string& name);

// One series of one indicator: its cells' numerators over consecutive periods.
struct SignalSeries {
  const indicators::Indicator* indicator = nullptr;
  std::string region;
  RegionLevel level = RegionLevel::kGemeente;
  std::string breakdown;
  std::vector<Period> periods;
  double residents = 0;  // the latest cell's denominator
  detection::Series series;
};

// "Meldingen zorgwekkend gedrag per 10.000 inwoners" → "meldingen zorgwekkend gedrag".
std::string SubjectOf(const indicators::Indicator& indicator);
// "Hengelo", "wijk Hasseler Es (Hengelo)"; the code when unknown.
std::string RegionNameOf(const RegionTable& regions, const std::string& code);
// The last day a source's data cover completely (its latest event date, or the last day of its latest
// week); nullopt when unknown.
Result<std::optional<Date>> DataEndOf(store::Store& store, const std::string& source);

// What the signal stage and its replay read first: the store, the regions, the catalogue, signalen.toml
// and the latest computation (kFailedPrecondition when nothing has been computed yet).
struct SignalStage {
  store::Store* store = nullptr;
  const RegionTable* regions = nullptr;
  indicators::Catalog catalog;
  indicators::SignalConfig config;
  store::IndicatorRun computed;
};
Result<SignalStage> OpenSignalStage(Workspace& workspace);

struct SignalInputs {
  std::vector<SignalSeries> series;
  std::vector<const indicators::Indicator*> forecasts;          // belasting
  std::vector<const indicators::Indicator*> surveys;            // survey waves (kind enquete; wave_signals.h)
  std::vector<std::pair<std::string, std::string>> not_tested;  // indicator id, reason (Dutch)
};
Result<SignalInputs> LoadSignalInputs(store::Store& store, const indicators::Catalog& catalog);

std::vector<WijkSeries> WijkSeriesOf(const std::vector<SignalSeries>& series);

}  // namespace sz::pipeline::internal
