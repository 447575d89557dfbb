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

Result<std::vector<double>> LinearisationVariance(const Design& design, const std::vector<int>& rows,
                                                  const std::vector<double>& z, int p);

// degf(design[rows, ]): distinct PSUs minus distinct strata among the rows with non-zero weight.
double DegreesOfFreedom(const Design& design, const std::vector<int>& rows);

}  // namespace sz::survey::internal
