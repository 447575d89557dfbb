// Survey waves for the signal stage (pipeline/signals.h, docs/signals.md "Survey waves"): for every
// signalable survey indicator, the design-based tests of signals/waves.h on the stored estimates.
//
// Contract:
// - Cells: breakdown "totaal", levels regio (Twente) and gemeente, periods that are wave years, with an
//   estimate and an interval. The latest wave is the indicator's latest year.
// - Per region with an estimate in the latest wave and in an earlier one: the change since the wave
//   before (key "golf|INDICATOR|REGION|verandering", periods previous → latest wave).
// - Per gemeente in the latest wave: the difference from Twente (key "golf|INDICATOR|REGION|twente",
//   both periods the latest wave); its share of Twente is its weighted respondents (denominator) over
//   Twente's.
// - The unfavourable direction follows the indicator's richting: lager_is_beter → a rise is worse.
// - A cell whose interval cannot be used (signals/waves.h) gives no test.
// Each WaveTestOf carries its signal without q-value and explanation; the stage adds them after the
// run's false-discovery control. Errors: the store's.
#pragma once

#include <vector>

#include "core/region.h"
#include "core/status.h"
#include "indicators/catalog.h"
#include "signals/messages.h"
#include "store/signal_state.h"
#include "store/store.h"

namespace sz::pipeline::internal {

struct WaveTestOf {
  store::StoredSignal signal;  // key, kind golf, indicators, sources, region, breakdown, periods, method,
                               // observed (this wave, %), expected (the reference, %), p
  signals::msg::WaveFacts facts;
  int64_t from = 0, to = 0;  // period ordinals (PeriodOrdinal)
  double residents = 0;      // the region's weighted respondents (the estimate's population)
};

Result<std::vector<WaveTestOf>> TestSurveyWaves(store::Store& store, const RegionTable& regions,
                                                const std::vector<const indicators::Indicator*>& surveys);

}  // namespace sz::pipeline::internal
