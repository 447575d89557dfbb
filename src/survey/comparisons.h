// Comparisons of survey estimates with design-based standard errors: the difference between two domain means
// of one design (municipality vs Twente, lowest vs highest income quintile) and between two independent samples
// (waves), with a Wald z test and a t test on the design's degrees of freedom.
//
//   ASSIGN_OR_RETURN(Comparison gap, IncomeGap(design, frame, "eenzaam", "inkomen_q", {}));
//   // R: b <- svyby(~eenzaam, ~inkomen_q, design, svymean, covmat = TRUE); svycontrast(b, c("1" = 1, "5" = -1))
//
// Contract:
// - CompareDomains: difference of the means of a numeric variable in domains a and b (which may overlap, e.g. a
//   municipality and the whole sample), se from the linearisation of the difference (its covariance included):
//   R's svycontrast on svyby(covmat = TRUE), or the delta method on totals for overlapping domains. Missing
//   values: na.rm = TRUE per domain. df = degf(design) of the whole design.
// - CompareIndependent: two estimates from independent samples: se = sqrt(se_a² + se_b²), df = min(df_a, df_b).
// - IncomeGap: CompareDomains for the lowest and the highest level of `group` (sorted as svyby sorts).
// - The interval is the normal one (R's confint default); p_normal = 2Φ(−|z|), p_t = 2·P(T_df > |z|).
#pragma once

#include <string>

#include "core/status.h"
#include "survey/estimators.h"

namespace sz::survey {

struct Comparison {
  double estimate_a = 0;
  double estimate_b = 0;
  double difference = 0;  // a − b
  double se = 0;
  double ci_low = 0;
  double ci_high = 0;
  double statistic = 0;  // difference / se
  double p_normal = 0;
  double df = 0;
  double p_t = 0;
};

Result<Comparison> CompareDomains(const Design& design, const SurveyFrame& frame, const std::string& variable,
                                  const Domain& a, const Domain& b, const EstimateOptions& options);

Comparison CompareIndependent(const Estimate& a, const Estimate& b, const EstimateOptions& options);

Result<Comparison> IncomeGap(const Design& design, const SurveyFrame& frame, const std::string& variable,
                             const std::string& group, const EstimateOptions& options);

}  // namespace sz::survey
