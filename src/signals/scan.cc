#include "signals/scan.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <random>

#include "signals/messages.h"

namespace sz::signals {
namespace {

// Per zone × stream: C and B summed over the zone's locations for the last w weeks, w = 1..W.
struct ZoneSums {
  int windows = 0;
  std::vector<double> c, b;  // (zone · streams + stream) · windows + (w − 1)
};

ZoneSums Sum(const ScanInput& in, const std::vector<double>& counts, int windows) {
  ZoneSums z;
  z.windows = windows;
  const size_t zones = in.zones.size(), streams = static_cast<size_t>(in.streams);
  z.c.assign(zones * streams * static_cast<size_t>(windows), 0);
  z.b.assign(z.c.size(), 0);
  for (size_t zone = 0; zone < zones; ++zone) {
    for (size_t s = 0; s < streams; ++s) {
      double c = 0, b = 0;
      for (int w = 1; w <= windows; ++w) {
        const int t = in.weeks - w;
        for (int location : in.zones[zone]) {
          const size_t at = (static_cast<size_t>(location) * streams + s) * static_cast<size_t>(in.weeks) + t;
          c += counts[at];
          b += in.baselines[at];
        }
        const size_t out = (zone * streams + s) * static_cast<size_t>(windows) + static_cast<size_t>(w - 1);
        z.c[out] = c;
        z.b[out] = b;
      }
    }
  }
  return z;
}

struct Candidate {
  size_t zone = 0;
  int window = 0;
  uint32_t subset = 0;
  double c = 0, b = 0, score = 0;
};

// Calls `visit` for every candidate of the search space.
template <typename Visit>
void ForEachCandidate(const ScanInput& in, const ZoneSums& sums, const std::vector<uint32_t>& subsets, Visit visit) {
  const size_t streams = static_cast<size_t>(in.streams);
  for (size_t zone = 0; zone < in.zones.size(); ++zone) {
    for (int w = 1; w <= sums.windows; ++w) {
      for (uint32_t subset : subsets) {
        double c = 0, b = 0;
        for (size_t s = 0; s < streams; ++s) {
          if (!(subset >> s & 1u)) continue;
          const size_t at = (zone * streams + s) * static_cast<size_t>(sums.windows) + static_cast<size_t>(w - 1);
          c += sums.c[at];
          b += sums.b[at];
        }
        visit(Candidate{zone, w, subset, c, b, ScanScore(c, b)});
      }
    }
  }
}

}  // namespace

double ScanScore(double observed, double expected) {
  if (!(observed > expected) || expected <= 0) return 0;
  return observed * std::log(observed / expected) + expected - observed;
}

double GumbelUpperTail(const std::vector<double>& maxima, double score) {
  if (maxima.size() < 2) return std::nan("");
  double mean = 0;
  for (double m : maxima) mean += m;
  mean /= static_cast<double>(maxima.size());
  double ss = 0;
  for (double m : maxima) ss += (m - mean) * (m - mean);
  const double sd = std::sqrt(ss / static_cast<double>(maxima.size() - 1));
  if (!(sd > 0)) return std::nan("");
  constexpr double kEulerGamma = 0.57721566490153286;
  const double beta = sd * std::sqrt(6.0) / M_PI;
  const double mu = mean - kEulerGamma * beta;
  return -std::expm1(-std::exp(-(score - mu) / beta));
}

Result<std::vector<ScanCluster>> ScanSpaceTime(const ScanInput& in, const ScanOptions& options) {
  const size_t cells =
      static_cast<size_t>(in.locations) * static_cast<size_t>(in.streams) * static_cast<size_t>(in.weeks);
  if (in.locations < 1 || in.streams < 1 || in.weeks < 1 || in.counts.size() != cells || in.baselines.size() != cells ||
      in.streams > 20 || options.min_streams < 1 || options.min_streams > in.streams || options.max_window < 1) {
    return InvalidArgumentError(msg::ScanBadInput());
  }
  for (const std::vector<int>& zone : in.zones) {
    for (int location : zone)
      if (location < 0 || location >= in.locations) return InvalidArgumentError(msg::ScanBadInput());
  }
  for (size_t i = 0; i < cells; ++i) {
    if (!(in.counts[i] >= 0) || !(in.baselines[i] >= 0)) return InvalidArgumentError(msg::ScanBadInput());
  }
  std::vector<uint32_t> subsets;
  for (uint32_t subset = 1; subset < (1u << in.streams); ++subset)
    if (std::popcount(subset) >= options.min_streams) subsets.push_back(subset);
  const int windows = std::min(options.max_window, in.weeks);

  // The clusters of the data: best first, then the best sharing no location with those taken.
  const ZoneSums sums = Sum(in, in.counts, windows);
  std::vector<Candidate> all;
  ForEachCandidate(in, sums, subsets, [&](const Candidate& c) {
    if (c.score > 0) all.push_back(c);
  });
  std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.zone != b.zone) return a.zone < b.zone;
    if (a.window != b.window) return a.window < b.window;
    return a.subset < b.subset;
  });
  std::vector<ScanCluster> clusters;
  std::vector<char> taken(static_cast<size_t>(in.locations), 0);
  for (const Candidate& c : all) {
    if (static_cast<int>(clusters.size()) >= options.max_clusters) break;
    const std::vector<int>& zone = in.zones[c.zone];
    if (std::any_of(zone.begin(), zone.end(), [&](int l) { return taken[static_cast<size_t>(l)]; })) continue;
    for (int l : zone) taken[static_cast<size_t>(l)] = 1;
    ScanCluster cluster{
        .zone = static_cast<int>(c.zone), .window = c.window, .observed = c.c, .expected = c.b, .score = c.score};
    for (int s = 0; s < in.streams; ++s)
      if (c.subset >> s & 1u) cluster.streams.push_back(s);
    clusters.push_back(std::move(cluster));
  }
  if (clusters.empty()) return clusters;

  // Monte Carlo: the highest score of data drawn from the baselines.
  std::mt19937_64 rng(options.seed);
  std::vector<double> replicate(cells, 0);
  std::vector<int> at_least(clusters.size(), 0);
  std::vector<double> maxima;
  maxima.reserve(static_cast<size_t>(std::max(0, options.replications)));
  for (int r = 0; r < options.replications; ++r) {
    for (size_t i = 0; i < cells; ++i) {
      const int t = static_cast<int>(i % static_cast<size_t>(in.weeks));
      if (t < in.weeks - windows || in.baselines[i] <= 0) {
        replicate[i] = 0;  // outside every window, or nothing expected: no draw needed
        continue;
      }
      std::poisson_distribution<int> draw(in.baselines[i]);
      replicate[i] = draw(rng);
    }
    const ZoneSums rep = Sum(in, replicate, windows);
    double best = 0;
    ForEachCandidate(in, rep, subsets, [&](const Candidate& c) { best = std::max(best, c.score); });
    maxima.push_back(best);
    for (size_t k = 0; k < clusters.size(); ++k) at_least[k] += best >= clusters[k].score ? 1 : 0;
  }
  for (size_t k = 0; k < clusters.size(); ++k) {
    clusters[k].p_value = (1.0 + at_least[k]) / (1.0 + options.replications);
    clusters[k].p_gumbel = GumbelUpperTail(maxima, clusters[k].score);
  }
  return clusters;
}

}  // namespace sz::signals
