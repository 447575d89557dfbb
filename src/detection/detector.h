// A configured detector: one method with its control, built from options named as in R's
// control lists. The single place where method names and option names are parsed, shared by the
// `samenzicht detect` command, the batch API and the golden tests.
//
// Contract:
// - MakeDetector(method, options): method is one of farringtonFlexible, farrington, earsC1,
//   earsC2, earsC3, cusum. Options are (name, value) pairs with R's names: range ("first:last",
//   1-based), b, w, alpha, reweight, trend, noPeriods, pastWeeksNotIncluded, weightsThreshold,
//   pThresholdTrend, thresholdMethod (delta|nbPlugin|muan), populationOffset, limit54 ("5,4"),
//   powertrans (2/3|1/2|none), baseline, minSigma, k, h, m (mean|glm|a number),
//   trans (standard|rossi|anscombe|anscombe2nd|pearsonNegBin|none). Booleans: true/false
//   (also TRUE/FALSE, T/F, 1/0). Unset options keep R's defaults.
// - Errors (kInvalidArgument): unknown method, unknown option, an option the method does not
//   have, or a malformed value; the message names the option and the accepted values.
// - Detect(detector, series) runs the method (see ears.h, farrington.h, farrington_flexible.h,
//   cusum.h for each contract).
// Thread safety: Detector is an immutable value after construction; Detect is pure.
//
//   ASSIGN_OR_RETURN(Detector detector, MakeDetector("farringtonFlexible", {{"noPeriods", "10"}}));
//   ASSIGN_OR_RETURN(DetectionResult result, Detect(detector, series));
//
// Checked by tests/detection/detector_test.cc and, through every golden case, golden_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "detection/cusum.h"
#include "detection/ears.h"
#include "detection/farrington.h"
#include "detection/farrington_flexible.h"
#include "detection/series.h"

namespace sz::detection {

enum class Method { kFarringtonFlexible, kFarrington, kEarsC1, kEarsC2, kEarsC3, kCusum };

using ControlOptions = std::vector<std::pair<std::string, std::string>>;

struct Detector {
  Method method = Method::kFarringtonFlexible;
  FarringtonFlexibleControl farrington_flexible;
  FarringtonControl farrington;
  EarsControl ears;
  CusumControl cusum;
};

Result<Method> ParseMethod(std::string_view name);
std::string MethodName(Method method);

Result<Detector> MakeDetector(std::string_view method, const ControlOptions& options);

Result<DetectionResult> Detect(const Detector& detector, const Series& series);

}  // namespace sz::detection
