// Domains (subpopulations) and estimation per domain, as survey 4.1-1's svyby (R/surveyby.R).
//
//   AnalysisRequest request{.statistic = Statistic::kMean, .variables = {"eenzaam"}, .by = {"gemeente", "inkomen_q"}};
//   ASSIGN_OR_RETURN(std::vector<DomainEstimate> rows, SvyBy(design, frame, request));
//   // R: svyby(~eenzaam, ~gemeente + inkomen_q, design, svymean, na.rm = TRUE)
//
// Contract:
// - The domains are the distinct combinations of the by-columns among rows with non-zero weight and no missing
//   by-value, in R's order: sorted levels of interaction(by), i.e. the first by-column varies fastest. A numeric
//   by-column is ordered by value, a categorical one by its levels (frame.h).
// - Each domain is estimated with the full design (zero-padded PSU totals; degf, n and N̂ are the domain's).
//   Without by-columns there is one domain, the whole sample, with an empty key.
// - Missing analysis values: na.rm = TRUE (estimators.h).
// - Errors: those of the estimators; the first failing domain stops the run and is named in the message.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "survey/ciprop.h"
#include "survey/design.h"
#include "survey/estimators.h"
#include "survey/frame.h"

namespace sz::survey {

struct DomainSet {
  std::vector<std::string> by;                 // column names
  std::vector<std::vector<std::string>> keys;  // per domain, the level of each by-column
  std::vector<Domain> domains;                 // rows per domain (empty lists unless list_rows)
  std::vector<int> domain_of_row;              // domain index of each row, −1 for none
};

Result<DomainSet> MakeDomains(const Design& design, const SurveyFrame& frame, const std::vector<std::string>& by,
                              bool list_rows = true);

enum class Statistic { kMean, kTotal, kRatio, kCiProp, kQuantile };

struct AnalysisRequest {
  Statistic statistic = Statistic::kMean;
  std::vector<std::string> variables;  // kRatio: {numerator, denominator}; kCiProp, kQuantile: one
  std::vector<std::string> by;
  CiMethod ci_method = CiMethod::kLogit;
  double quantile = 0.5;
  EstimateOptions options;
};

struct DomainEstimate {
  std::vector<std::string> key;  // by-column levels
  Estimate estimate;
};

Result<std::vector<DomainEstimate>> SvyBy(const Design& design, const SurveyFrame& frame,
                                          const AnalysisRequest& request);

// Estimates one domain (used by SvyBy and the comparisons).
Result<std::vector<Estimate>> EstimateDomain(const Design& design, const SurveyFrame& frame,
                                             const AnalysisRequest& request, const Domain& domain);

}  // namespace sz::survey
