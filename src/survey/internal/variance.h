// Taylor-linearisation variance of a design-based estimate, as survey 4.1-1's svyrecvar → multistage →
// onestage → onestrat (R/multistage.R), for the rows of one domain.
//
// `rows` lists the domain's rows in design_order(); `z` holds their influence values, p per row (row-major).
// Rows outside the domain count as z = 0 (R's padding of the PSU totals, so domains are not design subsets).
// Returns the p×p covariance (row-major). Errors: kDataError for a lonely PSU under LonelyPsu::kFail.
// Checked by tests/survey/golden_test.cc against R.
#pragma once

#include <vector>

#include "core/status.h"
#include "survey/design.h"

namespace sz::survey::internal {

// The totals of the clusters of one stage that hold domain rows, in design order (so strata are contiguous).
struct ClusterTotals {
  std::vector<int> strata;     // stratum of each cluster
  std::vector<double> totals;  // clusters × p, row-major
};

// Adds one stage's variance (onestage/onestrat: padding, fpc, lonely PSUs) from its cluster totals to `out` (p×p).
Status AddStageFromTotals(const Design& design, int stage, const ClusterTotals& clusters, int p,
                          std::vector<double>& out);

Result<std::vector<double>> LinearisationVariance(const Design& design, const std::vector<int>& rows,
                                                  const std::vector<double>& z, int p);

// degf(design[rows, ]): distinct PSUs minus distinct strata among the rows with non-zero weight.
double DegreesOfFreedom(const Design& design, const std::vector<int>& rows);

}  // namespace sz::survey::internal
