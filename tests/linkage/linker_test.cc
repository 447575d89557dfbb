// The blocked linker (linker.h) against a slow, obviously correct all-pairs reference linkage kept here.
#include "linkage/linker.h"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>

#include "linkage/evaluation.h"
#include "synthetic_people.h"

namespace sz::linkage {
namespace {

bool ReferenceExact(const LinkRecord& a, const LinkRecord& b) {
  return (!a.bsn_pseudonym.empty() && a.bsn_pseudonym == b.bsn_pseudonym) ||
         (!a.name_pseudonym.empty() && a.name_pseudonym == b.name_pseudonym);
}

double ReferenceProbability(const std::vector<LinkRecord>& records, const FellegiSunterModel& model, uint32_t a,
                            uint32_t b) {
  if (ReferenceExact(records[a], records[b])) return 1.0;
  return model.MatchProbability(CompareRecords(records[a], records[b]));
}

// Every pair compared, no blocking: the links (exact, or probability ≥ threshold) under `model`.
std::set<std::pair<uint32_t, uint32_t>> ReferenceLinks(const std::vector<LinkRecord>& records,
                                                       const FellegiSunterModel& model, double threshold,
                                                       bool across_sources) {
  std::set<std::pair<uint32_t, uint32_t>> links;
  for (uint32_t a = 0; a < records.size(); ++a) {
    for (uint32_t b = a + 1; b < records.size(); ++b) {
      if (across_sources && records[a].source == records[b].source) continue;
      if (ReferenceProbability(records, model, a, b) >= threshold) links.insert({a, b});
    }
  }
  return links;
}

class LinkerTest : public ::testing::Test {
 protected:
  void SetUp() override { population_ = testing::MakePopulation(350, 3, 2026); }
  testing::Population population_;
};

TEST_F(LinkerTest, BlockedLinkageAgreesWithAllPairsReference) {
  LinkageOptions options;
  options.threads = 2;
  Result<LinkageResult> result = Link(population_.records, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const double threshold = options.clustering.link_probability;
  const std::vector<LinkRecord>& records = population_.records;
  EXPECT_GT(result->stats.reduction_ratio, 0.9);

  std::set<std::pair<uint32_t, uint32_t>> reference = ReferenceLinks(records, result->model, threshold, false);
  std::set<std::pair<uint32_t, uint32_t>> compared, blocked_links;
  for (const ScoredPair& pair : result->pairs) {
    compared.insert({pair.a, pair.b});
    if (pair.exact || pair.probability >= threshold) blocked_links.insert({pair.a, pair.b});
    // Each pair's scores are the model's for its comparison vector.
    ComparisonVector gamma = CompareRecords(records[pair.a], records[pair.b]);
    ASSERT_EQ(pair.pattern, PatternIndex(gamma));
    ASSERT_NEAR(pair.weight, result->model.MatchWeight(gamma), 1e-4);
    ASSERT_EQ(pair.exact, ReferenceExact(records[pair.a], records[pair.b]));
    ASSERT_NEAR(pair.probability, ReferenceProbability(records, result->model, pair.a, pair.b), 1e-5);
  }
  // Blocking recall on the links is 1 on this input…
  for (const auto& link : reference) ASSERT_TRUE(compared.count(link)) << link.first << "-" << link.second;
  // …so the links above the threshold are the same.
  EXPECT_EQ(blocked_links, reference);
  EXPECT_GT(reference.size(), 100u);

  // Clustering the reference links gives the same persons.
  std::vector<ClusterEdge> edges;
  for (const auto& [a, b] : reference) {
    double probability = ReferenceProbability(records, result->model, a, b);
    edges.push_back({a, b, result->model.MatchWeight(CompareRecords(records[a], records[b])), probability,
                     ReferenceExact(records[a], records[b])});
  }
  std::vector<uint32_t> bsn(records.size(), 0);
  std::map<std::string, uint32_t> bsn_ids;
  for (size_t idx = 0; idx < records.size(); ++idx) {
    if (!records[idx].bsn_pseudonym.empty()) {
      bsn[idx] = bsn_ids.try_emplace(records[idx].bsn_pseudonym, bsn_ids.size() + 1).first->second;
    }
  }
  auto probability = [&](uint32_t a, uint32_t b) { return ReferenceProbability(records, result->model, a, b); };
  EXPECT_EQ(ClusterPersons(records.size(), edges, probability, bsn, options.clustering), result->person);

  // The same training sessions over all pairs (no blocking) find nearly the same model.
  PatternCounts all_counts, same_year, similar;
  for (uint32_t a = 0; a < records.size(); ++a) {
    for (uint32_t b = a + 1; b < records.size(); ++b) {
      ComparisonVector gamma = CompareRecords(records[a], records[b]);
      all_counts[PatternIndex(gamma)] += 1;
      if (gamma.level[1] == 0) same_year[PatternIndex(gamma)] += 1;
      if (gamma.level[0] == 0 || gamma.level[0] == 1) similar[PatternIndex(gamma)] += 1;
    }
  }
  FellegiSunterModel model = FellegiSunterModel::Initial();
  model.u = result->model.u;
  model.lambda = 0.3;
  EmOptions session1;
  session1.use_field[1] = false;
  Result<EmResult> fit1 = FitEm(same_year, model, session1);
  ASSERT_TRUE(fit1.ok());
  for (int field : {0, 2, 3, 4}) model.m[field] = fit1->model.m[field];
  EmOptions session2;
  session2.use_field[0] = false;
  Result<EmResult> fit2 = FitEm(similar, model, session2);
  ASSERT_TRUE(fit2.ok());
  model.m[1] = fit2->model.m[1];
  model.lambda = 0.001;
  EmOptions final_options;
  final_options.estimate_m = false;
  Result<EmResult> all_pairs_fit = FitEm(all_counts, model, final_options);
  ASSERT_TRUE(all_pairs_fit.ok());
  EXPECT_NEAR(all_pairs_fit->model.lambda, result->model.lambda, 0.1 * result->model.lambda);
  for (int field = 0; field < kRecordFieldCount; ++field) {
    for (int level = 0; level < kLevelCount[field]; ++level) {
      EXPECT_NEAR(all_pairs_fit->model.m[field][level], result->model.m[field][level], 0.05)
          << "field " << field << " level " << level;
    }
  }
}

TEST_F(LinkerTest, FindsThePersons) {
  Result<LinkageResult> result = Link(population_.records);
  ASSERT_TRUE(result.ok());
  Result<EvaluationReport> report =
      Evaluate(population_.records, *result, population_.truth, LinkMode::kDeduplicate, 0.9);
  ASSERT_TRUE(report.ok());
  EXPECT_GT(report->pair_completeness, 0.97);
  EXPECT_GT(report->persons.precision, 0.95);
  EXPECT_GT(report->persons.recall, 0.9);
  // Households: records of one true household mostly share a household id.
  std::map<std::string, uint32_t> truth_ids;
  std::vector<uint32_t> household_truth;
  for (const std::string& label : population_.household_truth) {
    household_truth.push_back(truth_ids.try_emplace(label, truth_ids.size()).first->second);
  }
  PairwiseScores households = ScoreClustering(result->household, household_truth, {});
  EXPECT_GT(households.recall, 0.8);
}

// The threshold chosen from the fitted model (issue 18): ChooseLinkProbability against a slow reference that
// scores every candidate threshold from scratch, and a linkage at that threshold that links as well.
TEST_F(LinkerTest, LinkProbabilityFromTheFittedModel) {
  Result<LinkageResult> fixed = Link(population_.records);
  ASSERT_TRUE(fixed.ok());
  const FellegiSunterModel& model = fixed->model;
  PatternCounts compared;
  for (uint32_t a = 0; a < population_.records.size(); ++a) {
    for (uint32_t b = a + 1; b < population_.records.size(); b += 3) {
      compared[PatternIndex(CompareRecords(population_.records[a], population_.records[b]))] += 1;
    }
  }
  ModelThreshold chosen = ChooseLinkProbability(model, compared);
  double best_f1 = -1, best_threshold = 0;
  for (const auto& [candidate, ignored] : compared) {
    double t = model.MatchProbability(PatternVector(candidate));
    if (t < 0.5) continue;
    double true_links = 0, links = 0, matches = 0;
    for (const auto& [pattern, count] : compared) {
      double p = model.MatchProbability(PatternVector(pattern));
      matches += count * p;
      if (p >= t) {
        links += count;
        true_links += count * p;
      }
    }
    double f1 = 2 * true_links / (links + matches);
    if (f1 > best_f1 + 1e-12 || (std::abs(f1 - best_f1) <= 1e-12 && t > best_threshold)) {
      best_f1 = f1;
      best_threshold = t;
    }
  }
  EXPECT_NEAR(chosen.expected_f1, best_f1, 1e-9);
  EXPECT_NEAR(chosen.link_probability, std::min(best_threshold, 0.99), 1e-6);
  EXPECT_GE(chosen.link_probability, 0.5);
  EXPECT_GT(chosen.expected_precision, 0);

  LinkageOptions from_model;
  from_model.link_probability_from_model = true;
  Result<LinkageResult> result = Link(population_.records, from_model);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->stats.link_probability, result->stats.model_link_probability);
  EXPECT_GE(result->stats.link_probability, 0.5);
  EXPECT_LE(result->stats.link_probability, 0.99);
  EXPECT_EQ(fixed->stats.link_probability, 0.9);
  Result<EvaluationReport> report =
      Evaluate(population_.records, *result, population_.truth, LinkMode::kDeduplicate, result->stats.link_probability);
  Result<EvaluationReport> fixed_report =
      Evaluate(population_.records, *fixed, population_.truth, LinkMode::kDeduplicate, 0.9);
  ASSERT_TRUE(report.ok() && fixed_report.ok());
  EXPECT_GT(report->persons.f1, fixed_report->persons.f1 - 0.02);
}

TEST_F(LinkerTest, DeterministicWhateverTheThreadCount) {
  LinkageOptions one, three;
  one.threads = 1;
  three.threads = 3;
  Result<LinkageResult> a = Link(population_.records, one);
  Result<LinkageResult> b = Link(population_.records, three);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->pairs.size(), b->pairs.size());
  for (size_t idx = 0; idx < a->pairs.size(); ++idx) {
    ASSERT_EQ(a->pairs[idx].a, b->pairs[idx].a);
    ASSERT_EQ(a->pairs[idx].b, b->pairs[idx].b);
    ASSERT_EQ(a->pairs[idx].weight, b->pairs[idx].weight);
  }
  EXPECT_EQ(a->person, b->person);
  EXPECT_EQ(a->household, b->household);
  EXPECT_EQ(a->model.lambda, b->model.lambda);
}

TEST_F(LinkerTest, AcrossSourcesComparesOnlyPairsFromDifferentSources) {
  LinkageOptions options;
  options.mode = LinkMode::kAcrossSources;
  Result<LinkageResult> result = Link(population_.records, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  for (const ScoredPair& pair : result->pairs) {
    ASSERT_NE(population_.records[pair.a].source, population_.records[pair.b].source);
  }
  std::set<std::pair<uint32_t, uint32_t>> reference =
      ReferenceLinks(population_.records, result->model, options.clustering.link_probability, true);
  std::set<std::pair<uint32_t, uint32_t>> links;
  for (const ScoredPair& pair : result->pairs) {
    if (pair.exact || pair.probability >= options.clustering.link_probability) links.insert({pair.a, pair.b});
  }
  EXPECT_EQ(links, reference);
}

TEST_F(LinkerTest, KeepsOnlyPairsAboveTheFloorWithTheSamePersons) {
  LinkageOptions all, floor;
  floor.keep_probability = 0.05;
  std::vector<uint32_t> truth_ids;
  std::map<std::string, uint32_t> ids;
  for (const std::string& label : population_.truth)
    truth_ids.push_back(ids.try_emplace(label, ids.size()).first->second);
  floor.truth = truth_ids;
  Result<LinkageResult> a = Link(population_.records, all);
  Result<LinkageResult> b = Link(population_.records, floor);
  ASSERT_TRUE(a.ok() && b.ok());
  std::vector<ScoredPair> expected;
  int64_t true_compared = 0;
  for (const ScoredPair& pair : a->pairs) {
    if (pair.exact || pair.probability >= 0.05f) expected.push_back(pair);
    true_compared += truth_ids[pair.a] == truth_ids[pair.b];
  }
  ASSERT_LT(expected.size(), a->pairs.size());
  ASSERT_EQ(b->pairs.size(), expected.size());
  for (size_t idx = 0; idx < expected.size(); ++idx) {
    ASSERT_EQ(b->pairs[idx].a, expected[idx].a);
    ASSERT_EQ(b->pairs[idx].b, expected[idx].b);
  }
  EXPECT_EQ(a->stats.pairs_compared, static_cast<int64_t>(a->pairs.size()));
  EXPECT_EQ(b->stats.pairs_compared, a->stats.pairs_compared);
  EXPECT_EQ(b->stats.pairs_kept, static_cast<int64_t>(expected.size()));
  EXPECT_EQ(a->stats.true_pairs_compared, -1);
  EXPECT_EQ(b->stats.true_pairs_compared, true_compared);
  EXPECT_EQ(a->person, b->person);
  // Evaluate takes pair completeness from the streamed count when it has one.
  Result<EvaluationReport> from_all = Evaluate(population_.records, *a, population_.truth, LinkMode::kDeduplicate, 0.9);
  Result<EvaluationReport> streamed = Evaluate(population_.records, *b, population_.truth, LinkMode::kDeduplicate, 0.9);
  ASSERT_TRUE(from_all.ok() && streamed.ok());
  EXPECT_EQ(streamed->true_pairs_compared, from_all->true_pairs_compared);
  EXPECT_EQ(streamed->pairs_compared, from_all->pairs_compared);
}

TEST_F(LinkerTest, IncrementalLinkingExtendsEarlierPersons) {
  const std::vector<LinkRecord>& records = population_.records;
  const auto first_new = static_cast<uint32_t>(records.size() * 7 / 10);
  std::vector<LinkRecord> earlier(records.begin(), records.begin() + first_new);
  Result<LinkageResult> before = Link(earlier);
  ASSERT_TRUE(before.ok());

  LinkageOptions options;
  options.first_new = first_new;
  options.model = before->model;
  options.initial_person = before->person;
  Result<LinkageResult> after = Link(records, options);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  // Only pairs with a new record were compared, far fewer than a full run compares.
  Result<LinkageResult> full = Link(records);
  ASSERT_TRUE(full.ok());
  EXPECT_LT(after->stats.pairs_compared, full->stats.pairs_compared * 2 / 3);
  for (const ScoredPair& pair : after->pairs) ASSERT_GE(pair.b, first_new);
  EXPECT_EQ(after->stats.em_iterations, 0);
  EXPECT_EQ(after->model.lambda, before->model.lambda);
  // Earlier persons are never split.
  for (uint32_t a = 0; a < first_new; ++a) {
    ASSERT_EQ(after->person[a], after->person[before->person[a]]) << a;
  }
  // And the result is about as good as linking everything at once.
  std::map<std::string, uint32_t> ids;
  std::vector<uint32_t> truth_ids;
  for (const std::string& label : population_.truth)
    truth_ids.push_back(ids.try_emplace(label, ids.size()).first->second);
  PairwiseScores incremental = ScoreClustering(after->person, truth_ids, {});
  PairwiseScores at_once = ScoreClustering(full->person, truth_ids, {});
  EXPECT_GT(incremental.f1, at_once.f1 - 0.02) << incremental.f1 << " vs " << at_once.f1;
  EXPECT_GT(incremental.recall, 0.9);

  // Misuse is refused.
  LinkageOptions no_model = options;
  no_model.model.reset();
  EXPECT_EQ(Link(records, no_model).status().code(), StatusCode::kInvalidArgument);
  LinkageOptions short_labels = options;
  std::vector<uint32_t> fewer(before->person.begin(), before->person.end() - 1);
  short_labels.initial_person = fewer;
  EXPECT_EQ(Link(records, short_labels).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(LinkerTest, KeptPairsStayWithinTheirBoundByRaisingTheFloor) {
  LinkageOptions all;  // every compared pair kept
  Result<LinkageResult> everything = Link(population_.records, all);
  ASSERT_TRUE(everything.ok());
  const double budget_per_record = 0.5;
  const double budget = budget_per_record * static_cast<double>(population_.records.size());
  ASSERT_GT(static_cast<double>(everything->pairs.size()), 2 * budget);  // the bound must bite

  LinkageOptions bounded;
  bounded.max_kept_pairs_per_record = budget_per_record;
  bounded.keep_batch_records = 256;  // several batches, so the floor rises during the pass
  Result<LinkageResult> kept = Link(population_.records, bounded);
  ASSERT_TRUE(kept.ok());
  const float floor = static_cast<float>(kept->stats.keep_floor);
  EXPECT_GT(kept->stats.keep_floor_raises, 0);
  EXPECT_GT(floor, 0.0f);
  EXPECT_LE(floor, 0.9f);
  EXPECT_TRUE(static_cast<double>(kept->pairs.size()) <= budget || floor >= 0.9f) << kept->pairs.size();
  // Exactly the pairs an unbounded run keeps at the final floor: exact links and p ≥ floor, in order.
  std::vector<ScoredPair> expected;
  for (const ScoredPair& pair : everything->pairs) {
    if (pair.exact || pair.probability >= floor) expected.push_back(pair);
  }
  ASSERT_EQ(kept->pairs.size(), expected.size());
  for (size_t idx = 0; idx < expected.size(); ++idx) {
    ASSERT_EQ(kept->pairs[idx].a, expected[idx].a) << idx;
    ASSERT_EQ(kept->pairs[idx].b, expected[idx].b) << idx;
    ASSERT_EQ(kept->pairs[idx].probability, expected[idx].probability) << idx;
  }
  EXPECT_EQ(kept->stats.pairs_kept, static_cast<int64_t>(expected.size()));
  EXPECT_EQ(kept->stats.pairs_compared, everything->stats.pairs_compared);
  // Links are never dropped, so the persons are the same.
  EXPECT_EQ(kept->person, everything->person);
  EXPECT_EQ(kept->household, everything->household);
  // The floor's path does not depend on the threads.
  bounded.threads = 1;
  Result<LinkageResult> one_thread = Link(population_.records, bounded);
  ASSERT_TRUE(one_thread.ok());
  EXPECT_EQ(one_thread->stats.keep_floor, kept->stats.keep_floor);
  EXPECT_EQ(one_thread->pairs.size(), kept->pairs.size());
  // A bound too small even for the links keeps the links: the floor stops at the link probability.
  bounded.max_kept_pairs_per_record = 0.001;
  Result<LinkageResult> links_only = Link(population_.records, bounded);
  ASSERT_TRUE(links_only.ok());
  EXPECT_FLOAT_EQ(static_cast<float>(links_only->stats.keep_floor), 0.9f);
  EXPECT_EQ(links_only->stats.linked_pairs, everything->stats.linked_pairs);
  EXPECT_EQ(links_only->person, everything->person);
}

TEST(LinkerLabelsTest, MFromBsnLabelledPairsMatchesTheTrueMatchesAndLinksAsWell) {
  testing::Population population = testing::MakePopulation(2000, 3, 77);
  std::map<std::string, uint32_t> ids;
  std::vector<uint32_t> truth;
  for (const std::string& label : population.truth) truth.push_back(ids.try_emplace(label, ids.size()).first->second);
  LinkageOptions labelled;
  labelled.min_bsn_labelled_pairs = 200;  // a small population: several hundred pairs agree on the BSN
  Result<LinkageResult> with_labels = Link(population.records, labelled);
  ASSERT_TRUE(with_labels.ok());
  ASSERT_TRUE(with_labels->stats.m_from_bsn_labels);
  // m is what the true matches among the compared pairs show, not only those with a BSN.
  std::array<double, 6> clk_levels{};
  std::array<double, 3> year_levels{};
  for (const ScoredPair& pair : with_labels->pairs) {  // keep_probability 0: every compared pair
    if (truth[pair.a] != truth[pair.b]) continue;
    ComparisonVector gamma = PatternVector(pair.pattern);
    if (gamma.level[0] != kNullLevel) clk_levels[gamma.level[0]] += 1;
    if (gamma.level[1] != kNullLevel) year_levels[gamma.level[1]] += 1;
  }
  double clk_total = 0, year_total = 0;
  for (double count : clk_levels) clk_total += count;
  for (double count : year_levels) year_total += count;
  ASSERT_GT(clk_total, 200);
  EXPECT_NEAR(with_labels->model.m[0][0], clk_levels[0] / clk_total, 0.1);
  EXPECT_NEAR(with_labels->model.m[1][0], year_levels[0] / year_total, 0.05);
  // And the persons are as good as with EM's training sessions.
  LinkageOptions sessions;
  sessions.min_bsn_labelled_pairs = 0;
  Result<LinkageResult> with_em = Link(population.records, sessions);
  ASSERT_TRUE(with_em.ok());
  EXPECT_FALSE(with_em->stats.m_from_bsn_labels);
  double f1_labels = ScoreClustering(with_labels->person, truth, {}).f1;
  double f1_em = ScoreClustering(with_em->person, truth, {}).f1;
  EXPECT_GT(f1_labels, f1_em - 0.01) << f1_labels << " vs " << f1_em;
  // Too few labelled pairs: EM's sessions, as before.
  labelled.min_bsn_labelled_pairs = 1'000'000;
  EXPECT_FALSE(Link(population.records, labelled)->stats.m_from_bsn_labels);
}

TEST(LinkerErrorsTest, TooFewRecords) {
  std::vector<LinkRecord> one(1);
  EXPECT_EQ(Link(one).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Link(one).status().message(), "koppelen vraagt minstens twee records");
  std::vector<LinkRecord> same_source(3);
  LinkageOptions across;
  across.mode = LinkMode::kAcrossSources;
  EXPECT_EQ(Link(same_source, across).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Link(same_source, across).status().message(),
            "koppelen tussen bronnen vraagt records van minstens twee bronnen");
}

}  // namespace
}  // namespace sz::linkage
