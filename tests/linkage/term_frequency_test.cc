// Term-frequency adjustment (term_frequency.h, issue 18 item 2) against a slow, obviously correct
// reference kept here: for every record the tags are counted afresh over all other records, and every
// pair's weight is recomputed from the comparison vector with u of the exact level replaced.
#include "linkage/term_frequency.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <vector>

#include "linkage/linker.h"
#include "privacy/bytes.h"
#include "privacy/key.h"
#include "synthetic_people.h"

namespace sz::linkage {
namespace {

using F = ComparisonField;

privacy::FieldEncoder MakeEncoder() {
  privacy::Bytes key_bytes(32, 11);
  return privacy::FieldEncoder::Create(privacy::Key::FromBytes(key_bytes).value()).value();
}

bool Adjusted(F field) { return field == F::kGivenName || field == F::kSurname || field == F::kBirthDate; }

uint64_t ReferenceTag(const LinkRecord& record, F field) {
  if (!record.fields) return 0;
  switch (field) {
    case F::kGivenName: return record.fields->Text(privacy::TextField::kGivenName).exact;
    case F::kSurname: return record.fields->Text(privacy::TextField::kSurname).exact;
    case F::kBirthDate: return record.fields->date;
    default: return 0;
  }
}

// u_tf of the record's tag: among the other records with a tag of `field`, the share with the same tag,
// floored at min_u; 0 when the record has no tag.
double ReferenceU(const std::vector<LinkRecord>& records, size_t record, F field, double min_u) {
  uint64_t tag = ReferenceTag(records[record], field);
  if (tag == 0) return 0;
  double others = 0, same = 0;
  for (size_t other = 0; other < records.size(); ++other) {
    uint64_t other_tag = ReferenceTag(records[other], field);
    if (other == record || other_tag == 0) continue;
    others += 1;
    same += other_tag == tag ? 1 : 0;
  }
  return std::max(others > 0 ? same / others : 0.0, min_u);
}

// The pair's match weight from first principles: prior + Σ log2(m/u) over the non-null fields, u of
// the exact level of given name, surname and birth date replaced by ReferenceU of record a.
double ReferenceWeight(const std::vector<LinkRecord>& records, const FellegiSunterModel& model, uint32_t a, uint32_t b,
                       double min_u) {
  ComparisonVector gamma = CompareRecords(records[a], records[b]);
  double weight = std::log2(model.lambda / (1 - model.lambda));
  for (int field = 0; field < kFieldCount; ++field) {
    int level = gamma.level[field];
    if (level == kNullLevel) continue;
    double u = model.u[field][level];
    if (level == 0 && Adjusted(static_cast<F>(field))) u = ReferenceU(records, a, static_cast<F>(field), min_u);
    weight += std::log2(model.m[field][level] / u);
  }
  return weight;
}

bool ReferenceExact(const LinkRecord& a, const LinkRecord& b) {
  return (!a.bsn_pseudonym.empty() && a.bsn_pseudonym == b.bsn_pseudonym) ||
         (!a.name_pseudonym.empty() && a.name_pseudonym == b.name_pseudonym);
}

class TermFrequencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    population_ = testing::MakePopulation(300, 3, 2027, 3, &encoder_);
    population_.records[5].fields.reset();  // records without field encodings among them
    population_.records[17].fields.reset();
  }
  LinkageOptions FieldLevelOptions() const {
    LinkageOptions options;
    options.threads = 2;
    options.blocking.passes = BlockingOptions::WithFieldLevel();
    return options;
  }
  privacy::FieldEncoder encoder_ = MakeEncoder();
  testing::Population population_;
};

TEST_F(TermFrequencyTest, FrequenciesAgainstSlowReference) {
  const std::vector<LinkRecord>& records = population_.records;
  RecordColumns columns = Encode(records);
  for (double min_u : {TermFrequencyOptions{}.min_u, 0.05}) {  // 0.05: the floor binds for most names
    TermFrequencyOptions options;
    options.min_u = min_u;
    TermFrequencies frequencies = TermFrequencies::Count(columns, options);
    ASSERT_FALSE(frequencies.empty());
    int floored = 0;
    for (int index = 0; index < kTermFrequencyFieldCount; ++index) {
      const F field = kTermFrequencyFields[index];
      std::set<uint64_t> distinct;
      for (uint32_t record = 0; record < records.size(); ++record) {
        double expected = ReferenceU(records, record, field, min_u);
        ASSERT_NEAR(frequencies.U(record, index), expected, 1e-6 * expected) << record << " field " << index;
        if (ReferenceTag(records[record], field) != 0) distinct.insert(ReferenceTag(records[record], field));
        floored += expected == min_u;
      }
      EXPECT_EQ(frequencies.DistinctValues(index), static_cast<int64_t>(distinct.size()));
      EXPECT_EQ(frequencies.U(5, index), 0.0);  // no field encodings: no tag, no adjustment
    }
    if (min_u == 0.05) {
      EXPECT_GT(floored, 100);
    }
  }
  // Off, or no record with field encodings: nothing to adjust.
  EXPECT_TRUE(TermFrequencies::Count(columns, {.enabled = false}).empty());
  std::vector<LinkRecord> plain = records;
  for (LinkRecord& record : plain) record.fields.reset();
  EXPECT_TRUE(TermFrequencies::Count(Encode(plain)).empty());
}

// Hand-made: ten records share one surname, two another. Agreeing on the common one weighs less than
// on the rare one, by log2 of the ratio of their frequencies among the other records; other levels and
// other fields are not adjusted.
TEST_F(TermFrequencyTest, CommonSurnameWeighsLessThanRareOne) {
  std::vector<LinkRecord> records;
  const char* given[] = {"jan", "piet", "kees", "henk", "wim", "bram", "daan", "sem", "finn", "levi", "noah", "tim"};
  for (int idx = 0; idx < 12; ++idx) {
    privacy::FieldValues values;
    values.given_names = given[idx];
    values.surname = idx < 10 ? "jansen" : "olthof";
    values.birth_date = Date{1950 + idx, 1 + idx % 12, 1 + idx};
    LinkRecord record;
    record.source = "desk";
    record.record_id = std::to_string(idx);
    record.fields = encoder_.Encode(values).value();
    records.push_back(record);
  }
  RecordColumns columns = Encode(records);
  TermFrequencies frequencies = TermFrequencies::Count(columns);
  const int surname = 1;  // kTermFrequencyFields[1]
  ASSERT_EQ(kTermFrequencyFields[surname], F::kSurname);
  EXPECT_FLOAT_EQ(frequencies.U(0, surname), 9.0 / 11.0);  // held as float
  EXPECT_FLOAT_EQ(frequencies.U(10, surname), 1.0 / 11.0);

  FellegiSunterModel model = FellegiSunterModel::Initial();
  TermFrequencyScorer adjust(model, frequencies);
  Pattern common = PatternIndex(CompareRecords(records[0], records[1]));  // jansen – jansen
  Pattern rare = PatternIndex(CompareRecords(records[10], records[11]));  // olthof – olthof
  ASSERT_EQ(PatternLevel(common, static_cast<int>(F::kSurname)), 0);
  ASSERT_EQ(PatternLevel(rare, static_cast<int>(F::kSurname)), 0);
  ASSERT_NE(PatternLevel(common, static_cast<int>(F::kGivenName)), 0);
  ASSERT_NE(PatternLevel(common, static_cast<int>(F::kBirthDate)), 0);
  const double u_exact = model.u[static_cast<int>(F::kSurname)][0];
  EXPECT_NEAR(adjust.Adjustment(common, 0), std::log2(u_exact / (9.0 / 11.0)), 1e-6);
  EXPECT_NEAR(adjust.Adjustment(rare, 10), std::log2(u_exact / (1.0 / 11.0)), 1e-6);
  EXPECT_NEAR(adjust.Adjustment(rare, 10) - adjust.Adjustment(common, 0), std::log2(9.0), 1e-6);
  // A surname that is merely close, or different, is not adjusted.
  Pattern close = WithLevel(common, static_cast<int>(F::kSurname), 1);
  EXPECT_EQ(adjust.Adjustment(close, 0), 0.0);
  EXPECT_EQ(adjust.Adjustment(WithLevel(common, static_cast<int>(F::kSurname), 3), 0), 0.0);
  // Off: no adjustment at all.
  TermFrequencies off = TermFrequencies::Count(columns, {.enabled = false});
  EXPECT_EQ(TermFrequencyScorer(model, off).Adjustment(common, 0), 0.0);
}

// Every compared pair's weight and probability, and the persons, against the reference over all pairs.
TEST_F(TermFrequencyTest, LinkedPairWeightsAgainstSlowReference) {
  const std::vector<LinkRecord>& records = population_.records;
  LinkageOptions options = FieldLevelOptions();  // keep_probability 0: every compared pair is kept
  Result<LinkageResult> result = Link(records, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const FellegiSunterModel& model = result->model;
  const double min_u = options.term_frequency.min_u;
  for (int index = 0; index < kTermFrequencyFieldCount; ++index) {
    EXPECT_GT(result->stats.term_frequency_values[index], 10) << index;
  }
  int raised = 0, lowered = 0;
  std::map<Pattern, std::set<float>> probabilities_of_pattern;
  for (const ScoredPair& pair : result->pairs) {
    const double expected = ReferenceWeight(records, model, pair.a, pair.b, min_u);
    ASSERT_NEAR(pair.weight, expected, 1e-4) << pair.a << "-" << pair.b;
    ASSERT_EQ(pair.exact, ReferenceExact(records[pair.a], records[pair.b]));
    ASSERT_NEAR(pair.probability, pair.exact ? 1.0 : ProbabilityFromWeight(expected), 1e-5);
    const double unadjusted = model.MatchWeight(CompareRecords(records[pair.a], records[pair.b]));
    raised += expected > unadjusted + 0.01;
    lowered += expected < unadjusted - 0.01;
    probabilities_of_pattern[pair.pattern].insert(pair.probability);
  }
  EXPECT_GT(raised, 50);  // rare names and dates weigh more, common ones less
  EXPECT_GT(lowered, 50);
  bool split = false;  // pairs of one comparison pattern now differ in probability
  for (const auto& [pattern, probabilities] : probabilities_of_pattern) split = split || probabilities.size() > 1;
  EXPECT_TRUE(split);

  // The links over all pairs under the adjusted weights, clustered with the adjusted probabilities,
  // give the linker's persons (clustering's cross pairs are adjusted too).
  const double threshold = options.clustering.link_probability;
  auto probability = [&](uint32_t a, uint32_t b) {
    return ReferenceExact(records[a], records[b]) ? 1.0
                                                  : ProbabilityFromWeight(ReferenceWeight(records, model, a, b, min_u));
  };
  std::set<std::pair<uint32_t, uint32_t>> compared;
  for (const ScoredPair& pair : result->pairs) compared.insert({pair.a, pair.b});
  std::vector<ClusterEdge> edges;
  for (uint32_t a = 0; a < records.size(); ++a) {
    for (uint32_t b = a + 1; b < records.size(); ++b) {
      double p = probability(a, b);
      if (p < threshold) continue;
      ASSERT_TRUE(compared.count({a, b})) << "a link not compared: " << a << "-" << b;
      edges.push_back({a, b, static_cast<float>(ReferenceWeight(records, model, a, b, min_u)), static_cast<float>(p),
                       ReferenceExact(records[a], records[b])});
    }
  }
  ASSERT_GT(edges.size(), 200u);
  std::vector<uint32_t> bsn(records.size(), 0);
  std::map<std::string, uint32_t> bsn_ids;
  for (size_t idx = 0; idx < records.size(); ++idx) {
    if (!records[idx].bsn_pseudonym.empty()) {
      bsn[idx] = bsn_ids.try_emplace(records[idx].bsn_pseudonym, bsn_ids.size() + 1).first->second;
    }
  }
  EXPECT_EQ(ClusterPersons(records.size(), edges, probability, bsn, options.clustering), result->person);
}

// A floor above 0 skips the Dice of pairs that cannot reach it; the adjustment is part of that bound,
// so exactly the pairs at or above the floor are kept. The bound on kept pairs raises the floor over
// the pairs' adjusted probabilities.
TEST_F(TermFrequencyTest, KeptPairsAndTheirBoundUseTheAdjustedProbabilities) {
  LinkageOptions all = FieldLevelOptions();
  Result<LinkageResult> everything = Link(population_.records, all);
  ASSERT_TRUE(everything.ok());
  auto kept_at = [&](float floor) {
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    for (const ScoredPair& pair : everything->pairs) {
      if (pair.exact || pair.probability >= floor) pairs.emplace_back(pair.a, pair.b);
    }
    return pairs;
  };
  auto pairs_of = [](const LinkageResult& result) {
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    for (const ScoredPair& pair : result.pairs) pairs.emplace_back(pair.a, pair.b);
    return pairs;
  };

  LinkageOptions floor = FieldLevelOptions();
  floor.keep_probability = 0.01;
  Result<LinkageResult> kept = Link(population_.records, floor);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(pairs_of(*kept), kept_at(0.01f));
  EXPECT_EQ(kept->person, everything->person);

  LinkageOptions bounded = FieldLevelOptions();
  bounded.max_kept_pairs_per_record = 0.6;
  bounded.keep_batch_records = 256;
  Result<LinkageResult> bound = Link(population_.records, bounded);
  ASSERT_TRUE(bound.ok());
  EXPECT_GT(bound->stats.keep_floor_raises, 0);
  EXPECT_TRUE(static_cast<double>(bound->pairs.size()) <= 0.6 * static_cast<double>(population_.records.size()) ||
              bound->stats.keep_floor >= 0.9f)
      << bound->pairs.size();
  EXPECT_EQ(pairs_of(*bound), kept_at(static_cast<float>(bound->stats.keep_floor)));
  EXPECT_EQ(bound->person, everything->person);
}

// Clustering's anti-chaining rule (clustering.h) weighs the cross pairs of a merge with the adjusted
// probabilities too. Hand-made, under a given model: A and B share a house number, B and C a street, all
// three the locality and the rare surname "olthof" (40 other records have other surnames). A–B and B–C
// are links either way; A–C rests on the locality and the surname: p = 0.036 with the adjustment, 0.0035
// without, so only the adjusted cross pair lets A, B and C become one person (every cross pair of a
// merge must reach 0.01).
TEST_F(TermFrequencyTest, ClusteringWeighsCrossPairsWithTheAdjustment) {
  std::vector<LinkRecord> records;
  auto add = [&](const std::string& surname, const std::string& house, const std::string& street, int year) {
    privacy::FieldValues values;
    values.surname = surname;
    values.house_number = house;
    values.street = street;
    values.locality = street.empty() ? "" : "enschede";
    LinkRecord record;
    record.source = "desk";
    record.record_id = std::to_string(records.size());
    record.birth_year = year;
    record.fields = encoder_.Encode(values).value();
    records.push_back(record);
  };
  add("olthof", "1", "kerkstraat", 1980);  // A
  add("olthof", "1", "molenweg", 1980);    // B
  add("olthof", "2", "molenweg", 1980);    // C
  for (int idx = 0; idx < 40; ++idx)
    add("filler" + std::string(1, static_cast<char>('a' + idx % 26)) + std::to_string(idx), "", "", 0);

  FellegiSunterModel model = FellegiSunterModel::Initial();
  for (int field = 0; field < kFieldCount; ++field) model.m[field] = model.u[field];  // weight 0
  model.lambda = std::exp2(-12.0) / (1 + std::exp2(-12.0));                           // prior −12 bits
  auto set = [&](F field, int level, double m, double u) {
    model.m[static_cast<int>(field)][level] = m;
    model.u[static_cast<int>(field)][level] = u;
  };
  const double agree = 0.9 / 512;  // 9 bits
  set(F::kLocality, 0, 0.9, agree);
  set(F::kHouseNumber, 0, 0.9, agree);
  set(F::kHouseNumber, 1, 0.1, 0.8);  // −3 bits
  set(F::kStreet, 0, 0.9, agree);
  set(F::kStreet, 3, 0.1, 0.8);
  set(F::kSurname, 0, 0.9, 0.5);  // +0.85 bits; adjusted: u_tf = 2 / 42, +4.24 bits
  auto weight_ac = [](double surname_u) { return -12 + std::log2(0.9 / surname_u) - 3 - 3 + 9; };
  ASSERT_GE(ProbabilityFromWeight(weight_ac(2.0 / 42)), 0.01);
  ASSERT_LT(ProbabilityFromWeight(weight_ac(0.5)), 0.01);

  LinkageOptions options = FieldLevelOptions();
  options.model = model;
  Result<LinkageResult> result = Link(records, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->person[1], result->person[0]);
  EXPECT_EQ(result->person[2], result->person[0]);
  for (uint32_t filler = 3; filler < records.size(); ++filler) EXPECT_EQ(result->person[filler], filler);
  // Without the adjustment A–B and B–C are still links (p = 0.935), but A–C's cross pair is below 0.01:
  // not one person.
  options.term_frequency.enabled = false;
  Result<LinkageResult> off = Link(records, options);
  ASSERT_TRUE(off.ok());
  EXPECT_EQ(off->stats.linked_pairs, 2);
  EXPECT_FALSE(off->person[0] == off->person[1] && off->person[1] == off->person[2]);
}

// Off (LinkageOptions::term_frequency.enabled = false), every pair weighs by its pattern alone, as on
// the record-level path.
TEST_F(TermFrequencyTest, OffWeighsByThePatternAlone) {
  LinkageOptions options = FieldLevelOptions();
  options.term_frequency.enabled = false;
  Result<LinkageResult> result = Link(population_.records, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->stats.term_frequency_values, (std::array<int64_t, kTermFrequencyFieldCount>{}));
  for (const ScoredPair& pair : result->pairs) {
    ASSERT_NEAR(pair.weight,
                result->model.MatchWeight(CompareRecords(population_.records[pair.a], population_.records[pair.b])),
                1e-4);
  }
}

}  // namespace
}  // namespace sz::linkage
