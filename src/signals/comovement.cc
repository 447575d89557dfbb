#include "signals/comovement.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "rmath/distributions.h"
#include "signals/messages.h"

namespace sz::signals {
namespace {

std::vector<double> AverageRanks(const std::vector<double>& x) {
  std::vector<size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> ranks(x.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i + 1;
    while (j < order.size() && x[order[j]] == x[order[i]]) ++j;
    const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;  // ranks i+1..j
    for (size_t k = i; k < j; ++k) ranks[order[k]] = rank;
    i = j;
  }
  return ranks;
}

// Pearson correlation; NaN when a side is constant.
double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (!(sxx > 0) || !(syy > 0)) return std::nan("");
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace

double SpearmanRho(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 2) return std::nan("");
  return Pearson(AverageRanks(x), AverageRanks(y));
}

Result<CoMovement> TestCoMovement(const std::vector<double>& observed_a, const std::vector<double>& expected_a,
                                  const std::vector<double>& observed_b, const std::vector<double>& expected_b,
                                  const CoMovementOptions& options) {
  const size_t n = observed_a.size();
  if (expected_a.size() != n || observed_b.size() != n || expected_b.size() != n) {
    return InvalidArgumentError(msg::ScanBadInput());
  }
  std::vector<double> za, zb;
  for (size_t i = 0; i < n; ++i) {
    if (!(observed_a[i] >= 0) || !(expected_a[i] >= 0) || !(observed_b[i] >= 0) || !(expected_b[i] >= 0)) {
      return InvalidArgumentError(msg::ScanBadInput());
    }
    if (expected_a[i] <= 0 || expected_b[i] <= 0) continue;
    za.push_back((observed_a[i] - expected_a[i]) / std::sqrt(expected_a[i]));
    zb.push_back((observed_b[i] - expected_b[i]) / std::sqrt(expected_b[i]));
  }
  CoMovement out;
  out.wijken = static_cast<int>(za.size());
  if (za.size() < 8) return FailedPreconditionError(msg::CoMovementTooFewWijken(out.wijken));
  const std::vector<double> ra = AverageRanks(za);
  std::vector<double> rb = AverageRanks(zb);
  out.rho = Pearson(ra, rb);
  if (std::isnan(out.rho)) return FailedPreconditionError(msg::CoMovementConstant());
  std::mt19937_64 rng(options.seed);
  int at_least = 0;
  double sum = 0, sum2 = 0;
  for (int r = 0; r < options.replications; ++r) {
    std::shuffle(rb.begin(), rb.end(), rng);
    const double rho = Pearson(ra, rb);
    at_least += rho >= out.rho - 1e-12 ? 1 : 0;
    sum += rho;
    sum2 += rho * rho;
  }
  const double reps = static_cast<double>(options.replications);
  out.p_value = (1.0 + at_least) / (1.0 + reps);
  if (options.replications >= 2) {
    const double mean = sum / reps, sd = std::sqrt(std::max(0.0, (sum2 - reps * mean * mean) / (reps - 1)));
    out.p_normal = sd > 0 ? rmath::PNorm((out.rho - mean) / sd, 0.0, 1.0, false) : std::nan("");
  } else {
    out.p_normal = std::nan("");
  }
  return out;
}

}  // namespace sz::signals
