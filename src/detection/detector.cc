// Method and option parsing, and dispatch; see detector.h.
#include "detection/detector.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <set>

#include "core/numbers.h"
#include "detection/messages.h"

namespace sz::detection {
namespace {

Status BadValue(const std::string& name, const std::string& value, std::string_view expected) {
  return InvalidArgumentError(msg::BadOption(name, value, expected));
}

// Option values in core/numbers.h's syntax.
Result<int> ParseInt(const std::string& name, const std::string& value) {
  const std::optional<int64_t> out = ParseInteger(value);
  if (!out || *out < std::numeric_limits<int>::min() || *out > std::numeric_limits<int>::max()) {
    return BadValue(name, value, msg::ExpectInteger());
  }
  return static_cast<int>(*out);
}

Result<double> ParseDouble(const std::string& name, const std::string& value) {
  const std::optional<double> out = ParseNumber(value);
  if (!out) return BadValue(name, value, msg::ExpectNumber());
  return *out;
}

Result<bool> ParseBool(const std::string& name, const std::string& value) {
  if (value == "true" || value == "TRUE" || value == "T" || value == "1") return true;
  if (value == "false" || value == "FALSE" || value == "F" || value == "0") return false;
  return BadValue(name, value, msg::ExpectBool());
}

Result<Range> ParseRange(const std::string& name, const std::string& value) {
  const size_t colon = value.find(':');
  if (colon == std::string::npos) return BadValue(name, value, msg::ExpectRange());
  ASSIGN_OR_RETURN(int first, ParseInt(name, value.substr(0, colon)));
  ASSIGN_OR_RETURN(int last, ParseInt(name, value.substr(colon + 1)));
  if (first < 1 || last < first) return BadValue(name, value, msg::ExpectOrderedRange());
  return Range{first, last};
}

Result<Limit54> ParseLimit54(const std::string& name, const std::string& value) {
  const size_t comma = value.find(',');
  if (comma == std::string::npos) return BadValue(name, value, msg::ExpectLimit54());
  ASSIGN_OR_RETURN(double cases, ParseDouble(name, value.substr(0, comma)));
  ASSIGN_OR_RETURN(int period, ParseInt(name, value.substr(comma + 1)));
  if (!(cases >= 0 && period > 0)) return BadValue(name, value, msg::ExpectLimit54Bounds());
  return Limit54{cases, period};
}

Result<PowerTransform> ParsePowerTransform(const std::string& name, const std::string& value) {
  if (value == "2/3") return PowerTransform::kTwoThirds;
  if (value == "1/2") return PowerTransform::kHalf;
  if (value == "none") return PowerTransform::kNone;
  return BadValue(name, value, msg::ExpectPowerTrans());
}

// Which options each method accepts (R's control list names).
const std::set<std::string>& AllowedOptions(Method method) {
  static const std::set<std::string> kFlexible = {"range",
                                                  "b",
                                                  "w",
                                                  "reweight",
                                                  "weightsThreshold",
                                                  "alpha",
                                                  "trend",
                                                  "pThresholdTrend",
                                                  "limit54",
                                                  "powertrans",
                                                  "populationOffset",
                                                  "noPeriods",
                                                  "pastWeeksNotIncluded",
                                                  "thresholdMethod"};
  static const std::set<std::string> kFarrington = {"range", "b",     "w",       "reweight",
                                                    "alpha", "trend", "limit54", "powertrans"};
  static const std::set<std::string> kEars = {"range", "baseline", "minSigma", "alpha"};
  static const std::set<std::string> kCusum = {"range", "k", "h", "m", "trans", "alpha"};
  switch (method) {
    case Method::kFarringtonFlexible: return kFlexible;
    case Method::kFarrington: return kFarrington;
    case Method::kCusum: return kCusum;
    default: return kEars;
  }
}

Status ApplyOption(Detector& d, const std::string& name, const std::string& value) {
  FarringtonFlexibleControl& ff = d.farrington_flexible;
  FarringtonControl& fa = d.farrington;
  if (name == "range") {
    ASSIGN_OR_RETURN(Range range, ParseRange(name, value));
    ff.range = fa.range = d.ears.range = d.cusum.range = range;
  } else if (name == "b") {
    ASSIGN_OR_RETURN(int b, ParseInt(name, value));
    ff.b = fa.b = b;
  } else if (name == "w") {
    ASSIGN_OR_RETURN(int w, ParseInt(name, value));
    ff.w = fa.w = w;
  } else if (name == "reweight") {
    ASSIGN_OR_RETURN(bool v, ParseBool(name, value));
    ff.reweight = fa.reweight = v;
  } else if (name == "trend") {
    ASSIGN_OR_RETURN(bool v, ParseBool(name, value));
    ff.trend = fa.trend = v;
  } else if (name == "alpha") {
    ASSIGN_OR_RETURN(double alpha, ParseDouble(name, value));
    if (!(alpha > 0 && alpha < 1)) return BadValue(name, value, msg::ExpectLevel());
    ff.alpha = fa.alpha = alpha;
    d.ears.alpha = alpha;
    d.cusum.alpha = alpha;
  } else if (name == "limit54") {
    ASSIGN_OR_RETURN(Limit54 limit, ParseLimit54(name, value));
    ff.limit54 = fa.limit54 = limit;
  } else if (name == "powertrans") {
    ASSIGN_OR_RETURN(PowerTransform transform, ParsePowerTransform(name, value));
    ff.powertrans = fa.powertrans = transform;
  } else if (name == "weightsThreshold") {
    ASSIGN_OR_RETURN(ff.weights_threshold, ParseDouble(name, value));
  } else if (name == "pThresholdTrend") {
    ASSIGN_OR_RETURN(ff.p_threshold_trend, ParseDouble(name, value));
  } else if (name == "populationOffset") {
    ASSIGN_OR_RETURN(ff.population_offset, ParseBool(name, value));
  } else if (name == "noPeriods") {
    ASSIGN_OR_RETURN(ff.no_periods, ParseInt(name, value));
    if (ff.no_periods < 1) return BadValue(name, value, msg::ExpectIntegerAtLeast(1));
  } else if (name == "pastWeeksNotIncluded") {
    ASSIGN_OR_RETURN(int past, ParseInt(name, value));
    if (past < 0) return BadValue(name, value, msg::ExpectIntegerAtLeast(0));
    ff.past_weeks_not_included = past;
  } else if (name == "thresholdMethod") {
    if (value == "delta") {
      ff.threshold_method = ThresholdMethod::kDelta;
    } else if (value == "nbPlugin") {
      ff.threshold_method = ThresholdMethod::kNbPlugin;
    } else if (value == "muan") {
      ff.threshold_method = ThresholdMethod::kMuan;
    } else {
      return BadValue(name, value, msg::ExpectThresholdMethod());
    }
  } else if (name == "baseline") {
    ASSIGN_OR_RETURN(d.ears.baseline, ParseInt(name, value));
  } else if (name == "minSigma") {
    ASSIGN_OR_RETURN(d.ears.min_sigma, ParseDouble(name, value));
  } else if (name == "k") {
    ASSIGN_OR_RETURN(d.cusum.k, ParseDouble(name, value));
  } else if (name == "h") {
    ASSIGN_OR_RETURN(d.cusum.h, ParseDouble(name, value));
  } else if (name == "m") {
    if (value == "mean" || value == "NULL") {
      d.cusum.m = CusumMean::kMean;
    } else if (value == "glm") {
      d.cusum.m = CusumMean::kGlm;
    } else {
      Result<double> m = ParseDouble(name, value);
      if (!m.ok() || !(*m > 0)) return BadValue(name, value, msg::ExpectCusumMean());
      d.cusum.m = CusumMean::kValue;
      d.cusum.m_value = *m;
    }
  } else if (name == "trans") {
    static const std::pair<const char*, CusumTransform> kTransforms[] = {
        {"standard", CusumTransform::kStandard},           {"rossi", CusumTransform::kRossi},
        {"anscombe", CusumTransform::kAnscombe},           {"anscombe2nd", CusumTransform::kAnscombe2nd},
        {"pearsonNegBin", CusumTransform::kPearsonNegBin}, {"none", CusumTransform::kNone}};
    bool found = false;
    for (const auto& [label, transform] : kTransforms) {
      if (value == label) {
        d.cusum.trans = transform;
        found = true;
      }
    }
    if (!found) return BadValue(name, value, msg::ExpectCusumTrans());
  }
  return Status::Ok();
}

}  // namespace

Result<Method> ParseMethod(std::string_view name) {
  if (name == "farringtonFlexible") return Method::kFarringtonFlexible;
  if (name == "farrington") return Method::kFarrington;
  if (name == "earsC1") return Method::kEarsC1;
  if (name == "earsC2") return Method::kEarsC2;
  if (name == "earsC3") return Method::kEarsC3;
  if (name == "cusum") return Method::kCusum;
  return InvalidArgumentError(msg::UnknownMethod(name));
}

std::string MethodName(Method method) {
  switch (method) {
    case Method::kFarringtonFlexible: return "farringtonFlexible";
    case Method::kFarrington: return "farrington";
    case Method::kEarsC1: return "earsC1";
    case Method::kEarsC2: return "earsC2";
    case Method::kEarsC3: return "earsC3";
    case Method::kCusum: return "cusum";
  }
  return "unknown";
}

Result<Detector> MakeDetector(std::string_view method_name, const ControlOptions& options) {
  Detector detector;
  ASSIGN_OR_RETURN(detector.method, ParseMethod(method_name));
  detector.ears.method = detector.method == Method::kEarsC2   ? EarsMethod::kC2
                         : detector.method == Method::kEarsC3 ? EarsMethod::kC3
                                                              : EarsMethod::kC1;
  const std::set<std::string>& allowed = AllowedOptions(detector.method);
  for (const auto& [name, value] : options) {
    if (!allowed.count(name)) {
      std::string list;
      for (const std::string& option : allowed) list += (list.empty() ? "" : ", ") + option;
      return InvalidArgumentError(msg::OptionNotForMethod(name, method_name, list));
    }
    RETURN_IF_ERROR(ApplyOption(detector, name, value));
  }
  return detector;
}

Result<DetectionResult> Detect(const Detector& detector, const Series& series) {
  if (series.frequency != 52 && series.frequency != 12) {
    return InvalidArgumentError(msg::BadFrequency(series.frequency));
  }
  for (size_t i = 0; i < series.observed.size(); ++i) {
    const double v = series.observed[i];
    if (v < 0) return InvalidArgumentError(msg::NegativeCount(static_cast<int>(i) + 1));
  }
  if (!series.population.empty() && series.population.size() != series.observed.size()) {
    return InvalidArgumentError(msg::PopulationLength());
  }
  if (!series.dates.empty()) {
    if (series.dates.size() != series.observed.size()) {
      return InvalidArgumentError(msg::DatesLength());
    }
    for (size_t i = 1; i < series.dates.size(); ++i) {
      if (!(series.dates[i - 1] < series.dates[i])) {
        return InvalidArgumentError(
            msg::DatesNotIncreasing(series.dates[i].ToIso(), static_cast<int>(i) + 1, series.dates[i - 1].ToIso()));
      }
    }
  }
  switch (detector.method) {
    case Method::kFarringtonFlexible: return FarringtonFlexible(series, detector.farrington_flexible);
    case Method::kFarrington: return Farrington(series, detector.farrington);
    case Method::kEarsC1:
    case Method::kEarsC2:
    case Method::kEarsC3: return EarsC(series, detector.ears);
    case Method::kCusum: return Cusum(series, detector.cusum);
  }
  return InternalError(msg::UnhandledMethod());
}

}  // namespace sz::detection
