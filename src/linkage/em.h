// EM estimation of the Fellegi–Sunter parameters from unlabelled comparison patterns (Winkler 1988,
// "Using the EM algorithm for weight computation in the Fellegi-Sunter model of record linkage";
// Jaro 1989), with u-probabilities from random pairs as Splink does (estimate_u_using_random_sampling).
//
//   PatternCounts counts;                                // pairs per comparison pattern (sparse)
//   ASSIGN_OR_RETURN(auto u, EstimateU(random_pair_counts));
//   FellegiSunterModel start = FellegiSunterModel::Initial();
//   start.u = u;
//   ASSIGN_OR_RETURN(EmResult fit, FitEm(counts, start, {.total_pairs = all_pairs}));
//
// The EM works on pattern counts (the sufficient statistics under conditional independence), so an
// iteration costs one step per pattern that occurs, however many pairs there are. Missing (null) levels take no part
// in a field's estimate.
//
// Two modes:
// - estimate_u = false (default): u stays as given; m and lambda are estimated. `total_pairs` may exceed
//   the counted pairs: the pairs that blocking left out are then treated as non-matches, so lambda is
//   the prior over all `total_pairs` pairs, consistent with u from random pairs over the same space.
// - estimate_u = true: classic Winkler EM, m, u and lambda all estimated from the counted pairs
//   (total_pairs must then be 0 or equal to their number).
// With use_field / estimate_m a caller trains m in sessions on subsets of pairs and then lambda alone,
// as Splink does (linker.h describes the sessions the linker uses).
// Probabilities are floored at `probability_floor` and renormalised, so no weight is infinite.
// Errors: kInvalidArgument for negative counts, total_pairs below the counted
// pairs or with estimate_u; kFailedPrecondition when there are no pairs.
// Checked in tests/linkage/em_test.cc (recovers m, u and lambda from data simulated with them).
// Thread safety: pure functions.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "core/status.h"
#include "linkage/fellegi_sunter.h"

namespace sz::linkage {

constexpr std::array<bool, kFieldCount> AllFields() {
  std::array<bool, kFieldCount> all{};
  all.fill(true);
  return all;
}

struct EmOptions {
  double total_pairs = 0;  // 0: the number of counted pairs
  bool estimate_u = false;
  int max_iterations = 1000;
  double tolerance = 1e-9;  // stop when no parameter moves more than this (relative for lambda)
  double probability_floor = 1e-6;
  // Fields left out of this estimation (Splink's training "sessions": a field the training pairs were
  // selected on says nothing about match status among them): treated as missing, m and u unchanged.
  std::array<bool, kFieldCount> use_field = AllFields();
  bool estimate_m = true;  // false: only lambda is estimated (m and u stay as given)
};

struct EmResult {
  FellegiSunterModel model;
  int iterations = 0;
  bool converged = false;
  double expected_matches = 0;  // Σ posterior match probability over the counted pairs
  bool m_from_labels = false;   // set by the linker's training (linker.h, step 4), not by FitEm
};

Result<EmResult> FitEm(const PatternCounts& pattern_counts, const FellegiSunterModel& start,
                       const EmOptions& options = {});

// u[f][l]: share of pairs at level l among those with field f non-null, from the pattern counts of
// random pairs (plus-one smoothing so no level is impossible).
Result<std::array<std::vector<double>, kFieldCount>> EstimateU(const PatternCounts& random_pattern_counts);

// m[f][l] from pairs known to match (Splink's estimate_m_from_label_column): the same plus-one
// smoothed level shares, computed over the pattern counts of labelled matches.
Result<std::array<std::vector<double>, kFieldCount>> EstimateMFromMatches(const PatternCounts& match_pattern_counts);

}  // namespace sz::linkage
