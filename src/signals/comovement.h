// Co-movement across wijken (docs/signals.md, "Dwarsverbanden"): do two desks rise together across the
// wijken, that is, where one desk has more reports than its baseline expects, does the other too?
// A permutation test of the rank correlation of their excesses; it complements the space-time scan,
// which finds a rise in one place, with a pattern spread over many places.
//
// Contract:
// - Input: per wijk the observed count and the expected count (baseline) of desks a and b over the same
//   weeks. A wijk enters when both expectations are > 0. Excess z = (O − E) / √E per desk and wijk.
// - Statistic: Spearman's rank correlation of z_a and z_b over the wijken that enter (ties get their
//   average rank; Pearson correlation of the ranks).
// - p-values, one-sided (moving together): Monte Carlo over `replications` permutations of z_b's ranks
//   (one std::mt19937_64 seeded with `seed`): p = (1 + #{ρ_perm ≥ ρ}) / (1 + replications); and, for BH
//   control beyond that resolution, the normal upper tail of ρ standardised by the permutations' mean and
//   standard deviation.
// Errors: kInvalidArgument for vectors of different lengths or negative values; kFailedPrecondition when
// fewer than 8 wijken enter or either excess is constant. Thread safety: pure function.
//
//   ASSIGN_OR_RETURN(CoMovement m, TestCoMovement(a_obs, a_exp, b_obs, b_exp, {.replications = 999}));
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"

namespace sz::signals {

struct CoMovementOptions {
  int replications = 999;
  uint64_t seed = 20261205;
};

struct CoMovement {
  int wijken = 0;       // that entered
  double rho = 0;       // Spearman
  double p_value = 1;   // Monte Carlo
  double p_normal = 1;  // the normal approximation to the permutation distribution
};

// Spearman's rank correlation with average ranks for ties (NaN when a side is constant).
double SpearmanRho(const std::vector<double>& x, const std::vector<double>& y);

Result<CoMovement> TestCoMovement(const std::vector<double>& observed_a, const std::vector<double>& expected_a,
                                  const std::vector<double>& observed_b, const std::vector<double>& expected_b,
                                  const CoMovementOptions& options);

}  // namespace sz::signals
