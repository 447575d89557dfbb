#include "signals/fdr.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sz::signals {

std::vector<double> BenjaminiHochberg(const std::vector<double>& p) {
  std::vector<double> q(p.size(), std::nan(""));
  std::vector<size_t> order;
  order.reserve(p.size());
  for (size_t i = 0; i < p.size(); ++i)
    if (!std::isnan(p[i])) order.push_back(i);
  // Largest p first, as R: cummin over (n / rank) · p in decreasing order of p.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] > p[b]; });
  const double n = static_cast<double>(order.size());
  double running = 1.0;
  for (size_t k = 0; k < order.size(); ++k) {
    const double rank = n - static_cast<double>(k);
    running = std::min(running, n / rank * p[order[k]]);
    q[order[k]] = running;
  }
  return q;
}

}  // namespace sz::signals
