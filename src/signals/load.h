// Belasting (load) signals: a desk whose forecast weekly reports exceed its capacity, or its own 90th
// percentile of the past two years (docs/signals.md, "Belasting").
//
// Contract:
// - Quantile(values, p): R's quantile(x, p, type = 7) over the non-NaN values (linear interpolation
//   between order statistics); NaN when there are none.
// - OverloadEpisodes(expected, threshold, margin): the maximal runs of consecutive forecast weeks
//   (0-based indices into `expected`) whose expected count is above `threshold` and at least `margin`
//   above it, each with its highest expected count. A NaN forecast ends a run. `margin` keeps a
//   fraction of a report from counting as a rise (a forecast of 0.08 over a percentile of 0).
// Thread safety: pure functions.
//
//   const double p90 = Quantile(last_two_years, 0.9);
//   for (const Overload& o : OverloadEpisodes(forecast, capacity.value_or(p90), 1.0)) ...
//
// Checked by tests/signals/load_test.cc (Quantile against R's values).
#pragma once

#include <vector>

namespace sz::signals {

double Quantile(std::vector<double> values, double p);

struct Overload {
  int first = 0, last = 0;  // indices into the forecast weeks
  double peak = 0;          // the highest expected count in it
};

std::vector<Overload> OverloadEpisodes(const std::vector<double>& expected, double threshold, double margin = 0);

}  // namespace sz::signals
