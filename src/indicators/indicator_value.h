// IndicatorValue: one computed cell of a catalogue indicator — region × period × breakdown — with its
// numerator, denominator, value and interval, as the compute stage stores it (store/indicator_values.h)
// and the export writes it. The intervals used by the catalogue's `interval` methods live here.
//
//   IndicatorValue cell{.level = RegionLevel::kGemeente, .region = "GM0153", .period = "2024"};
//   auto [low, high] = PoissonExactInterval(23, 0.95);   // R: poisson.test(23)$conf.int
//
// Thread safety: plain values and pure functions.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/region.h"

namespace sz::indicators {

inline constexpr const char* kNoBreakdown = "totaal";

struct IndicatorValue {
  RegionLevel level = RegionLevel::kGemeente;  // kRegio (Twente), kGemeente, kWijk
  std::string region;                          // CBS code
  std::string period;                          // Period::ToString(), or a survey wave's year
  std::string breakdown = kNoBreakdown;        // "totaal" or "name=value" (joined with "&")
  std::optional<double> numerator, denominator;
  std::optional<double> value;  // numerator / denominator × factor; missing when the denominator is 0 or absent
  std::optional<double> lower, upper;
  std::optional<long long> respondents;
  bool operator==(const IndicatorValue&) const = default;
};

// "name=value" (one breakdown).
std::string BreakdownText(const std::string& name, const std::string& value);

// R's poisson.test(count, conf.level = level)$conf.int: [qgamma(α/2, x), qgamma(1 − α/2, x + 1)],
// lower 0 at count 0 (Garwood's exact interval for a Poisson count).
std::pair<double, double> PoissonExactInterval(double count, double level);
// Wilson's score interval for x successes in n (R: prop.test(x, n, correct = FALSE)$conf.int).
// Both NaN when n = 0.
std::pair<double, double> WilsonInterval(double x, double n, double level);

// Sorts cells by level, region, period and breakdown (the store's order within an indicator).
void SortValues(std::vector<IndicatorValue>& values);

}  // namespace sz::indicators
