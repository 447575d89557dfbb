// Calibration of design weights to known population figures, as survey 4.1-1's postStratify, rake and
// calibrate (R/poststratify.R, R/calibrate.R), including the variance that accounts for it.
//
//   PopulationTable population{.variables = {"leeftijd", "geslacht"}, .cells = {{{"18-64", "m"}, 210000}, ...}};
//   RETURN_IF_ERROR(PostStratify(design, frame, population));
//   // R: design <- postStratify(design, ~leeftijd + geslacht, population)
//
// Contract:
// - PostStratify: weights in each cell of the variables' cross-classification are multiplied by
//   N_cell / N̂_cell. Every sample cell needs a population count (kDataError naming the cell otherwise);
//   population cells absent from the sample are ignored. Variance: svyrecvar's post-stratum centring.
// - Rake: iterative post-stratification on each margin in turn until the weighted cross-table of all margin
//   variables changes by less than `epsilon` (default 1, as rake's control) or `max_iterations` (10) passes;
//   variance by rake's 10 sweeps of margin centring.
// - CalibrateLinear: calibrate(design, formula, population) with calfun "linear" and no bounds (regcalibrate):
//   model matrix = intercept + each numeric variable + treatment-contrast columns of each categorical
//   variable (levels 2..L, named variable+level); `totals` in that order (R's names are printed by Terms()).
//   g = 1 + X (XᵀWX)⁻¹ (T − t̂); variance from the residuals of z/w on X (greg_calibration).
// - After calibration, domains keep every row (weight 0 outside), as R's subset of a calibrated design does.
// - Missing values in calibration variables: kDataError (R: na.fail).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "survey/design.h"
#include "survey/frame.h"

namespace sz::survey {

struct PopulationTable {
  std::vector<std::string> variables;
  struct Cell {
    std::vector<std::string> levels;  // one per variable, as the level names in the frame
    double count = 0;
  };
  std::vector<Cell> cells;
};

Status PostStratify(Design& design, const SurveyFrame& frame, const PopulationTable& population);

struct RakeControl {
  int max_iterations = 10;
  double epsilon = 1;
};
Status Rake(Design& design, const SurveyFrame& frame, const std::vector<PopulationTable>& margins,
            const RakeControl& control = {});

// The model-matrix column names CalibrateLinear uses: "(Intercept)", then per variable.
Result<std::vector<std::string>> CalibrationTerms(const SurveyFrame& frame, const std::vector<std::string>& variables);
Status CalibrateLinear(Design& design, const SurveyFrame& frame, const std::vector<std::string>& variables,
                       const std::vector<double>& totals);

// calibrate(design, formula, population, calfun = "raking") without bounds: g = exp(xᵀη) by grake's Newton
// iteration (same start, steps, rescaling and stopping rule as R, so the weights agree to R's tolerance);
// variance as for CalibrateLinear. kDataError (with R's "Calibration failed") when it does not converge (R stops too).
struct RakingOptions {
  int max_iterations = 50;
  double epsilon = 1e-7;
};
Status CalibrateRaking(Design& design, const SurveyFrame& frame, const std::vector<std::string>& variables,
                       const std::vector<double>& totals, const RakingOptions& options = {});

}  // namespace sz::survey
