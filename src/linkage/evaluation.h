// Evaluation of a linkage against a ground truth: pairwise precision, recall and F1 (Christen 2012,
// "Data Matching", ch. 7), cluster purity, and the pair completeness and reduction ratio of blocking.
//
//   std::vector<std::string> truth = ...;    // per record: the true entity (equal labels = same person)
//   ASSIGN_OR_RETURN(EvaluationReport report, Evaluate(records, result, truth, LinkMode::kDeduplicate));
//   report.persons.f1;                        // person-level pairwise F1 after clustering
//
// Pair sets: a *true pair* is two records with the same truth label (in kAcrossSources mode only pairs
// of records from different sources count, everywhere below). `links` scores the pairs the linkage
// declares (exact, or probability ≥ link_probability) before clustering; `persons` scores the pairs
// inside the person clusters. Precision of an empty prediction is 1, recall with no true pair is 1.
// Purity: Σ over predicted clusters of the largest number of its records sharing one truth label, / N;
// inverse purity the same with the roles swapped (Christen 2012, §7.4).
// Pair completeness: the share of true pairs that blocking compared: result.stats.true_pairs_compared
// when the linkage was given the truth (LinkageOptions::truth), else counted over result.pairs (all
// compared pairs only when keep_probability was 0).
// A record with an empty truth label is its own entity.
// The synthetic Twente's truth is read by pipeline/truth.h.
// Errors: kInvalidArgument when truth and records differ in length.
// Checked in tests/linkage/evaluation_test.cc. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "linkage/link_record.h"
#include "linkage/linker.h"

namespace sz::linkage {

struct PairwiseScores {
  int64_t true_pairs = 0;
  int64_t predicted_pairs = 0;
  int64_t true_positives = 0;
  double precision = 1, recall = 1, f1 = 1;
};

struct EvaluationReport {
  int64_t records = 0;
  int64_t true_pairs = 0;
  int64_t pairs_compared = 0;
  int64_t true_pairs_compared = 0;
  double pair_completeness = 1;  // true_pairs_compared / true_pairs
  double reduction_ratio = 0;
  PairwiseScores links;    // declared links before clustering
  PairwiseScores persons;  // pairs within person clusters
  double purity = 1, inverse_purity = 1;
  int64_t persons_predicted = 0, persons_true = 0;
};

// Scores from counts (precision, recall, F1 filled in).
PairwiseScores MakeScores(int64_t true_pairs, int64_t predicted_pairs, int64_t true_positives);

// Pairwise scores of a clustering (label per record) against a truth (label per record).
// `source` (may be empty): when given, only pairs with different sources count.
PairwiseScores ScoreClustering(std::span<const uint32_t> predicted, std::span<const uint32_t> truth,
                               std::span<const uint32_t> source);

Result<EvaluationReport> Evaluate(std::span<const LinkRecord> records, const LinkageResult& result,
                                  std::span<const std::string> truth, LinkMode mode, double link_probability);

}  // namespace sz::linkage
