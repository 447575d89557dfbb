// svyciprop(method = "likelihood"): the profile-likelihood interval of the intercept-only quasibinomial svyglm,
// as survey 4.1-1's confint.svyglm(method = "likelihood") → MASSprofile_glm → confint_profile (R/survey.R),
// including R's cubic spline (spline(), method "fmm") through the profile and linear inversion (approx()).
#pragma once

#include <vector>

#include "core/status.h"

namespace sz::survey::internal {

struct ProfileInput {
  std::vector<double> y;        // the domain's rows (no missing values)
  std::vector<double> weights;  // their sampling weights
  double p_hat = 0;             // weighted mean
  double se = 0;                // its linearisation SE
  double df = 0;                // degf of the domain design
  double level = 0.95;
};

// Returns {lower, upper} on the proportion scale (NaN where R gives NA).
Result<std::vector<double>> ProfileLikelihoodInterval(const ProfileInput& input);

// R's spline(x, y, n = 3·length(x), method = "fmm") evaluated at n equally spaced points over [min x, max x].
// x must be strictly increasing. Exposed for tests.
void FmmSpline(const std::vector<double>& x, const std::vector<double>& y, std::vector<double>& out_x,
               std::vector<double>& out_y);

}  // namespace sz::survey::internal
