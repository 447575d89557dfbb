// Clustering (clustering.h): cases that chain under naive transitive closure, BSN cannot-link,
// households.
#include "linkage/clustering.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numeric>

namespace sz::linkage {
namespace {

// Naive transitive closure of the edges at or above the threshold (what the constraints prevent).
std::vector<uint32_t> NaiveClosure(size_t count, const std::vector<ClusterEdge>& edges, double threshold) {
  std::vector<uint32_t> label(count);
  std::iota(label.begin(), label.end(), 0u);
  bool changed = true;
  while (changed) {
    changed = false;
    for (const ClusterEdge& edge : edges) {
      if (!edge.exact && edge.probability < threshold) continue;
      uint32_t low = std::min(label[edge.a], label[edge.b]);
      if (label[edge.a] != low || label[edge.b] != low) {
        label[edge.a] = label[edge.b] = low;
        changed = true;
      }
    }
  }
  return label;
}

// Pair probabilities from a symmetric table; pairs not listed are 0.
struct Table {
  std::map<std::pair<uint32_t, uint32_t>, double> values;
  void Set(uint32_t a, uint32_t b, double p) { values[{std::min(a, b), std::max(a, b)}] = p; }
  double operator()(uint32_t a, uint32_t b) const {
    auto it = values.find({std::min(a, b), std::max(a, b)});
    return it == values.end() ? 0.0 : it->second;
  }
  std::vector<ClusterEdge> Edges() const {
    std::vector<ClusterEdge> edges;
    for (const auto& [pair, p] : values) edges.push_back({pair.first, pair.second, std::log2(p / (1 - p + 1e-12)), p});
    return edges;
  }
};

TEST(ClusteringTest, WeakBridgeDoesNotChainTwoPeople) {
  // Records 0,1 are person A; 2,3 person B; record 4 resembles both (e.g. a parent/child record with a
  // missing birth year): strong to 1 and to 2, clearly not 0 or 3.
  Table table;
  table.Set(0, 1, 0.999);
  table.Set(2, 3, 0.999);
  table.Set(1, 4, 0.95);
  table.Set(2, 4, 0.93);
  table.Set(0, 4, 0.001);
  table.Set(3, 4, 0.002);
  std::vector<ClusterEdge> edges = table.Edges();
  std::vector<uint32_t> naive = NaiveClosure(5, edges, 0.9);
  EXPECT_EQ(naive, (std::vector<uint32_t>{0, 0, 0, 0, 0}));  // naive closure: one person

  ClusteringStats stats;
  std::vector<uint32_t> person = ClusterPersons(5, edges, table, {}, ClusteringOptions{}, &stats);
  EXPECT_EQ(person[0], person[1]);
  EXPECT_EQ(person[2], person[3]);
  EXPECT_NE(person[0], person[2]);
  EXPECT_NE(person[4], person[0]);
  EXPECT_NE(person[4], person[2]);
  EXPECT_EQ(stats.refused_weak_pair, 2);
}

TEST(ClusteringTest, ChainOfTyposMergesWhenEveryPairIsPlausible) {
  // a—b—c with a—c weaker but plausible: one person, under the mean and minimum rules.
  Table table;
  table.Set(0, 1, 0.99);
  table.Set(1, 2, 0.97);
  table.Set(0, 2, 0.4);
  std::vector<uint32_t> person = ClusterPersons(3, table.Edges(), table, {}, ClusteringOptions{});
  EXPECT_EQ(person, (std::vector<uint32_t>{0, 0, 0}));
}

TEST(ClusteringTest, LongChainIsCutByTheMeanRule) {
  // A path 0—1—2—3—4—5 where only neighbours look alike (each step a small drift): naive closure
  // makes one person; the mean rule stops growth once most cross pairs are weak.
  Table table;
  for (uint32_t a = 0; a < 6; ++a) {
    for (uint32_t b = a + 1; b < 6; ++b) table.Set(a, b, b == a + 1 ? 0.94 : 0.05);
  }
  std::vector<ClusterEdge> edges = table.Edges();
  EXPECT_EQ(NaiveClosure(6, edges, 0.9), (std::vector<uint32_t>(6, 0)));
  std::vector<uint32_t> person = ClusterPersons(6, edges, table, {}, ClusteringOptions{});
  std::map<uint32_t, int> sizes;
  for (uint32_t id : person) ++sizes[id];
  for (const auto& [id, size] : sizes) EXPECT_LE(size, 2);
  EXPECT_NE(person[0], person[5]);
}

TEST(ClusteringTest, DifferentBsnsNeverMerge) {
  Table table;
  table.Set(0, 1, 0.999);
  table.Set(1, 2, 0.999);
  table.Set(0, 2, 0.999);
  std::vector<uint32_t> bsn = {5, 0, 6};  // 0 and 2 hold different BSNs
  std::vector<ClusterEdge> edges = table.Edges();
  edges.push_back({0, 2, 30, 1.0, /*exact=*/true});  // e.g. an equal name pseudonym
  ClusteringStats stats;
  std::vector<uint32_t> person = ClusterPersons(3, edges, table, bsn, ClusteringOptions{}, &stats);
  EXPECT_NE(person[0], person[2]);
  EXPECT_GE(stats.refused_bsn_conflict, 1);
  ClusteringOptions no_cannot_link;
  no_cannot_link.bsn_cannot_link = false;
  EXPECT_EQ(ClusterPersons(3, edges, table, bsn, no_cannot_link), (std::vector<uint32_t>{0, 0, 0}));
}

TEST(ClusteringTest, ExactEdgesMergeRegardlessOfModel) {
  Table table;  // the model says nothing
  std::vector<ClusterEdge> edges = {{0, 2, -5, 1.0, true}};
  EXPECT_EQ(ClusterPersons(3, edges, table, {}, ClusteringOptions{}), (std::vector<uint32_t>{0, 1, 0}));
}

TEST(ClusteringTest, HouseholdsFromKeysAndPersons) {
  // Records: 0,1 share key 1; record 2 is the same person as 1 at another address (key 2), where record 3
  // (another person) lives: one shared person (a child who left home) does not join the two addresses.
  // Record 4 has no key and is its own person; record 5 key 3.
  std::vector<uint32_t> person = {0, 1, 1, 3, 4, 5};
  std::vector<uint32_t> household = {1, 1, 2, 2, 0, 3};
  EXPECT_EQ(ClusterHouseholds(person, household), (std::vector<uint32_t>{0, 0, 2, 2, 4, 5}));
}

TEST(ClusteringTest, HouseholdsFollowFamiliesThatMoveButNotSinglePersonsLeaving) {
  // A family of persons 0, 1, 2 at key 1 moves to key 2 (persons 0 and 1 seen there): one household.
  // Person 2 is later placed at a group home (key 3) with persons 10 and 11 of other families: the group
  // home does not join the family to theirs. Person 20 lives alone at key 4, then alone at key 5: one
  // household. Record 9 (person 1, no key) joins person 1's household.
  std::vector<uint32_t> person = {0, 1, 2, 0, 1, 2, 10, 11, 20, 1, 20};
  std::vector<uint32_t> household = {1, 1, 1, 2, 2, 3, 3, 3, 4, 0, 5};
  std::vector<uint32_t> result = ClusterHouseholds(person, household);
  EXPECT_EQ(result, (std::vector<uint32_t>{0, 0, 0, 0, 0, 5, 5, 5, 8, 0, 8}));
}

TEST(ClusteringTest, StartsFromEarlierPersonsAndNeverSplitsThem) {
  // Records 0–2 were linked before: {0, 1} one person, {2} another. New record 3 fits person {0, 1};
  // new record 4 resembles 2 strongly but 0 weakly.
  Table table;
  table.Set(0, 1, 0.005);  // weak now: an earlier run linked them, and that is not undone
  table.Set(0, 3, 0.97);
  table.Set(1, 3, 0.95);
  table.Set(2, 4, 0.99);
  table.Set(0, 4, 0.001);
  table.Set(1, 4, 0.001);
  std::vector<ClusterEdge> edges = {{0, 3, 5, 0.97}, {1, 3, 4, 0.95}, {2, 4, 6, 0.99}, {0, 4, 1, 0.92}};
  std::vector<uint32_t> initial = {0, 0, 2};
  EXPECT_EQ(ClusterPersons(5, edges, table, {}, ClusteringOptions{}, nullptr, initial),
            (std::vector<uint32_t>{0, 0, 2, 0, 2}));
  // Without the earlier persons, 0 and 1 (p = 0.005) would not be one person.
  EXPECT_EQ(ClusterPersons(5, edges, table, {}, ClusteringOptions{})[1], 1u);
}

}  // namespace
}  // namespace sz::linkage
