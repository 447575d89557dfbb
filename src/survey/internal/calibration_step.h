// How a calibration of the weights changes the influence values before the variance sum, as svyrecvar does
// with design$postStrata (R/multistage.R): post-strata are centred, raking margins centred iteratively,
// GREG calibration replaced by regression residuals.
#pragma once

#include <vector>

namespace sz::survey::internal {

struct CalibrationStep {
  virtual ~CalibrationStep() = default;
  // z: num_rows × p, row-major, indexed by data row; zero outside the domain.
  virtual void Apply(std::vector<double>& z, int p) const = 0;
};

}  // namespace sz::survey::internal
