#include "signals/episodes.h"

#include <algorithm>
#include <cmath>

namespace sz::signals {

std::vector<Episode> FindEpisodes(const std::vector<PeriodTest>& periods, const std::vector<double>& q, double q_level,
                                  int max_gap) {
  std::vector<Episode> episodes;
  for (size_t i = 0; i < periods.size() && i < q.size(); ++i) {
    const PeriodTest& p = periods[i];
    if (!p.alarm || std::isnan(q[i]) || q[i] > q_level) continue;
    if (episodes.empty() || p.t - episodes.back().last_t > max_gap + 1) episodes.push_back(Episode{p.t, p.t});
    Episode& e = episodes.back();
    e.last_t = p.t;
    e.periods += 1;
    e.observed += p.observed;
    e.expected += std::isnan(p.expected) ? 0 : p.expected;
    e.threshold += p.threshold;
    e.p_value = std::min(e.p_value, p.p_value);
    e.q_value = std::min(e.q_value, q[i]);
  }
  return episodes;
}

double SignalScore(double q_value, double observed, double expected, double residents, bool is_new) {
  const double evidence = -std::log10(std::max(q_value, 1e-12));
  const double size = std::log2(std::max(observed, 0.5) / std::max(expected, 0.5));
  const double reach = residents > 0 ? 0.5 * std::log10(residents) : 0;
  return evidence + size + reach + (is_new ? 1.0 : 0.0);
}

}  // namespace sz::signals
