#include "survey/comparisons.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <map>

#include "rmath/distributions.h"
#include "survey/domains.h"
#include "survey/internal/model_matrix.h"
#include "survey/internal/variance.h"
#include "survey/messages.h"

namespace sz::survey {
namespace {

struct MeanInfluence {
  double mean = 0;
  std::map<int, double> z_by_position;  // design position -> influence value
};

Result<MeanInfluence> Influence(const Design& design, const SurveyFrame& frame, const std::string& variable,
                                const Domain& domain, const std::vector<int>& position_of_row) {
  ASSIGN_OR_RETURN(internal::ModelMatrix mm,
                   internal::BuildModelMatrix(frame, {variable}, domain.rows, true, msg::ComparisonLabel()));
  const auto& w = design.weights();
  double wsum = 0, sum = 0;
  for (size_t k = 0; k < mm.rows.size(); ++k) {
    wsum += w[mm.rows[k]];
    sum += w[mm.rows[k]] * mm.x[k];
  }
  MeanInfluence out;
  out.mean = sum / wsum;
  for (size_t k = 0; k < mm.rows.size(); ++k) {
    out.z_by_position[position_of_row[mm.rows[k]]] = w[mm.rows[k]] * (mm.x[k] - out.mean) / wsum;
  }
  return out;
}

void Finish(Comparison& c, const EstimateOptions& options) {
  c.difference = c.estimate_a - c.estimate_b;
  const double crit = rmath::QNorm(1 - (1 - options.level) / 2);
  c.ci_low = c.difference - crit * c.se;
  c.ci_high = c.difference + crit * c.se;
  c.statistic = c.difference / c.se;
  const double abs_z = std::fabs(c.statistic);
  c.p_normal = std::isnan(abs_z) ? NAN : 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), abs_z));
  c.p_t = (std::isnan(abs_z) || !(c.df > 0))
              ? NAN
              : 2 * boost::math::cdf(boost::math::complement(boost::math::students_t(c.df), abs_z));
}

}  // namespace

Result<Comparison> CompareDomains(const Design& design, const SurveyFrame& frame, const std::string& variable,
                                  const Domain& a, const Domain& b, const EstimateOptions& options) {
  const std::vector<int>& order = design.design_order();
  std::vector<int> position_of_row(order.size());
  for (size_t pos = 0; pos < order.size(); ++pos) position_of_row[order[pos]] = static_cast<int>(pos);
  ASSIGN_OR_RETURN(MeanInfluence ia, Influence(design, frame, variable, a, position_of_row));
  ASSIGN_OR_RETURN(MeanInfluence ib, Influence(design, frame, variable, b, position_of_row));
  std::map<int, double> diff = ia.z_by_position;
  for (const auto& [pos, z] : ib.z_by_position) diff[pos] -= z;
  std::vector<int> rows;
  std::vector<double> z;
  for (const auto& [pos, value] : diff) {
    rows.push_back(order[pos]);
    z.push_back(value);
  }
  ASSIGN_OR_RETURN(std::vector<double> v, internal::LinearisationVariance(design, rows, z, 1));
  Comparison c;
  c.estimate_a = ia.mean;
  c.estimate_b = ib.mean;
  c.se = std::sqrt(v[0]);
  c.df = internal::DegreesOfFreedom(design, design.design_order());
  Finish(c, options);
  return c;
}

Comparison CompareIndependent(const Estimate& a, const Estimate& b, const EstimateOptions& options) {
  Comparison c;
  c.estimate_a = a.estimate;
  c.estimate_b = b.estimate;
  c.se = std::sqrt(a.se * a.se + b.se * b.se);
  c.df = std::min(a.df, b.df);
  Finish(c, options);
  return c;
}

Result<Comparison> IncomeGap(const Design& design, const SurveyFrame& frame, const std::string& variable,
                             const std::string& group, const EstimateOptions& options) {
  ASSIGN_OR_RETURN(DomainSet set, MakeDomains(design, frame, {group}));
  if (set.domains.size() < 2) {
    return DataError(msg::FewerThanTwoLevels(group));
  }
  return CompareDomains(design, frame, variable, set.domains.front(), set.domains.back(), options);
}

}  // namespace sz::survey
