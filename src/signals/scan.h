// The space-time scan for dwarsverbanden (Neill et al., KDD 2005: the expectation-based Poisson scan,
// here over several streams at once): which group of neighbouring areas, over the latest weeks, shows
// more reports at two or more desks together than their baselines expect (docs/signals.md).
//
// Contract:
// - Input: `locations` areas (wijken), `streams` report streams (desks) and the latest `weeks` weeks;
//   counts and baselines (the expected counts the detectors fitted) per location × stream × week,
//   index (location · streams + stream) · weeks + t, with t = weeks − 1 the latest week. `zones` are the
//   candidate groups of locations (for instance each wijk alone and each wijk with its neighbours).
// - Search space: every zone × every window of the last w weeks (w = 1 .. min(max_window, weeks); a
//   prospective scan: windows end at the latest week) × every subset of at least `min_streams` streams.
//   A candidate's C and B are the sums of counts and baselines over its locations, weeks and streams;
//   its score is the Poisson log-likelihood ratio F = C·log(C/B) + B − C when C > B, else 0 (ScanScore).
// - Clusters: the candidate with the highest score, then repeatedly the best candidate that shares no
//   location with a cluster already taken, up to `max_clusters`, only those with F > 0.
// - p-value (Monte Carlo, Kulldorff's approach): `replications` data sets with every count drawn from
//   Poisson(baseline) (one std::mt19937_64 seeded with `seed`, so a run repeats exactly), each searched
//   for its highest score; p = (1 + #{replications with max score ≥ F}) / (1 + replications).
// Errors: kInvalidArgument for sizes that do not match, a zone naming an unknown location, negative
// counts or baselines, or min_streams > streams. Thread safety: pure function.
//
//   ASSIGN_OR_RETURN(std::vector<ScanCluster> clusters, ScanSpaceTime(input, {.replications = 999}));
//
// Checked by tests/signals/scan_test.cc against an exhaustive reference on small grids.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"

namespace sz::signals {

struct ScanInput {
  int locations = 0;
  int streams = 0;
  int weeks = 0;
  std::vector<double> counts;     // locations · streams · weeks
  std::vector<double> baselines;  // the same shape
  std::vector<std::vector<int>> zones;
};

struct ScanOptions {
  int max_window = 13;
  int min_streams = 2;
  int replications = 999;
  uint64_t seed = 20261204;
  int max_clusters = 10;
};

struct ScanCluster {
  int zone = 0;
  int window = 0;            // weeks, ending at the latest week
  std::vector<int> streams;  // in increasing order
  double observed = 0, expected = 0;
  double score = 0;
  double p_value = 1;   // Monte Carlo
  double p_gumbel = 1;  // the Gumbel approximation (see above)
};

double ScanScore(double observed, double expected);
// The Gumbel upper tail at `score` of a distribution fitted to `maxima` (see above).
double GumbelUpperTail(const std::vector<double>& maxima, double score);

Result<std::vector<ScanCluster>> ScanSpaceTime(const ScanInput& input, const ScanOptions& options);

}  // namespace sz::signals
