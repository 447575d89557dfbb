#include "linkage/fellegi_sunter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sz::linkage {

FellegiSunterModel FellegiSunterModel::Initial() {
  FellegiSunterModel model;
  for (int field = 0; field < kFieldCount; ++field) {
    int levels = kLevelCount[field];
    model.m[field].assign(levels, 0);
    model.u[field].assign(levels, 0);
    double m_total = 0, u_total = 0;
    for (int level = 0; level < levels; ++level) {
      model.m[field][level] = std::pow(0.25, level);
      model.u[field][level] = std::pow(4.0, level);
      m_total += model.m[field][level];
      u_total += model.u[field][level];
    }
    for (int level = 0; level < levels; ++level) {
      model.m[field][level] /= m_total;
      model.u[field][level] /= u_total;
    }
  }
  return model;
}

double FellegiSunterModel::PriorWeight() const { return std::log2(lambda / (1.0 - lambda)); }

double FellegiSunterModel::FieldWeight(int field, int level) const {
  if (level == kNullLevel || static_cast<size_t>(level) >= m[field].size()) return 0.0;
  return std::log2(m[field][level] / u[field][level]);
}

double FellegiSunterModel::MatchWeight(const ComparisonVector& gamma) const {
  double weight = PriorWeight();
  for (int field = 0; field < kFieldCount; ++field) weight += FieldWeight(field, gamma.level[field]);
  return weight;
}

double FellegiSunterModel::MatchProbability(const ComparisonVector& gamma) const {
  return ProbabilityFromWeight(MatchWeight(gamma));
}

PatternScorer::PatternScorer(const FellegiSunterModel& model) : prior_(model.PriorWeight()) {
  for (int field = 0; field < kFieldCount; ++field) {
    best_[field] = 0;
    for (int level = kNullLevel; level < kLevelCount[field]; ++level) {
      weight_[field][level + 1] = model.FieldWeight(field, level);
      best_[field] = std::max(best_[field], weight_[field][level + 1]);
    }
  }
}

double PatternScorer::Weight(Pattern pattern) const {
  double weight = prior_;
  for (int field = 0; field < kFieldCount; ++field) weight += weight_[field][PatternLevel(pattern, field) + 1];
  return weight;
}

double PatternScorer::BestWeightOver(Pattern pattern, int field) const {
  return Weight(pattern) - weight_[field][PatternLevel(pattern, field) + 1] + best_[field];
}

std::string FellegiSunterModel::Describe(const ComparisonSettings& settings) const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "prior lambda %.6g (weight %.2f)\n", lambda, PriorWeight());
  out += line;
  std::snprintf(line, sizeof line, "%-10s %-16s %10s %10s %8s\n", "field", "level", "m", "u", "weight");
  out += line;
  for (int field = 0; field < kFieldCount; ++field) {
    for (int level = 0; level < kLevelCount[field]; ++level) {
      std::snprintf(line, sizeof line, "%-10s %-16s %10.4g %10.4g %8.2f\n",
                    std::string(FieldName(static_cast<ComparisonField>(field))).c_str(),
                    LevelLabel(static_cast<ComparisonField>(field), level, settings).c_str(), m[field][level],
                    u[field][level], FieldWeight(field, level));
      out += line;
    }
  }
  return out;
}

ModelThreshold ChooseLinkProbability(const FellegiSunterModel& model, const PatternCounts& compared_pairs,
                                     double min_probability, double max_probability) {
  PatternScorer scorer(model);
  std::vector<std::pair<double, double>> by_probability;  // (probability, pairs), most probable first
  double expected_matches = 0;
  for (const auto& [pattern, count] : compared_pairs) {
    if (count <= 0) continue;
    double probability = scorer.Probability(pattern);
    by_probability.emplace_back(probability, count);
    expected_matches += count * probability;
  }
  std::sort(by_probability.begin(), by_probability.end(),
            [](const auto& x, const auto& y) { return x.first > y.first; });
  ModelThreshold best;
  best.link_probability = max_probability;
  if (expected_matches <= 0) return best;
  double true_links = 0, links = 0, best_f1 = -1;
  for (size_t i = 0; i < by_probability.size();) {
    const double probability = by_probability[i].first;
    for (; i < by_probability.size() && by_probability[i].first == probability; ++i) {
      true_links += by_probability[i].second * probability;
      links += by_probability[i].second;
    }
    if (probability < min_probability) break;
    double f1 = 2 * true_links / (links + expected_matches);
    if (f1 > best_f1) {
      best_f1 = f1;
      best.link_probability = std::min(probability, max_probability);
      best.expected_f1 = f1;
      best.expected_precision = true_links / links;
      best.expected_recall = true_links / expected_matches;
    }
  }
  return best;
}

double ProbabilityFromWeight(double weight) {
  if (weight >= 0) return 1.0 / (1.0 + std::exp2(-weight));
  double odds = std::exp2(weight);
  return odds / (1.0 + odds);
}

}  // namespace sz::linkage
