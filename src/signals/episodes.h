// From tests to signals: the periods of one series whose rise holds up under the run's
// false-discovery control, joined into episodes, each with its figures and a ranking score.
//
// Contract:
// - A period is significant when its method raised an alarm and its q-value (fdr.h) is ≤ `q_level`.
// - An episode is a maximal run of significant periods in which no two consecutive significant
//   periods are more than `max_gap` + 1 periods apart (a single quiet period does not split a rise
//   by default). Its observed, expected and threshold are sums over its significant periods; p and q
//   the smallest among them.
// - Score (higher = earlier in the list; docs/signals.md): evidence −log10(q) (q floored at 1e-12),
//   plus size log2(observed / expected) (expected floored at 0.5), plus reach 0.5·log10(residents)
//   when residents > 0, plus novelty 1 for a signal that is new in this run.
// Thread safety: pure functions.
//
//   std::vector<Episode> episodes = FindEpisodes(tests.periods, q, 0.05);
//   double score = SignalScore(episode.q_value, episode.observed, episode.expected, 41'000, true);
//
// Checked by tests/signals/episodes_test.cc.
#pragma once

#include <vector>

#include "signals/series_tests.h"

namespace sz::signals {

struct Episode {
  int first_t = 0, last_t = 0;  // 1-based time points of its first and last significant period
  int periods = 0;              // significant periods
  double observed = 0, expected = 0, threshold = 0;
  double p_value = 1, q_value = 1;
};

// `q` holds one q-value per entry of `periods` (NaN: not a test).
std::vector<Episode> FindEpisodes(const std::vector<PeriodTest>& periods, const std::vector<double>& q, double q_level,
                                  int max_gap = 1);

double SignalScore(double q_value, double observed, double expected, double residents, bool is_new);

}  // namespace sz::signals
