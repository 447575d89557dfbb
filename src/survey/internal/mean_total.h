// The mean/total estimator on a prepared model matrix (SvyMean, SvyTotal), and SvyBy's all-domains fast path.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "survey/estimators.h"
#include "survey/internal/model_matrix.h"

namespace sz::survey::internal {

enum class MeanOrTotalKind { kMean, kTotal };

Result<std::vector<Estimate>> MeanOrTotalOf(MeanOrTotalKind kind, const Design& design, ModelMatrix mm,
                                            const EstimateOptions& options);

// SvyBy's fast path for means and totals when the variance has one stage and the design is not calibrated.
// Reads each variable column sequentially (no row-major matrix): one walk in design order numbers the
// (domain, cluster) pairs, then each column adds its influence values into those cluster totals; the per-stratum
// step is AddStageFromTotals, as for single domains. domain_of_row[row] is the domain index or −1.
Result<std::vector<std::vector<Estimate>>> FusedMeanOrTotal(MeanOrTotalKind kind, const Design& design,
                                                            const SurveyFrame& frame,
                                                            const std::vector<std::string>& variables,
                                                            const std::vector<int>& domain_of_row, int num_domains,
                                                            const EstimateOptions& options);

}  // namespace sz::survey::internal
