// Evaluation (evaluation.h): pairwise scores, purity, pair completeness.
#include "linkage/evaluation.h"

#include <gtest/gtest.h>

namespace sz::linkage {
namespace {

TEST(EvaluationTest, PairwiseScoresOfAClustering) {
  // Truth: {0,1,2}, {3,4}, {5}. Predicted: {0,1}, {2,3,4}, {5}.
  std::vector<uint32_t> truth = {0, 0, 0, 3, 3, 5};
  std::vector<uint32_t> predicted = {0, 0, 2, 2, 2, 5};
  PairwiseScores scores = ScoreClustering(predicted, truth, {});
  EXPECT_EQ(scores.true_pairs, 4);       // 3 + 1
  EXPECT_EQ(scores.predicted_pairs, 4);  // 1 + 3
  EXPECT_EQ(scores.true_positives, 2);   // 0-1, 3-4
  EXPECT_DOUBLE_EQ(scores.precision, 0.5);
  EXPECT_DOUBLE_EQ(scores.recall, 0.5);
  EXPECT_DOUBLE_EQ(scores.f1, 0.5);
  // Only pairs across sources: sources a a b b a b.
  std::vector<uint32_t> source = {0, 0, 1, 1, 0, 1};
  PairwiseScores across = ScoreClustering(predicted, truth, source);
  EXPECT_EQ(across.true_pairs, 3);       // 0-2, 1-2, 3-4
  EXPECT_EQ(across.predicted_pairs, 2);  // 2-4, 3-4
  EXPECT_EQ(across.true_positives, 1);   // 3-4
}

TEST(EvaluationTest, EmptyCases) {
  PairwiseScores none = MakeScores(0, 0, 0);
  EXPECT_EQ(none.precision, 1.0);
  EXPECT_EQ(none.recall, 1.0);
  PairwiseScores missed = MakeScores(5, 0, 0);
  EXPECT_EQ(missed.recall, 0.0);
  EXPECT_EQ(missed.f1, 0.0);
}

TEST(EvaluationTest, EvaluateLinkageResult) {
  std::vector<LinkRecord> records(5);
  std::vector<std::string> truth = {"a", "a", "b", "b", ""};
  LinkageResult result;
  result.person = {0, 0, 2, 2, 2};  // record 4 wrongly joined to b
  result.pairs = {{0, 1, 1, 5, 0.99f}, {2, 4, 0.9f, 2, 0.95f}, {1, 2, 0.2f, -8, 0.01f}};
  result.stats.reduction_ratio = 0.7;
  Result<EvaluationReport> report = Evaluate(records, result, truth, LinkMode::kDeduplicate, 0.9);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->true_pairs, 2);
  EXPECT_EQ(report->true_pairs_compared, 1);  // 0-1 (2-3 never compared)
  EXPECT_DOUBLE_EQ(report->pair_completeness, 0.5);
  EXPECT_EQ(report->links.predicted_pairs, 2);
  EXPECT_EQ(report->links.true_positives, 1);
  EXPECT_EQ(report->persons.predicted_pairs, 4);  // 0-1, 2-3, 2-4, 3-4
  EXPECT_EQ(report->persons.true_positives, 2);
  EXPECT_DOUBLE_EQ(report->purity, 4.0 / 5.0);
  EXPECT_DOUBLE_EQ(report->inverse_purity, 1.0);
  EXPECT_EQ(report->persons_true, 3);
  EXPECT_EQ(report->persons_predicted, 2);
  EXPECT_EQ(Evaluate(records, result, std::vector<std::string>(2), LinkMode::kDeduplicate, 0.9).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sz::linkage
