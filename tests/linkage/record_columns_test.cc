// Record columns (record_columns.h): Permute moves every column together; LocalityOrder sorts by
// birth year, sex and wijk and links as well as record order.
#include "linkage/record_columns.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

#include "linkage/evaluation.h"
#include "linkage/linker.h"
#include "synthetic_people.h"

namespace sz::linkage {
namespace {

TEST(RecordColumnsTest, PermuteMovesEveryColumnOfARecordTogether) {
  testing::Population population = testing::MakePopulation(40, 3, 7);
  population.records[5].stays_elsewhere = true;
  population.records[6].clk.reset();
  RecordColumns columns = Encode(population.records);
  std::vector<uint32_t> order(columns.size);
  std::iota(order.begin(), order.end(), 0u);
  std::reverse(order.begin(), order.end());
  RecordColumns permuted = Permute(columns, order);
  ASSERT_EQ(permuted.size, columns.size);
  for (uint32_t at = 0; at < permuted.size; ++at) {
    uint32_t from = order[at];
    ASSERT_EQ(permuted.source[at], columns.source[from]);
    ASSERT_EQ(permuted.bsn[at], columns.bsn[from]);
    ASSERT_EQ(permuted.name[at], columns.name[from]);
    ASSERT_EQ(permuted.household[at], columns.household[from]);
    ASSERT_EQ(permuted.wijk[at], columns.wijk[from]);
    ASSERT_EQ(permuted.birth_year[at], columns.birth_year[from]);
    ASSERT_EQ(permuted.sex[at], columns.sex[from]);
    ASSERT_EQ(permuted.stays_elsewhere[at], columns.stays_elsewhere[from]);
    ASSERT_EQ(permuted.clk_popcount[at], columns.clk_popcount[from]);
    ASSERT_TRUE(std::equal(permuted.Clk(at), permuted.Clk(at) + kClkWords, columns.Clk(from)));
  }
  EXPECT_TRUE(permuted.stays_elsewhere[columns.size - 1 - 5]);
  EXPECT_FALSE(permuted.HasClk(static_cast<uint32_t>(columns.size - 1 - 6)));
}

TEST(RecordColumnsTest, LocalityOrderSortsByYearSexAndWijkAndLinksAsWell) {
  testing::Population population = testing::MakePopulation(300, 3, 2026);
  RecordColumns columns = Encode(population.records);
  std::vector<uint32_t> order = LocalityOrder(columns);
  ASSERT_EQ(order.size(), columns.size);
  std::vector<uint32_t> sorted = order;
  std::sort(sorted.begin(), sorted.end());
  for (uint32_t i = 0; i < sorted.size(); ++i) ASSERT_EQ(sorted[i], i);  // a permutation
  auto key = [&](uint32_t r) { return std::tie(columns.birth_year[r], columns.sex[r], columns.wijk[r]); };
  for (size_t i = 1; i < order.size(); ++i) {
    ASSERT_LE(key(order[i - 1]), key(order[i])) << i;
    if (key(order[i - 1]) == key(order[i])) {
      ASSERT_LT(order[i - 1], order[i]) << "ties keep record order";
    }
  }

  // Linking in this order finds the same people about as well.
  std::map<std::string, uint32_t> ids;
  std::vector<uint32_t> truth, permuted_truth;
  for (const std::string& label : population.truth) truth.push_back(ids.try_emplace(label, ids.size()).first->second);
  for (uint32_t r : order) permuted_truth.push_back(truth[r]);
  Result<LinkageResult> in_record_order = Link(columns);
  Result<LinkageResult> in_locality_order = Link(Permute(columns, order));
  ASSERT_TRUE(in_record_order.ok() && in_locality_order.ok());
  EXPECT_EQ(in_locality_order->stats.pairs_compared, in_record_order->stats.pairs_compared);
  double f1 = ScoreClustering(in_record_order->person, truth, {}).f1;
  double f1_local = ScoreClustering(in_locality_order->person, permuted_truth, {}).f1;
  EXPECT_GT(f1, 0.9);
  EXPECT_NEAR(f1_local, f1, 0.01);
}

}  // namespace
}  // namespace sz::linkage
