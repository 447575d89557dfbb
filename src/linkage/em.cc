#include "linkage/em.h"

#include <algorithm>
#include <cmath>

#include "linkage/messages.h"

namespace sz::linkage {
namespace {

void FloorAndNormalise(std::vector<double>& probabilities, double floor) {
  double total = 0;
  for (double& value : probabilities) {
    value = std::max(value, floor);
    total += value;
  }
  for (double& value : probabilities) value /= total;
}

Status CheckCounts(const PatternCounts& counts, double* total) {
  *total = 0;
  for (const auto& [pattern, count] : counts) {
    if (!(count >= 0)) return InvalidArgumentError(msg::PatternCountsNegative());
    for (int field = 0; field < kFieldCount; ++field) {
      if (PatternLevel(pattern, field) >= kLevelCount[field]) {
        return InvalidArgumentError(msg::PatternLevelOutOfRange());
      }
    }
    *total += count;
  }
  if (*total <= 0) return FailedPreconditionError(msg::NoPairsToEstimateFrom());
  return Status::Ok();
}

}  // namespace

Result<EmResult> FitEm(const PatternCounts& pattern_counts, const FellegiSunterModel& start, const EmOptions& options) {
  double counted = 0;
  RETURN_IF_ERROR(CheckCounts(pattern_counts, &counted));
  double total_pairs = options.total_pairs > 0 ? options.total_pairs : counted;
  if (total_pairs < counted * (1 - 1e-12)) {
    return InvalidArgumentError(msg::TotalPairsTooSmall());
  }
  if (options.estimate_u && total_pairs > counted * (1 + 1e-12)) {
    return InvalidArgumentError(msg::EstimateUNeedsEveryPair());
  }
  for (int field = 0; field < kFieldCount; ++field) {
    if (start.m[field].size() != static_cast<size_t>(kLevelCount[field]) ||
        start.u[field].size() != static_cast<size_t>(kLevelCount[field])) {
      return InvalidArgumentError(msg::StartingModelWrongLevels());
    }
  }

  // The patterns that occur, decoded once.
  std::vector<ComparisonVector> patterns;
  std::vector<double> counts;
  for (const auto& [pattern, count] : pattern_counts) {
    if (count > 0) {
      patterns.push_back(PatternVector(pattern));
      counts.push_back(count);
    }
  }

  EmResult result;
  result.model = start;
  FellegiSunterModel& model = result.model;
  model.lambda = std::clamp(model.lambda, 1e-12, 1 - 1e-12);
  std::vector<double> posterior(patterns.size());
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    // E-step: posterior match probability of each pattern.
    for (size_t idx = 0; idx < patterns.size(); ++idx) {
      double log_m = 0, log_u = 0;
      for (int field = 0; field < kFieldCount; ++field) {
        int level = patterns[idx].level[field];
        if (level == kNullLevel || !options.use_field[field]) continue;
        log_m += std::log(model.m[field][level]);
        log_u += std::log(model.u[field][level]);
      }
      double log_odds = std::log(model.lambda) - std::log1p(-model.lambda) + log_m - log_u;
      posterior[idx] =
          log_odds >= 0 ? 1.0 / (1.0 + std::exp(-log_odds)) : std::exp(log_odds) / (1.0 + std::exp(log_odds));
    }
    // M-step.
    FellegiSunterModel next = model;
    double matches = 0;
    for (int field = 0; field < kFieldCount; ++field) {
      std::fill(next.m[field].begin(), next.m[field].end(), 0.0);
      if (options.estimate_u) std::fill(next.u[field].begin(), next.u[field].end(), 0.0);
    }
    for (size_t idx = 0; idx < patterns.size(); ++idx) {
      double match_mass = counts[idx] * posterior[idx];
      double non_match_mass = counts[idx] - match_mass;
      matches += match_mass;
      for (int field = 0; field < kFieldCount; ++field) {
        int level = patterns[idx].level[field];
        if (level == kNullLevel || !options.use_field[field]) continue;
        next.m[field][level] += match_mass;
        if (options.estimate_u) next.u[field][level] += non_match_mass;
      }
    }
    for (int field = 0; field < kFieldCount; ++field) {
      if (!options.use_field[field] || !options.estimate_m) {
        next.m[field] = model.m[field];
        next.u[field] = model.u[field];
        continue;
      }
      double m_total = 0;
      for (double value : next.m[field]) m_total += value;
      if (m_total > 0) {
        for (double& value : next.m[field]) value /= m_total;
      } else {
        next.m[field] = model.m[field];
      }
      FloorAndNormalise(next.m[field], options.probability_floor);
      if (options.estimate_u) {
        double u_total = 0;
        for (double value : next.u[field]) u_total += value;
        if (u_total > 0) {
          for (double& value : next.u[field]) value /= u_total;
        } else {
          next.u[field] = model.u[field];
        }
        FloorAndNormalise(next.u[field], options.probability_floor);
      }
    }
    next.lambda = std::clamp(matches / total_pairs, 1e-12, 1 - 1e-12);

    double change = std::abs(next.lambda - model.lambda) / model.lambda;
    for (int field = 0; field < kFieldCount; ++field) {
      for (int level = 0; level < kLevelCount[field]; ++level) {
        change = std::max(change, std::abs(next.m[field][level] - model.m[field][level]));
        change = std::max(change, std::abs(next.u[field][level] - model.u[field][level]));
      }
    }
    model = std::move(next);
    result.iterations = iteration;
    result.expected_matches = matches;
    if (change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  return result;
}

Result<std::array<std::vector<double>, kFieldCount>> EstimateU(const PatternCounts& random_pattern_counts) {
  return EstimateMFromMatches(random_pattern_counts);  // the same level shares, of other pairs
}

Result<std::array<std::vector<double>, kFieldCount>> EstimateMFromMatches(const PatternCounts& pattern_counts) {
  double counted = 0;
  RETURN_IF_ERROR(CheckCounts(pattern_counts, &counted));
  std::array<std::vector<double>, kFieldCount> u;
  for (int field = 0; field < kFieldCount; ++field) u[field].assign(kLevelCount[field], 1.0);  // plus-one
  for (const auto& [pattern, count] : pattern_counts) {
    if (count <= 0) continue;
    ComparisonVector gamma = PatternVector(pattern);
    for (int field = 0; field < kFieldCount; ++field) {
      if (gamma.level[field] != kNullLevel) u[field][gamma.level[field]] += count;
    }
  }
  for (int field = 0; field < kFieldCount; ++field) {
    double total = 0;
    for (double value : u[field]) total += value;
    for (double& value : u[field]) value /= total;
  }
  return u;
}

}  // namespace sz::linkage
