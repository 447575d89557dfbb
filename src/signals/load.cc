#include "signals/load.h"

#include <algorithm>
#include <cmath>

namespace sz::signals {

double Quantile(std::vector<double> values, double p) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const double h = (static_cast<double>(values.size()) - 1) * p;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

std::vector<Overload> OverloadEpisodes(const std::vector<double>& expected, double threshold, double margin) {
  std::vector<Overload> out;
  bool open = false;
  for (size_t i = 0; i < expected.size(); ++i) {
    const bool over = !std::isnan(expected[i]) && expected[i] > threshold && expected[i] >= threshold + margin;
    if (!over) {
      open = false;
      continue;
    }
    if (!open) out.push_back({static_cast<int>(i), static_cast<int>(i), expected[i]});
    open = true;
    out.back().last = static_cast<int>(i);
    out.back().peak = std::max(out.back().peak, expected[i]);
  }
  return out;
}

}  // namespace sz::signals
