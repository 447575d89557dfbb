#include "survey/ciprop.h"

#include <cmath>

#include "rmath/distributions.h"
#include "survey/internal/model_matrix.h"
#include "survey/internal/profile_likelihood.h"
#include "survey/messages.h"

namespace sz::survey {

Result<CiMethod> ParseCiMethod(const std::string& name) {
  if (name == "logit") return CiMethod::kLogit;
  if (name == "likelihood") return CiMethod::kLikelihood;
  if (name == "asin") return CiMethod::kAsin;
  if (name == "beta") return CiMethod::kBeta;
  if (name == "mean") return CiMethod::kMean;
  if (name == "xlogit") return CiMethod::kXlogit;
  return InvalidArgumentError(msg::BadCiMethod(name));
}

Result<Estimate> SvyCiProp(const Design& design, const SurveyFrame& frame, const std::string& variable, CiMethod method,
                           const Domain& domain, const EstimateOptions& options) {
  ASSIGN_OR_RETURN(const Variable* column, frame.Find(variable));
  if (column->categorical) {
    return InvalidArgumentError(msg::CiPropNeedsNumeric(variable));
  }
  // The domain without missing values: svyciprop runs on design[!is.na(y), ], so its rows and degf are these.
  Domain present;
  present.rows.reserve(domain.rows.size());
  for (int row : domain.rows) {
    if (!column->IsMissing(row)) present.rows.push_back(row);
  }
  EstimateOptions mean_options = options;
  mean_options.deff = false;
  ASSIGN_OR_RETURN(std::vector<Estimate> means, SvyMean(design, frame, {variable}, present, mean_options));
  Estimate e = means[0];
  const double p = e.estimate, se = e.se, df = e.df;
  const double alpha = 1 - options.level;
  const double t = rmath::QT(1 - alpha / 2, df);
  auto expit = [](double x) { return 1 / (1 + std::exp(-x)); };
  switch (method) {
    case CiMethod::kLogit:
    case CiMethod::kXlogit: {
      const double eta = std::log(p / (1 - p));
      const double half = t * se / (p * (1 - p));
      e.ci_low = expit(eta - half);
      e.ci_high = expit(eta + half);
      break;
    }
    case CiMethod::kMean:
      e.ci_low = p - t * se;
      e.ci_high = p + t * se;
      break;
    case CiMethod::kAsin: {
      const double center = std::asin(std::sqrt(p));
      const double half = t * se / (2 * std::sqrt(p * (1 - p)));
      e.ci_low = std::pow(std::sin(center - half), 2);
      e.ci_high = std::pow(std::sin(center + half), 2);
      break;
    }
    case CiMethod::kBeta: {
      // nrow() of the domain design: a calibrated design keeps all rows when subset (weight 0 outside).
      const double rows = static_cast<double>(design.calibrations().empty() ? present.rows.size() : design.num_rows());
      const double ratio = rmath::QT(alpha / 2, rows - 1) / rmath::QT(alpha / 2, df);
      const double n_eff = p * (1 - p) / (se * se) * ratio * ratio;
      e.ci_low = rmath::QBeta(alpha / 2, n_eff * p, n_eff * (1 - p) + 1);
      e.ci_high = rmath::QBeta(1 - alpha / 2, n_eff * p + 1, n_eff * (1 - p));
      break;
    }
    case CiMethod::kLikelihood: {
      internal::ProfileInput input;
      for (int row : present.rows) {
        input.y.push_back(column->values[row]);
        input.weights.push_back(design.weights()[row]);
      }
      input.p_hat = p;
      input.se = se;
      input.df = df;
      input.level = options.level;
      ASSIGN_OR_RETURN(std::vector<double> ci, internal::ProfileLikelihoodInterval(input));
      e.ci_low = ci[0];
      e.ci_high = ci[1];
      break;
    }
  }
  return e;
}

}  // namespace sz::survey
