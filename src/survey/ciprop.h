// SvyCiProp: a proportion with a confidence interval suited to proportions near 0 or 1, as survey 4.1-1's
// svyciprop (R/svyttest.R), for the whole sample or a domain.
//
//   ASSIGN_OR_RETURN(Estimate e, SvyCiProp(design, frame, "mantelzorger", CiMethod::kBeta, domain, {.level = 0.95}));
//   // R: svyciprop(~mantelzorger, subset(design, !is.na(mantelzorger)), method = "beta")
//
// Contract: the variable is numeric 0/1 (other values are used as they are, as R does). The estimate is the
// weighted mean p̂ and se its linearisation SE (svymean); df = degf of the domain; t = qt(1 − α/2, df).
// - kLogit (default) and kXlogit: expit(logit p̂ ± t·se/(p̂(1−p̂))) — the closed form of the intercept-only
//   quasibinomial svyglm (logit) and of svycontrast (xlogit).
// - kMean: p̂ ± t·se (not clipped). kAsin: sin²(asin √p̂ ± t·se/(2√(p̂(1−p̂)))).
// - kBeta (Korn–Graubard): n_eff = p̂(1−p̂)/se² · (qt(α/2, rows − 1)/qt(α/2, df))², interval
//   [qbeta(α/2, n_eff p̂, n_eff(1−p̂)+1), qbeta(1−α/2, n_eff p̂+1, n_eff(1−p̂))]; rows = rows of the domain.
// - kLikelihood: the profile-likelihood interval of the quasibinomial svyglm scaled by the coefficient's design
//   effect (confint.svyglm(method = "likelihood"): glm.fit's IRLS, MASS-style profile, fmm spline, approx);
//   internal/profile_likelihood.h.
// Missing values: rows with a missing value are left out of the domain (see estimators.h).
#pragma once

#include <string>

#include "core/status.h"
#include "survey/estimators.h"

namespace sz::survey {

enum class CiMethod { kLogit, kLikelihood, kAsin, kBeta, kMean, kXlogit };

// "logit", "likelihood", "asin", "beta", "mean", "xlogit".
Result<CiMethod> ParseCiMethod(const std::string& name);

Result<Estimate> SvyCiProp(const Design& design, const SurveyFrame& frame, const std::string& variable, CiMethod method,
                           const Domain& domain, const EstimateOptions& options);

}  // namespace sz::survey
