// FellegiSunterModel: the probabilistic record-linkage model of Fellegi & Sunter (1969, "A theory for
// record linkage", JASA 64:1183–1210) over the comparison levels of comparison.h, under conditional
// independence of the fields given match status.
//
//   FellegiSunterModel model = ...;                     // from em.h (FitEm)
//   double weight = model.MatchWeight(gamma);           // log2 prior odds + Σ log2(m/u)
//   double probability = model.MatchProbability(gamma); // 2^w / (1 + 2^w)
//
// m[f][l] = P(field f at level l | match), u[f][l] = P(level l | non-match), each over the non-null
// levels of the field; a null level (missing value) contributes nothing. lambda = P(match) for a pair
// drawn from all pairs the linkage considers. The match weight follows Splink's convention: it
// includes the prior, so weight 0 is probability 0.5.
// Checked in tests/linkage/fellegi_sunter_test.cc. Thread safety: a const model may be shared.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "linkage/comparison.h"

namespace sz::linkage {

// 2^w / (1 + 2^w), computed without overflow.
double ProbabilityFromWeight(double weight);

struct FellegiSunterModel {
  double lambda = 1e-4;
  std::array<std::vector<double>, kFieldCount> m;
  std::array<std::vector<double>, kFieldCount> u;

  // A model with every field's m and u sized to its levels: m falling and u rising with the level
  // (a neutral starting point for EM, not an estimate).
  static FellegiSunterModel Initial();

  double PriorWeight() const;                               // log2(lambda / (1 - lambda))
  double FieldWeight(int field, int level) const;           // log2(m/u); 0 for the null level
  double MatchWeight(const ComparisonVector& gamma) const;  // prior + Σ field weights
  double MatchProbability(const ComparisonVector& gamma) const;

  // A table of fields, levels, m, u and weights, for reports.
  std::string Describe(const ComparisonSettings& settings = {}) const;
};

// Match weights of packed patterns (comparison.h) read from per-field tables, without unpacking the
// pattern: what the linker scores every candidate pair with.
class PatternScorer {
 public:
  explicit PatternScorer(const FellegiSunterModel& model);
  double Weight(Pattern pattern) const;  // = model.MatchWeight(PatternVector(pattern))
  double Probability(Pattern pattern) const { return ProbabilityFromWeight(Weight(pattern)); }
  // The weight of `pattern` with field `field` at its most favourable level (the null level counts 0).
  double BestWeightOver(Pattern pattern, int field) const;

 private:
  double prior_ = 0;
  std::array<std::array<double, 8>, kFieldCount> weight_{};  // [field][level + 1]
  std::array<double, kFieldCount> best_{};
};

// The link probability chosen from the fitted model rather than set by hand: over the compared pairs
// (pattern counts), the model's own match probabilities give the expected true links above a threshold
// t, TP(t) = Σ_{p ≥ t} n·p, the expected links P(t) = Σ_{p ≥ t} n and the expected matches M = Σ n·p, so
// the expected pairwise F1 is 2·TP / (P + M) (the F1 the model believes it reaches; Splink's
// "expected" precision and recall from the match probabilities). The result is the pattern probability
// that maximises it, clamped to [min_probability, max_probability]. Ties go to the higher threshold.
struct ModelThreshold {
  double link_probability = 0.9;
  double expected_f1 = 0, expected_precision = 0, expected_recall = 0;
};
ModelThreshold ChooseLinkProbability(const FellegiSunterModel& model, const PatternCounts& compared_pairs,
                                     double min_probability = 0.5, double max_probability = 0.99);

}  // namespace sz::linkage
