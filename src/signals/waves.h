// Design-based tests for survey indicators (docs/signals.md, "Survey waves"): has an estimate become
// worse since the previous wave, and is a gemeente worse than Twente? From the stored estimates and
// their design-based logit intervals (survey/ciprop.h, kLogit: expit(logit p̂ ± t·se/(p̂(1 − p̂)))).
//
// Contract:
// - The standard error on the logit scale is recovered from the interval: (logit(upper) − logit(lower))
//   / (2 · 1.959964) (the normal quantile; survey's t with the domain's degrees of freedom is a little
//   larger, so the recovered se is a little too large and the tests a little conservative).
// - Change between two waves (independent samples): z = (logit p₂ − logit p₁) / √(se₁² + se₂²).
// - A part against its whole (a gemeente within Twente, whose share of Twente's weighted respondents is
//   w): the whole contains the part, so Var(logit p_part − logit p_whole) = se_part² + se_whole² −
//   2·w·se_part²·p_part(1 − p_part) / (p_whole(1 − p_whole)) (the delta method with Cov(p_part, p_whole)
//   = w·Var(p_part)); clipped at a small positive value.
// - p-values are one-sided in the unfavourable direction (`higher_is_worse`: a rise; else a fall):
//   1 − Φ(z) or Φ(z).
// Errors: kFailedPrecondition when an estimate or interval is missing, at 0 or 1 (no logit), or the
// interval is empty. Thread safety: pure functions.
//
//   ASSIGN_OR_RETURN(WaveTest t, TestWaveChange(previous, latest, /*higher_is_worse=*/true));
#pragma once

#include "core/status.h"

namespace sz::signals {

struct SurveyEstimate {
  double p = 0, lower = 0, upper = 0;  // proportions (0..1): the estimate and its logit interval
};

struct WaveTest {
  double difference = 0;  // p₂ − p₁ or p_part − p_whole
  double z = 0;
  double p_value = 1;
};

// The logit-scale standard error recovered from the interval (see above).
Result<double> LogitStandardError(const SurveyEstimate& estimate);

Result<WaveTest> TestWaveChange(const SurveyEstimate& before, const SurveyEstimate& after, bool higher_is_worse);

Result<WaveTest> TestPartAgainstWhole(const SurveyEstimate& part, const SurveyEstimate& whole, double share,
                                      bool higher_is_worse);

}  // namespace sz::signals
