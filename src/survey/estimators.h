// Design-based estimators with Taylor-linearisation standard errors, matching survey 4.1-1:
// svymean, svytotal, svyratio (R/multistage.R) and svyquantile (R/svyquantile.R, qrule "math",
// interval.type "mean" = Woodruff), each for the whole sample or one domain.
//
//   ASSIGN_OR_RETURN(auto means, SvyMean(design, frame, {"eenzaam", "leeftijd"}, WholeSample(design), {}));
//   // R: svymean(~eenzaam + leeftijd, design, na.rm = TRUE)
//
// Contract:
// - A categorical variable gives one term per level, named variable + level ("stypeE"), as model.matrix names them;
//   its mean is a proportion and its total a count. A numeric variable gives one term named after it.
// - Missing values: na.rm = TRUE. A row with a missing value in any of the variables is left out as if outside the
//   domain (R: design[!is.na(x), ]); the full-design PSU counts are kept, so this is a domain estimate, not a
//   smaller design.
// - A Domain lists the rows of a subpopulation in design order. Its variance pads the PSU totals with zeros
//   (svyby / subset semantics), never re-counting PSUs per domain.
// - Intervals: mean, total and ratio use the normal interval (R's confint default, df = Inf); quantiles use the
//   Woodruff interval with df = degf of the domain, and se = (upper − lower)/(2·qt(1−α/2, df)).
// - deff (options.deff) as R's deff = TRUE: against simple random sampling without replacement; NA if the summed
//   weights are below n (mean).
// - n is the unweighted count of rows used (non-missing, non-zero weight); df is degf() of the domain design.
// - Errors: kInvalidArgument (unknown column, categorical where numeric is needed, p outside [0,1]),
//   kDataError (lonely PSU under "fail").
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "survey/design.h"
#include "survey/frame.h"

namespace sz::survey {

struct Estimate {
  std::string term;
  double estimate = 0;
  double se = 0;
  double ci_low = 0;
  double ci_high = 0;
  double deff = 0;  // NaN unless asked (or NA as R gives it)
  long n = 0;
  double df = 0;
};

// The rows of a subpopulation, in design.design_order().
struct Domain {
  std::vector<int> rows;
};

Domain WholeSample(const Design& design);
// member[row] != 0 for the rows in the domain.
Domain DomainOf(const Design& design, const std::vector<char>& member);

struct EstimateOptions {
  double level = 0.95;
  bool deff = false;
};

Result<std::vector<Estimate>> SvyMean(const Design& design, const SurveyFrame& frame,
                                      const std::vector<std::string>& variables, const Domain& domain,
                                      const EstimateOptions& options);
Result<std::vector<Estimate>> SvyTotal(const Design& design, const SurveyFrame& frame,
                                       const std::vector<std::string>& variables, const Domain& domain,
                                       const EstimateOptions& options);
// Ratio of totals numerator/denominator (both numeric); term "num/den".
Result<Estimate> SvyRatio(const Design& design, const SurveyFrame& frame, const std::string& numerator,
                          const std::string& denominator, const Domain& domain, const EstimateOptions& options);
// Quantile p ∈ [0, 1] of a numeric variable.
Result<Estimate> SvyQuantile(const Design& design, const SurveyFrame& frame, const std::string& variable, double p,
                             const Domain& domain, const EstimateOptions& options);

}  // namespace sz::survey
