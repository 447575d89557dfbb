// Comparison levels (comparison.h) and the columnar form the linker uses.
#include "linkage/comparison.h"

#include <gtest/gtest.h>

#include "linkage/internal/compare.h"
#include "linkage/internal/encoded_records.h"
#include "synthetic_people.h"

namespace sz::linkage {
namespace {

LinkRecord Base() {
  LinkRecord record;
  record.birth_year = 1980;
  record.sex = Sex::kMan;
  record.household_pseudonym = "h1";
  record.wijk = "WK015301";
  record.bsn_pseudonym = "b1";
  record.clk = testing::EncodeClk("jan", "jansen", "19800101");
  return record;
}

TEST(ComparisonTest, LevelsPerField) {
  LinkRecord a = Base(), b = Base();
  EXPECT_EQ(CompareRecords(a, b).level, (std::array<int8_t, kFieldCount>{0, 0, 0, 0, 0}));

  b.birth_year = 1981;
  b.sex = Sex::kVrouw;
  b.household_pseudonym = "h2";
  b.bsn_pseudonym = "b2";
  EXPECT_EQ(CompareRecords(a, b).level, (std::array<int8_t, kFieldCount>{0, 1, 1, 1, 1}));

  b.birth_year = 1983;
  b.wijk = "WK015302";
  EXPECT_EQ(CompareRecords(a, b).level[1], 2);
  EXPECT_EQ(CompareRecords(a, b).level[3], 2);

  b.birth_year = 0;
  b.sex = Sex::kUnknown;
  b.household_pseudonym = "";
  b.wijk = "";
  b.bsn_pseudonym = "";
  b.clk.reset();
  EXPECT_EQ(CompareRecords(a, b).level,
            (std::array<int8_t, kFieldCount>{kNullLevel, kNullLevel, kNullLevel, kNullLevel, kNullLevel}));

  // Same household overrides a missing wijk.
  b.household_pseudonym = "h1";
  EXPECT_EQ(CompareRecords(a, b).level[3], 0);
}

TEST(ComparisonTest, DiceBands) {
  ComparisonSettings settings;
  EXPECT_EQ(DiceLevel(1.0, true, settings), 0);
  EXPECT_EQ(DiceLevel(0.95, true, settings), 0);
  EXPECT_EQ(DiceLevel(0.949, true, settings), 1);
  EXPECT_EQ(DiceLevel(0.85, true, settings), 2);
  EXPECT_EQ(DiceLevel(0.75, true, settings), 3);
  EXPECT_EQ(DiceLevel(0.65, true, settings), 4);
  EXPECT_EQ(DiceLevel(0.1, true, settings), 5);
  EXPECT_EQ(DiceLevel(0.99, false, settings), kNullLevel);
  LinkRecord a = Base(), b = Base();
  b.clk = testing::EncodeClk("jan", "jansma", "19800101");
  int similar = CompareRecords(a, b).level[0];
  b.clk = testing::EncodeClk("kees", "visser", "19631230");
  int different = CompareRecords(a, b).level[0];
  EXPECT_GT(similar, 0);
  EXPECT_LT(similar, different);
  EXPECT_EQ(different, 5);
}

TEST(ComparisonTest, PatternIndexRoundTrips) {
  std::vector<bool> seen(kPatternCount, false);
  for (int pattern = 0; pattern < kPatternCount; ++pattern) {
    ComparisonVector gamma = PatternVector(static_cast<uint16_t>(pattern));
    for (int field = 0; field < kFieldCount; ++field) {
      EXPECT_GE(gamma.level[field], kNullLevel);
      EXPECT_LT(gamma.level[field], kLevelCount[field]);
    }
    EXPECT_EQ(PatternIndex(gamma), pattern);
  }
}

TEST(ComparisonTest, EncodedComparisonAgreesWithDefinition) {
  testing::Population population = testing::MakePopulation(120, 2, 7);
  internal::EncodedRecords encoded = internal::Encode(population.records);
  ComparisonSettings settings;
  for (uint32_t a = 0; a < encoded.size; ++a) {
    for (uint32_t b = a + 1; b < encoded.size; b += 7) {
      double dice = internal::EncodedDice(encoded, a, b);
      EXPECT_EQ(internal::CompareEncoded(encoded, a, b, dice, settings),
                CompareRecords(population.records[a], population.records[b], settings))
          << a << " " << b;
    }
  }
}

}  // namespace
}  // namespace sz::linkage
