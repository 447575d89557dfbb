// Comparison levels (comparison.h) and the columnar form the linker uses.
#include "linkage/comparison.h"

#include <gtest/gtest.h>

#include <set>

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

// The levels of the record-level fields (the field-level ones null: no field encodings).
std::array<int8_t, kFieldCount> Levels(std::array<int8_t, kRecordFieldCount> record_level) {
  std::array<int8_t, kFieldCount> levels = ComparisonVector::Null();
  std::copy(record_level.begin(), record_level.end(), levels.begin());
  return levels;
}

TEST(ComparisonTest, LevelsPerField) {
  LinkRecord a = Base(), b = Base();
  EXPECT_EQ(CompareRecords(a, b).level, Levels({0, 0, 0, 0, 0}));

  b.birth_year = 1981;
  b.sex = Sex::kVrouw;
  b.household_pseudonym = "h2";
  b.bsn_pseudonym = "b2";
  EXPECT_EQ(CompareRecords(a, b).level, Levels({0, 1, 1, 1, 1}));

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
  EXPECT_EQ(CompareRecords(a, b).level, ComparisonVector::Null());

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
  // Every level of every field, with the other fields at varying levels.
  std::set<Pattern> seen;
  for (int field = 0; field < kFieldCount; ++field) {
    for (int level = kNullLevel; level < kLevelCount[field]; ++level) {
      ComparisonVector gamma;
      for (int other = 0; other < kFieldCount; ++other) {
        gamma.level[other] = static_cast<int8_t>((other * 7 + level + 3) % (kLevelCount[other] + 1) - 1);
      }
      gamma.level[field] = static_cast<int8_t>(level);
      Pattern pattern = PatternIndex(gamma);
      EXPECT_EQ(PatternVector(pattern), gamma);
      EXPECT_EQ(PatternLevel(pattern, field), level);
      EXPECT_EQ(PatternVector(WithLevel(pattern, field, kNullLevel)).level[field], kNullLevel);
      seen.insert(pattern);
    }
  }
  EXPECT_GT(seen.size(), static_cast<size_t>(kFieldCount * 3));
  EXPECT_EQ(PatternIndex(ComparisonVector{}), 0u);  // all null
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

// Field-level comparisons on hand-made pairs: every level of every field.
class FieldComparisonTest : public ::testing::Test {
 protected:
  static privacy::Key TestKey() {
    privacy::Bytes bytes(32);
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<uint8_t>(11 * i + 1);
    return privacy::Key::FromBytes(bytes).value();
  }
  static privacy::FieldValues Values() {
    privacy::FieldValues values{.given_names = "jonathan",
                                .surname = "hathaway",
                                .street = "forbes street",
                                .locality = "kellerberrin",
                                .postcode = "4510",
                                .house_number = "44",
                                .id_number = "7535316"};
    values.birth_date = Date{1930, 2, 13};
    return values;
  }
  LinkRecord Record(const privacy::FieldValues& values) {
    LinkRecord record = Base();
    record.household_pseudonym = "";
    record.bsn_pseudonym = "";
    record.birth_year = values.birth_date ? values.birth_date->year : 0;
    record.fields = encoder_.Encode(values).value();
    return record;
  }
  // The level of `field` when `change` is applied to the second record's values.
  template <typename Change>
  int LevelAfter(ComparisonField field, Change change) {
    privacy::FieldValues other = Values();
    change(other);
    return CompareRecords(Record(Values()), Record(other)).level[static_cast<int>(field)];
  }
  privacy::FieldEncoder encoder_ = privacy::FieldEncoder::Create(TestKey()).value();
};

TEST_F(FieldComparisonTest, IdenticalRecordsAgreeOnEveryFieldAndRecordLevelOnesGoNull) {
  LinkRecord a = Record(Values()), b = Record(Values());  // no household key (not a Dutch postcode)
  ComparisonVector gamma = CompareRecords(a, b);
  for (ComparisonField field : {ComparisonField::kGivenName, ComparisonField::kSurname, ComparisonField::kBirthDate,
                                ComparisonField::kPostcode, ComparisonField::kHouseNumber, ComparisonField::kStreet,
                                ComparisonField::kLocality, ComparisonField::kIdNumber}) {
    EXPECT_EQ(gamma.level[static_cast<int>(field)], 0) << FieldName(field);
  }
  // Counted once: the CLK, birth year and household are refined by the field-level ones.
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kClk)], kNullLevel);
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kBirthYear)], kNullLevel);
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kAddress)], kNullLevel);
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kSex)], 0);
  // The same household key is the whole address agreeing: counted once, in the household comparison,
  // not again in postcode, house number, street and locality.
  b.household_pseudonym = a.household_pseudonym = "h1";
  gamma = CompareRecords(a, b);
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kAddress)], 0);
  for (ComparisonField field : {ComparisonField::kPostcode, ComparisonField::kHouseNumber, ComparisonField::kStreet,
                                ComparisonField::kLocality}) {
    EXPECT_EQ(gamma.level[static_cast<int>(field)], kNullLevel) << FieldName(field);
  }
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kGivenName)], 0);
  // Other households: the address fields give the (fuzzy) evidence, the wijk levels step aside.
  b.household_pseudonym = "h2";
  gamma = CompareRecords(a, b);
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kAddress)], kNullLevel);
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kStreet)], 0);
  b.household_pseudonym = "h1";
  // Both with a BSN pseudonym: the BSN decides, the id number is not compared again.
  a.bsn_pseudonym = b.bsn_pseudonym = "b1";
  gamma = CompareRecords(a, b);
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kBsn)], 0);
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kIdNumber)], kNullLevel);
  // Only one side with field encodings: the record-level comparison as before.
  b.fields.reset();
  gamma = CompareRecords(a, b);
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kClk)], 0);
  EXPECT_EQ(gamma.level[static_cast<int>(ComparisonField::kGivenName)], kNullLevel);
}

TEST_F(FieldComparisonTest, NameLevels) {
  using F = ComparisonField;
  EXPECT_EQ(LevelAfter(F::kGivenName, [](auto& v) { v.given_names = "JONATHAN"; }), 0);
  EXPECT_EQ(LevelAfter(F::kGivenName, [](auto& v) { v.given_names = "jonathon"; }), 1);  // one edit
  EXPECT_EQ(LevelAfter(F::kGivenName, [](auto& v) { v.given_names = "jonatan"; }), 1);
  EXPECT_EQ(LevelAfter(F::kGivenName, [](auto& v) { v.given_names = "johnathen"; }), 2);  // two edits
  EXPECT_EQ(LevelAfter(F::kGivenName, [](auto& v) { v.given_names = "peter"; }), 4);
  EXPECT_EQ(LevelAfter(F::kGivenName, [](auto& v) { v.given_names = ""; }), kNullLevel);
  EXPECT_EQ(LevelAfter(F::kSurname, [](auto& v) { v.surname = "hathaway"; }), 0);
  EXPECT_EQ(LevelAfter(F::kSurname, [](auto& v) { v.surname = "hathawey"; }), 1);
  EXPECT_EQ(LevelAfter(F::kSurname, [](auto& v) { v.surname = "hatawey"; }), 2);
  EXPECT_EQ(LevelAfter(F::kSurname, [](auto& v) { v.surname = "bruhn"; }), 3);
  EXPECT_EQ(LevelAfter(F::kSurname, [](auto& v) { v.surname = ""; }), kNullLevel);
  // Swapped names: the given-name level says so and the surname is not counted a second time.
  auto swap = [](auto& v) {
    v.given_names = "hathaway";
    v.surname = "jonathan";
  };
  EXPECT_EQ(LevelAfter(F::kGivenName, swap), kGivenNameSwapped);
  EXPECT_EQ(LevelAfter(F::kSurname, swap), kNullLevel);
  auto swap_with_typo = [](auto& v) {
    v.given_names = "hathawey";
    v.surname = "jonathan";
  };
  EXPECT_EQ(LevelAfter(F::kGivenName, swap_with_typo), kGivenNameSwapped);
}

TEST_F(FieldComparisonTest, BirthDateLevels) {
  using F = ComparisonField;
  auto date = [](int year, int month, int day) { return [=](auto& v) { v.birth_date = Date{year, month, day}; }; };
  privacy::FieldValues swappable = Values();
  swappable.birth_date = Date{1930, 2, 11};
  LinkRecord a = Record(swappable);
  privacy::FieldValues swapped = swappable;
  swapped.birth_date = Date{1930, 11, 2};
  EXPECT_EQ(CompareRecords(a, Record(swapped)).level[static_cast<int>(F::kBirthDate)], kBirthDateSwapped);
  EXPECT_EQ(LevelAfter(F::kBirthDate, date(1930, 2, 13)), 0);
  EXPECT_EQ(LevelAfter(F::kBirthDate, date(1930, 2, 18)), 2);  // day differs
  EXPECT_EQ(LevelAfter(F::kBirthDate, date(1930, 7, 13)), 2);  // month differs
  EXPECT_EQ(LevelAfter(F::kBirthDate, date(1903, 2, 13)), 2);  // year differs
  EXPECT_EQ(LevelAfter(F::kBirthDate, date(1931, 8, 25)), 3);  // only the year is near
  EXPECT_EQ(LevelAfter(F::kBirthDate, date(1950, 8, 25)), 4);
  EXPECT_EQ(LevelAfter(F::kBirthDate, [](auto& v) { v.birth_date.reset(); }), kNullLevel);
}

TEST_F(FieldComparisonTest, AddressAndIdLevels) {
  using F = ComparisonField;
  EXPECT_EQ(LevelAfter(F::kPostcode, [](auto& v) { v.postcode = "4510"; }), 0);
  EXPECT_EQ(LevelAfter(F::kPostcode, [](auto& v) { v.postcode = "4511"; }), 1);
  EXPECT_EQ(LevelAfter(F::kPostcode, [](auto& v) { v.postcode = "2602"; }), 2);
  EXPECT_EQ(LevelAfter(F::kPostcode, [](auto& v) { v.postcode = ""; }), kNullLevel);
  EXPECT_EQ(LevelAfter(F::kHouseNumber, [](auto& v) { v.house_number = "45"; }), 1);
  EXPECT_EQ(LevelAfter(F::kHouseNumber, [](auto& v) { v.house_number = ""; }), kNullLevel);
  EXPECT_EQ(LevelAfter(F::kStreet, [](auto& v) { v.street = "Forbes  Street"; }), 0);
  EXPECT_EQ(LevelAfter(F::kStreet, [](auto& v) { v.street = "forbes stret"; }), 1);
  EXPECT_EQ(LevelAfter(F::kStreet, [](auto& v) { v.street = "forbs strt"; }), 2);
  EXPECT_EQ(LevelAfter(F::kStreet, [](auto& v) { v.street = "milne cove"; }), 3);
  EXPECT_EQ(LevelAfter(F::kLocality, [](auto& v) { v.locality = "kellerberin"; }), 1);
  EXPECT_EQ(LevelAfter(F::kLocality, [](auto& v) { v.locality = "beaconsfield upper"; }), 3);
  EXPECT_EQ(LevelAfter(F::kIdNumber, [](auto& v) { v.id_number = "7535316"; }), 0);
  EXPECT_EQ(LevelAfter(F::kIdNumber, [](auto& v) { v.id_number = "7535326"; }), 1);  // one digit
  EXPECT_EQ(LevelAfter(F::kIdNumber, [](auto& v) { v.id_number = "9497788"; }), 2);
  EXPECT_EQ(LevelAfter(F::kIdNumber, [](auto& v) { v.id_number = ""; }), kNullLevel);
  for (int field = kRecordFieldCount; field < kFieldCount; ++field) {
    for (int level = 0; level < kLevelCount[field]; ++level) {
      EXPECT_NE(LevelLabel(static_cast<ComparisonField>(field), level), "?");
    }
  }
}

TEST_F(FieldComparisonTest, EncodedComparisonAgreesWithDefinition) {
  testing::Population population = testing::MakePopulation(120, 2, 8, 3, &encoder_);
  population.records[3].fields.reset();  // a record without field encodings among them
  internal::EncodedRecords encoded = internal::Encode(population.records);
  ASSERT_EQ(encoded.field_ids.size(), encoded.size);
  for (uint32_t a = 0; a < encoded.size; ++a) {
    for (uint32_t b = a + 1; b < encoded.size; b += 5) {
      double dice = internal::EncodedDice(encoded, a, b);
      EXPECT_EQ(internal::CompareEncoded(encoded, a, b, dice, {}),
                CompareRecords(population.records[a], population.records[b]))
          << a << " " << b;
    }
  }
}

}  // namespace
}  // namespace sz::linkage
