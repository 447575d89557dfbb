// Forecast of a weekly count series: the coming weeks' expected counts with a prediction interval,
// from a quasi-Poisson log-linear model with a linear trend and a yearly harmonic fitted to the most
// recent history (the desks' "meldingen per week" and their expected load).
//
//   ASSIGN_OR_RETURN(std::vector<ForecastWeek> weeks, ForecastWeekly(counts, {.horizon = 13}));
//   weeks[0].expected;   // next week's expected count; weeks[0].lower, .upper its 95% interval
//
// Model (R: glm(y ~ t + sin(2πt/52.1775) + cos(2πt/52.1775), family = quasipoisson), fitted by
// detection/glm.h exactly as glm.fit): the last `history` weeks (156 by default; fewer if the series is
// shorter, at least 8 non-missing; missing counts are left out). expected = exp(η̂) for the future t;
// the interval combines the uncertainty of η̂ and of the count: the α/2 quantile of the count
// distribution at exp(η̂ − z·se(η̂)) and the 1 − α/2 quantile at exp(η̂ + z·se(η̂)), where the count is
// negative binomial with variance φ·μ when the dispersion φ > 1 (R: qnbinom(p, μ/(φ−1), 1/φ)),
// else Poisson — an approximate prediction interval, stated as such in docs/indicators.md.
// Errors: kFailedPrecondition for fewer than 8 counts; the GLM's errors. Thread safety: pure function.
#pragma once

#include <vector>

#include "core/status.h"

namespace sz::detection {

struct ForecastOptions {
  int horizon = 13;   // weeks ahead
  int history = 156;  // weeks of history fitted
  double level = 0.95;
};

struct ForecastWeek {
  int ahead = 1;  // 1 = the week after the last one given
  double expected = 0;
  double lower = 0, upper = 0;
};

Result<std::vector<ForecastWeek>> ForecastWeekly(const std::vector<double>& counts, const ForecastOptions& options);

}  // namespace sz::detection
