// Blocking (blocking.h): passes, ±1 year, cross-source mode, block-size cap, thread independence.
#include "linkage/blocking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "linkage/internal/compare.h"
#include "linkage/internal/encoded_records.h"
#include "synthetic_people.h"

namespace sz::linkage {
namespace {

LinkRecord Record(int year, Sex sex, std::string wijk, std::string source = "a") {
  LinkRecord record;
  record.source = std::move(source);
  record.birth_year = year;
  record.sex = sex;
  record.wijk = std::move(wijk);
  return record;
}

bool Has(const CandidatePairs& candidates, uint32_t a, uint32_t b) {
  return std::binary_search(candidates.pairs.begin(), candidates.pairs.end(), MakePair(a, b));
}

TEST(BlockingTest, YearSexWijkToleratesOneYear) {
  std::vector<LinkRecord> records = {Record(1980, Sex::kMan, "W1"),     Record(1981, Sex::kMan, "W1"),
                                     Record(1982, Sex::kMan, "W1"),     Record(1980, Sex::kVrouw, "W1"),
                                     Record(1980, Sex::kUnknown, "W1"), Record(1980, Sex::kMan, "W2"),
                                     Record(1979, Sex::kMan, "W1")};
  internal::EncodedRecords encoded = internal::Encode(records);
  BlockingOptions options;
  options.passes = {{BlockingKind::kYearSexWijk}};
  CandidatePairs candidates = GenerateCandidatePairs(encoded, options, false, 1);
  EXPECT_TRUE(Has(candidates, 0, 1));   // 1980 / 1981
  EXPECT_FALSE(Has(candidates, 0, 2));  // 1980 / 1982
  EXPECT_TRUE(Has(candidates, 1, 2));
  EXPECT_FALSE(Has(candidates, 0, 3));  // other sex
  EXPECT_TRUE(Has(candidates, 0, 4));   // unknown sex joins both
  EXPECT_TRUE(Has(candidates, 3, 4));
  EXPECT_FALSE(Has(candidates, 0, 5));  // other wijk
  EXPECT_TRUE(Has(candidates, 0, 6));   // 1979 / 1980
  EXPECT_EQ(candidates.new_pairs_per_pass[0], static_cast<int64_t>(candidates.pairs.size()));
  // No duplicates, sorted, a < b.
  EXPECT_TRUE(std::is_sorted(candidates.pairs.begin(), candidates.pairs.end()));
  EXPECT_EQ(std::adjacent_find(candidates.pairs.begin(), candidates.pairs.end()), candidates.pairs.end());
}

TEST(BlockingTest, KeysAndCrossSourceMode) {
  std::vector<LinkRecord> records(4);
  records[0].household_pseudonym = records[1].household_pseudonym = records[2].household_pseudonym = "h";
  records[0].source = records[1].source = "a";
  records[2].source = "b";
  records[3].source = "b";
  records[3].bsn_pseudonym = records[0].bsn_pseudonym = "x";
  internal::EncodedRecords encoded = internal::Encode(records);
  BlockingOptions options;
  options.passes = {{BlockingKind::kBsn}, {BlockingKind::kHousehold}};
  CandidatePairs all = GenerateCandidatePairs(encoded, options, false, 1);
  EXPECT_EQ(all.pairs.size(), 4u);  // 0-3 by bsn; 0-1, 0-2, 1-2 by household
  EXPECT_EQ(all.new_pairs_per_pass, (std::vector<int64_t>{1, 3}));
  CandidatePairs across = GenerateCandidatePairs(encoded, options, true, 1);
  EXPECT_EQ(across.pairs.size(), 3u);  // 0-3, 0-2, 1-2
  EXPECT_FALSE(Has(across, 0, 1));
  EXPECT_TRUE(BlockingKeys(encoded, 3, {BlockingKind::kHousehold}, 1, 0).empty());
  EXPECT_EQ(BlockingKeys(encoded, 0, {BlockingKind::kHousehold}, 1, 0),
            BlockingKeys(encoded, 1, {BlockingKind::kHousehold}, 1, 0));
}

TEST(BlockingTest, OversizedBlocksAreSkipped) {
  std::vector<LinkRecord> records(30);
  for (LinkRecord& record : records) record.household_pseudonym = "same";
  internal::EncodedRecords encoded = internal::Encode(records);
  BlockingOptions options;
  options.passes = {{BlockingKind::kHousehold}};
  options.max_block_size = 29;
  CandidatePairs candidates = GenerateCandidatePairs(encoded, options, false, 1);
  EXPECT_TRUE(candidates.pairs.empty());
  EXPECT_EQ(candidates.oversized_blocks[0], 1);
  options.max_block_size = 30;
  EXPECT_EQ(GenerateCandidatePairs(encoded, options, false, 1).pairs.size(), 30u * 29 / 2);
}

TEST(BlockingTest, ClkLshFindsSimilarFiltersAndIsThreadIndependent) {
  testing::Population population = testing::MakePopulation(600, 2, 3);
  internal::EncodedRecords encoded = internal::Encode(population.records);
  BlockingOptions options;
  options.passes = {{BlockingKind::kClkBits, 32, 24}};
  CandidatePairs one = GenerateCandidatePairs(encoded, options, false, 1);
  CandidatePairs three = GenerateCandidatePairs(encoded, options, false, 3);
  EXPECT_EQ(one.pairs, three.pairs);
  // Identical filters always share every key; pairs found are far fewer than all pairs.
  int64_t identical = 0, found = 0;
  for (uint32_t a = 0; a < encoded.size; ++a) {
    for (uint32_t b = a + 1; b < encoded.size; ++b) {
      if (std::equal(encoded.Clk(a), encoded.Clk(a) + kClkWords, encoded.Clk(b))) {
        ++identical;
        found += Has(one, a, b);
      }
    }
  }
  EXPECT_GT(identical, 0);
  EXPECT_EQ(found, identical);
  double all_pairs = encoded.size * (encoded.size - 1) / 2.0;
  EXPECT_LT(static_cast<double>(one.pairs.size()), 0.1 * all_pairs);
}

}  // namespace
}  // namespace sz::linkage

namespace sz::linkage {
namespace {

TEST(BlockingTest, BitSamplingKeysWidenWithThePopulation) {
  BlockingOptions options;
  options.passes = {
      {BlockingKind::kHousehold}, {BlockingKind::kClkBits, 32, 24}, {BlockingKind::kYearSexClkBits, 8, 8}};
  EXPECT_EQ(EffectivePasses(options, 1000)[1].bits, 24);
  EXPECT_EQ(EffectivePasses(options, 25000)[1].bits, 24);
  EXPECT_EQ(EffectivePasses(options, 100000)[1].bits, 26);  // two doublings beyond 25,000
  EXPECT_EQ(EffectivePasses(options, 100000)[2].bits, 10);
  EXPECT_EQ(EffectivePasses(options, 100000)[0].bits, 0);  // other passes unchanged
  options.widen_from = 0;
  EXPECT_EQ(EffectivePasses(options, 100000)[1].bits, 24);
}

TEST(BlockingTest, IndexStreamsTheSamePairsFromAnyStartAndReusesScratch) {
  testing::Population population = testing::MakePopulation(400, 2, 5);
  internal::EncodedRecords encoded = internal::Encode(population.records);
  BlockingOptions options;
  CandidatePairs all = GenerateCandidatePairs(encoded, options, false, 2);
  CandidateIndex index(encoded, options, false);
  EXPECT_GT(index.memberships(), 0u);
  CandidateIndex::Scratch scratch;
  std::vector<uint32_t> partners, again;
  std::vector<uint8_t> found_by;
  std::vector<uint64_t> streamed;
  const auto min_partner = static_cast<uint32_t>(encoded.size / 2);
  for (uint32_t record = 0; record < encoded.size; ++record) {
    index.Partners(record, record + 1, scratch, partners, &found_by);
    ASSERT_EQ(found_by.size(), partners.size());
    std::sort(partners.begin(), partners.end());
    ASSERT_EQ(std::adjacent_find(partners.begin(), partners.end()), partners.end()) << "each partner once";
    for (uint32_t partner : partners) streamed.push_back(MakePair(record, partner));
    // Asking again with the same scratch gives the same partners (marks do not leak between calls),
    // and a higher minimum gives exactly the partners at or above it (incremental linking).
    index.Partners(record, std::max(record + 1, min_partner), scratch, again, nullptr);
    std::sort(again.begin(), again.end());
    std::vector<uint32_t> expected;
    for (uint32_t partner : partners) {
      if (partner >= min_partner) expected.push_back(partner);
    }
    ASSERT_EQ(again, expected) << "record " << record;
  }
  EXPECT_EQ(streamed, all.pairs);
  // Each pair is credited to the first pass that finds it.
  std::vector<int64_t> per_pass(index.passes().size(), 0);
  for (uint32_t record = 0; record < encoded.size; ++record) {
    index.Partners(record, record + 1, scratch, partners, &found_by);
    for (uint8_t pass : found_by) ++per_pass[pass];
  }
  EXPECT_EQ(per_pass, all.new_pairs_per_pass);
}

TEST(BlockingTest, DenseYearSexWijkBlocksAreRefinedByClkBits) {
  // Everyone born in one year, of one sex, in one wijk: one block of every record.
  testing::Population population = testing::MakePopulation(500, 2, 9);
  for (LinkRecord& record : population.records) {
    record.birth_year = 1980;
    record.sex = Sex::kVrouw;
    record.wijk = "WK015301";
  }
  internal::EncodedRecords encoded = internal::Encode(population.records);
  BlockingOptions options;
  options.passes = {{BlockingKind::kYearSexWijk}};
  CandidatePairs refined = GenerateCandidatePairs(encoded, options, false, 2);
  options.refine_above = 0;
  CandidatePairs whole = GenerateCandidatePairs(encoded, options, false, 2);
  const double all_pairs = encoded.size * (encoded.size - 1) / 2.0;
  EXPECT_EQ(static_cast<double>(whole.pairs.size()), all_pairs);
  ASSERT_EQ(refined.refined_blocks.size(), 1u);
  EXPECT_EQ(refined.refined_blocks[0], 2);  // the blocks of 1980 and of 1981 (±1 year)
  EXPECT_LT(static_cast<double>(refined.pairs.size()), 0.25 * all_pairs);
  // Records of one person with near-identical CLKs still meet.
  int64_t close = 0, found = 0;
  for (uint32_t a = 0; a < encoded.size; ++a) {
    for (uint32_t b = a + 1; b < encoded.size; ++b) {
      if (population.truth[a] != population.truth[b] || !encoded.HasClk(a) || !encoded.HasClk(b)) continue;
      if (internal::EncodedDice(encoded, a, b) < 0.9) continue;
      ++close;
      found += Has(refined, a, b);
    }
  }
  ASSERT_GT(close, 50);
  EXPECT_GT(static_cast<double>(found), 0.95 * static_cast<double>(close)) << found << " of " << close;
}

TEST(BlockingTest, BitSamplingKeysWidenUntilThePairsFitTheBudget) {
  testing::Population population = testing::MakePopulation(300, 2, 4);
  internal::EncodedRecords encoded = internal::Encode(population.records);
  BlockingOptions options;
  options.passes = {{BlockingKind::kClkBits, 8, 4}};  // 4 bits: a few huge blocks
  options.widen_from = 0;
  options.max_pairs_per_record = 3;
  CandidateIndex index(encoded, options, false, 2);
  ASSERT_EQ(index.passes().size(), 1u);
  EXPECT_GT(index.passes()[0].bits, 4);
  EXPECT_GT(index.widenings()[0], 0);
  EXPECT_LE(index.distinct_pair_bounds()[0], 3.0 * static_cast<double>(encoded.size));
  // Without a budget the narrow keys stay, and their blocks hold far more pairs.
  options.max_pairs_per_record = 0;
  CandidateIndex unbounded(encoded, options, false, 2);
  EXPECT_EQ(unbounded.passes()[0].bits, 4);
  EXPECT_GT(unbounded.pair_bounds()[0], 3.0 * static_cast<double>(encoded.size));
}

TEST(BlockingTest, IdenticalClksDoNotCountAgainstThePairBudget) {
  // 50 people with unrelated filters, each seen 12 times with the identical CLK (one person's
  // involvements at many desks): every table holds each person's 66 pairs, however wide its keys.
  std::vector<LinkRecord> records;
  uint64_t state = 12345;
  for (int person = 0; person < 50; ++person) {
    ClkWords words;
    for (uint64_t& word : words) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      word = state ^ (state >> 29);
    }
    for (int copy = 0; copy < 12; ++copy) {
      LinkRecord record;
      record.source = "a";
      record.clk = words;
      records.push_back(record);
    }
  }
  internal::EncodedRecords encoded = internal::Encode(records);
  BlockingOptions options;
  options.passes = {{BlockingKind::kClkBits, 8, 24}};
  options.widen_from = 0;
  options.max_pairs_per_record = 2;  // far below the 8 × 66 / 12 = 44 identical pairs per record
  CandidateIndex index(encoded, options, false, 2);
  const double identical = 8.0 * 50 * 66;
  EXPECT_GE(index.pair_bounds()[0], identical);
  EXPECT_LE(index.distinct_pair_bounds()[0], 2.0 * static_cast<double>(encoded.size));
  EXPECT_DOUBLE_EQ(index.pair_bounds()[0] - index.distinct_pair_bounds()[0], identical);
  EXPECT_EQ(index.passes()[0].bits, 24);  // not widened: only distinct pairs count
  EXPECT_EQ(index.widenings()[0], 0);
  // The copies of one person still meet.
  CandidatePairs candidates = GenerateCandidatePairs(encoded, options, false, 1);
  EXPECT_TRUE(Has(candidates, 0, 11));
  EXPECT_TRUE(Has(candidates, 12, 23));
}

TEST(BlockingTest, LargeTablesHoldExactlyThePairsThatShareAKey) {
  // Enough records that every table is sorted by the radix sort, not std::sort: the index must still
  // hold exactly the pairs of records that share a block key (computed here naively).
  testing::Population population = testing::MakePopulation(8000, 3, 31);
  internal::EncodedRecords encoded = internal::Encode(population.records);
  ASSERT_GT(encoded.size, 16384u);
  BlockingOptions options;
  options.passes = {{BlockingKind::kYearSexWijk}, {BlockingKind::kClkBits, 4, 20}};
  options.refine_above = 0;
  options.max_pairs_per_record = 0;
  options.widen_from = 0;
  options.max_block_size = 1u << 30;
  CandidatePairs candidates = GenerateCandidatePairs(encoded, options, false, 2);
  std::vector<uint64_t> expected;
  for (size_t pass = 0; pass < options.passes.size(); ++pass) {
    std::map<uint64_t, std::vector<uint32_t>> blocks;
    for (uint32_t record = 0; record < encoded.size; ++record) {
      for (uint64_t key : BlockingKeys(encoded, record, options.passes[pass], options.seed, static_cast<int>(pass))) {
        blocks[key].push_back(record);
      }
    }
    for (const auto& [key, members] : blocks) {
      for (size_t i = 0; i < members.size(); ++i) {
        for (size_t j = i + 1; j < members.size(); ++j) expected.push_back(MakePair(members[i], members[j]));
      }
    }
  }
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  ASSERT_GT(expected.size(), 10000u);
  EXPECT_EQ(candidates.pairs, expected);
}

TEST(BlockingTest, TheWidthIsChosenOnASampleAndCheckedOnTheWhole) {
  testing::Population population = testing::MakePopulation(8000, 2, 12);
  internal::EncodedRecords encoded = internal::Encode(population.records);
  BlockingOptions options;
  options.passes = {{BlockingKind::kClkBits, 8, 4}};  // 4 bits: huge blocks, far over the budget
  options.widen_from = 0;
  options.max_pairs_per_record = 40;
  options.sample_width_from = 0;  // exact: every try on all records
  CandidateIndex exact(encoded, options, false, 2);
  options.sample_width_from = 1000;
  CandidateIndex sampled(encoded, options, false, 2);
  EXPECT_GT(sampled.widenings()[0], 0);
  EXPECT_LE(sampled.distinct_pair_bounds()[0], 40.0 * static_cast<double>(encoded.size));  // checked on all
  EXPECT_LE(std::abs(sampled.passes()[0].bits - exact.passes()[0].bits), 2)
      << sampled.passes()[0].bits << " vs " << exact.passes()[0].bits;
  // Below the threshold nothing is sampled: the same index as the exact search.
  options.sample_width_from = encoded.size + 1;
  CandidateIndex small(encoded, options, false, 2);
  EXPECT_EQ(small.passes()[0].bits, exact.passes()[0].bits);
  EXPECT_EQ(small.memberships(), exact.memberships());
}

// The field-level passes against a slow reference over all pairs: every pair that shares a key by the
// passes' definitions (blocking.h) is a candidate, and blocking recall on the true pairs reaches 99.5%
// where the record-level passes alone miss pairs.
TEST(BlockingTest, FieldLevelPassesAgainstAllPairs) {
  privacy::Bytes key_bytes(32, 7);
  privacy::FieldEncoder encoder = privacy::FieldEncoder::Create(privacy::Key::FromBytes(key_bytes).value()).value();
  testing::Population population = testing::MakePopulation(300, 2, 21, 3, &encoder);
  const std::vector<LinkRecord>& records = population.records;
  internal::EncodedRecords encoded = internal::Encode(records);
  BlockingOptions field_level;
  field_level.passes = BlockingOptions::WithFieldLevel();
  CandidatePairs candidates = GenerateCandidatePairs(encoded, field_level, false, 2);
  CandidatePairs record_level = GenerateCandidatePairs(encoded, BlockingOptions{}, false, 2);

  using privacy::TextField;
  auto same = [](uint64_t x, uint64_t y) { return x != 0 && x == y; };
  int64_t true_pairs = 0, found = 0, found_record_level = 0;
  for (uint32_t a = 0; a < records.size(); ++a) {
    for (uint32_t b = a + 1; b < records.size(); ++b) {
      const privacy::FieldEncodings& x = *records[a].fields;
      const privacy::FieldEncodings& y = *records[b].fields;
      // The birth-date and Soundex × year passes are crossed with the sex; an unknown sex joins both.
      const bool sexes_agree =
          records[a].sex == Sex::kUnknown || records[b].sex == Sex::kUnknown || records[a].sex == records[b].sex;
      const bool near_address = same(x.Text(TextField::kLocality).exact, y.Text(TextField::kLocality).exact) ||
                                same(x.surname_phonetic, y.surname_phonetic) ||
                                same(x.given_phonetic, y.given_phonetic);
      bool shares_key =
          (same(x.Text(TextField::kGivenName).exact, y.Text(TextField::kGivenName).exact) &&
           same(x.surname_phonetic, y.surname_phonetic)) ||
          (same(x.Text(TextField::kSurname).exact, y.Text(TextField::kSurname).exact) &&
           same(x.given_phonetic, y.given_phonetic)) ||
          (sexes_agree && (same(x.date, y.date) || same(x.date_swapped, y.date) || same(x.date, y.date_swapped))) ||
          same(x.Text(TextField::kIdNumber).exact, y.Text(TextField::kIdNumber).exact) ||
          (same(x.Text(TextField::kPostcode).exact, y.Text(TextField::kPostcode).exact) &&
           same(x.house_number, y.house_number)) ||
          (same(x.Text(TextField::kStreet).exact, y.Text(TextField::kStreet).exact) &&
           same(x.house_number, y.house_number) && near_address) ||
          (sexes_agree && same(x.surname_phonetic, y.surname_phonetic) && records[a].birth_year != 0 &&
           records[a].birth_year == records[b].birth_year);
      // And the other way: a pair that shares none of the keys and none of the record-level ones is
      // not a candidate (the date passes do not pair records of different sexes).
      if (!shares_key && !Has(record_level, a, b)) {
        ASSERT_FALSE(Has(candidates, a, b)) << a << "-" << b;
      }
      if (shares_key) {
        ASSERT_TRUE(Has(candidates, a, b)) << a << "-" << b;
      }
      if (Has(record_level, a, b)) {
        ASSERT_TRUE(Has(candidates, a, b)) << "the record-level passes stay";
      }
      if (population.truth[a] != population.truth[b]) continue;
      ++true_pairs;
      found += Has(candidates, a, b);
      found_record_level += Has(record_level, a, b);
    }
  }
  ASSERT_GT(true_pairs, 200);
  EXPECT_GE(static_cast<double>(found), 0.995 * static_cast<double>(true_pairs));
  EXPECT_GE(found, found_record_level);
  // Without field encodings the field-level passes block nothing.
  std::vector<LinkRecord> plain = records;
  for (LinkRecord& record : plain) record.fields.reset();
  internal::EncodedRecords plain_encoded = internal::Encode(plain);
  EXPECT_EQ(GenerateCandidatePairs(plain_encoded, field_level, false, 2).pairs, record_level.pairs);
}

}  // namespace
}  // namespace sz::linkage
