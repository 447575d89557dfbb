// Record columns (record_columns.h): Permute moves every column together; LocalityOrder sorts by
// birth year, sex and wijk and links as well as record order; the field encodings held as interned ids
// and per-value filter tables compare exactly as the FieldEncodings themselves do.
#include "linkage/record_columns.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <tuple>

#include "linkage/comparison.h"
#include "linkage/evaluation.h"
#include "linkage/internal/compare.h"
#include "linkage/linker.h"
#include "privacy/field_encoder.h"
#include "privacy/key.h"
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

// Records whose field encodings collide often: few values per field, typos, swapped names, swapped day
// and month, missing parts, and some records with no field encodings at all.
std::vector<LinkRecord> FieldRecords(size_t count, uint64_t seed) {
  privacy::Bytes key_bytes(privacy::Key::kSize);
  for (size_t i = 0; i < key_bytes.size(); ++i) key_bytes[i] = static_cast<uint8_t>(7 * i + 3);
  privacy::FieldEncoder encoder = privacy::FieldEncoder::Create(privacy::Key::FromBytes(key_bytes).value()).value();
  std::mt19937_64 rng(seed);
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  auto pick = [&](const std::vector<std::string>& values, size_t first) {
    return values[rng() % std::min(first, values.size())];
  };
  std::vector<LinkRecord> records;
  for (size_t idx = 0; idx < count; ++idx) {
    LinkRecord record;
    record.source = "source" + std::to_string(rng() % 2);
    record.record_id = "r" + std::to_string(idx);
    record.birth_year = chance(0.1) ? 0 : 1980 + static_cast<int>(rng() % 4);
    record.sex = static_cast<Sex>(rng() % 3);
    record.bsn_pseudonym = chance(0.2) ? "bsn" + std::to_string(rng() % 20) : "";
    record.wijk = chance(0.8) ? "wijk" + std::to_string(rng() % 3) : "";
    std::string given = pick(testing::GivenNames(), 6), surname = pick(testing::Surnames(), 6);
    if (chance(0.2)) given = testing::Typo(given, rng);
    if (chance(0.2)) surname = testing::Typo(surname, rng);
    if (chance(0.1)) std::swap(given, surname);
    int day = 1 + static_cast<int>(rng() % 12), month = 1 + static_cast<int>(rng() % 12);
    if (chance(0.1)) std::swap(day, month);
    char date_text[16];
    std::snprintf(date_text, sizeof date_text, "%04d%02d%02d", std::max(record.birth_year, 1980), month, day);
    record.clk = testing::EncodeClk(given, surname, date_text);
    if (chance(0.1)) {
      records.push_back(record);  // no field encodings
      continue;
    }
    privacy::FieldValues values;
    if (chance(0.9)) values.given_names = given;
    if (chance(0.9)) values.surname = surname;
    if (chance(0.9) && record.birth_year != 0) values.birth_date = Date{record.birth_year, month, day};
    if (chance(0.8)) values.street = pick(testing::Streets(), 4);
    if (chance(0.1)) values.street = testing::Typo(values.street, rng);
    if (chance(0.8)) values.house_number = std::to_string(1 + rng() % 5);
    if (chance(0.8)) values.postcode = "750" + std::to_string(rng() % 4);
    if (chance(0.8)) values.locality = chance(0.8) ? "enschede" : "hengelo";
    if (chance(0.5)) values.id_number = std::to_string(1000 + rng() % 30);
    record.fields = encoder.Encode(values).value();
    records.push_back(record);
  }
  return records;
}

TEST(RecordColumnsTest, FieldIdsCompareAsTheFieldEncodingsDo) {
  const std::vector<LinkRecord> records = FieldRecords(300, 2027);
  const RecordColumns columns = Encode(records);
  std::vector<uint32_t> order(columns.size);
  std::iota(order.begin(), order.end(), 0u);
  std::shuffle(order.begin(), order.end(), std::mt19937_64(5));
  const RecordColumns permuted = Permute(columns, order);
  ComparisonSettings settings;
  std::set<Pattern> patterns;
  std::set<int> given_levels, date_levels;
  for (uint32_t a = 0; a < records.size(); ++a) {
    for (uint32_t b = 0; b < records.size(); ++b) {  // both orders: the date swap is one-sided
      if (a == b) continue;
      ComparisonVector expected = CompareRecords(records[a], records[b], settings);
      ASSERT_EQ(internal::CompareEncoded(columns, a, b, internal::EncodedDice(columns, a, b), settings), expected)
          << a << " " << b;
      patterns.insert(PatternIndex(expected));
      given_levels.insert(expected.level[static_cast<int>(ComparisonField::kGivenName)]);
      date_levels.insert(expected.level[static_cast<int>(ComparisonField::kBirthDate)]);
    }
  }
  std::vector<uint32_t> at(columns.size);  // where each record went
  for (uint32_t position = 0; position < order.size(); ++position) at[order[position]] = position;
  for (uint32_t a = 0; a < records.size(); a += 3) {
    for (uint32_t b = 0; b < records.size(); ++b) {
      if (a == b) continue;
      ASSERT_EQ(
          internal::CompareEncoded(permuted, at[a], at[b], internal::EncodedDice(permuted, at[a], at[b]), settings),
          CompareRecords(records[a], records[b], settings))
          << a << " " << b;
    }
  }
  // The records reach every kind of level, the swaps and missing ones included.
  EXPECT_GT(patterns.size(), 200u);
  EXPECT_TRUE(given_levels.count(kGivenNameSwapped) && given_levels.count(kNullLevel) && given_levels.count(0));
  EXPECT_TRUE(date_levels.count(kBirthDateSwapped) && date_levels.count(2) && date_levels.count(kNullLevel));
}

TEST(RecordColumnsTest, FieldIdsAreTheTagsInterned) {
  const std::vector<LinkRecord> records = FieldRecords(300, 11);
  const RecordColumns columns = Encode(records);
  ASSERT_EQ(columns.field_ids.size(), columns.size);
  EXPECT_EQ(columns.filter_conflicts, 0);
  using privacy::TextField;
  for (uint32_t a = 0; a < columns.size; ++a) {
    ASSERT_EQ(columns.Fields(a) != nullptr, records[a].fields.has_value()) << a;
    if (!records[a].fields) continue;
    const FieldIds& ids = *columns.Fields(a);
    const privacy::FieldEncodings& tags = *records[a].fields;
    for (int field = 0; field < privacy::kTextFieldCount; ++field) {
      auto text_field = static_cast<TextField>(field);
      // The tables give back each record's own tag and filter.
      ASSERT_EQ(columns.TextTag(text_field, ids.Text(text_field)), tags.Text(text_field).exact);
      ASSERT_EQ(columns.TextFilter(text_field, ids.Text(text_field)), tags.Text(text_field).bits);
      ASSERT_EQ(ids.Text(text_field) == 0, !tags.Text(text_field).present());
    }
    ASSERT_EQ(ids.date == 0, tags.date == 0);
    ASSERT_EQ(ids.date_swapped == 0, tags.date_swapped == 0);
    for (uint32_t b = 0; b < columns.size; ++b) {
      if (!records[b].fields) continue;
      const FieldIds& other_ids = *columns.Fields(b);
      const privacy::FieldEncodings& other = *records[b].fields;
      for (int field = 0; field < privacy::kTextFieldCount; ++field) {
        ASSERT_EQ(ids.text[field] == other_ids.text[field], tags.text[field].exact == other.text[field].exact);
      }
      ASSERT_EQ(ids.house_number == other_ids.house_number, tags.house_number == other.house_number);
      ASSERT_EQ(ids.surname_phonetic == other_ids.surname_phonetic, tags.surname_phonetic == other.surname_phonetic);
      ASSERT_EQ(ids.given_phonetic == other_ids.given_phonetic, tags.given_phonetic == other.given_phonetic);
      ASSERT_EQ(ids.date == other_ids.date, tags.date == other.date);
      ASSERT_EQ(ids.date_swapped == other_ids.date, tags.date_swapped == other.date);  // one id space
      ASSERT_EQ(ids.year_month == other_ids.year_month, tags.year_month == other.year_month);
      ASSERT_EQ(ids.year_day == other_ids.year_day, tags.year_day == other.year_day);
      ASSERT_EQ(ids.month_day == other_ids.month_day, tags.month_day == other.month_day);
    }
  }
  // One filter per distinct value: the tables are as long as the distinct tags, plus the missing one.
  for (int field = 0; field < privacy::kTextFieldCount; ++field) {
    std::set<uint64_t> distinct = {0};
    for (const LinkRecord& record : records) {
      if (record.fields) distinct.insert(record.fields->text[field].exact);
    }
    EXPECT_EQ(columns.text_tags[field].size(), distinct.size()) << field;
    EXPECT_EQ(columns.text_filters[field].size(), distinct.size()) << field;
  }

  // Permute moves the ids and keeps the tables.
  std::vector<uint32_t> order(columns.size);
  std::iota(order.begin(), order.end(), 0u);
  std::reverse(order.begin(), order.end());
  RecordColumns permuted = Permute(columns, order);
  for (uint32_t position = 0; position < permuted.size; ++position) {
    ASSERT_EQ(permuted.has_fields[position], columns.has_fields[order[position]]);
    ASSERT_EQ(permuted.field_ids[position], columns.field_ids[order[position]]);
  }
  EXPECT_EQ(permuted.text_tags, columns.text_tags);
  EXPECT_EQ(permuted.text_filters, columns.text_filters);

  // Without any field encodings there are no field columns at all.
  std::vector<LinkRecord> plain = records;
  for (LinkRecord& record : plain) record.fields.reset();
  RecordColumns plain_columns = Encode(plain);
  EXPECT_TRUE(plain_columns.field_ids.empty());
  EXPECT_TRUE(plain_columns.has_fields.empty());
  EXPECT_EQ(plain_columns.Fields(0), nullptr);
}

// A tag that arrives with another filter than its first record's (a damaged extract; the desk never
// makes one) keeps the first filter and is counted.
TEST(RecordColumnsTest, AFilterThatDisagreesWithItsTagIsCounted) {
  std::vector<LinkRecord> records = FieldRecords(20, 3);
  std::vector<size_t> with_surname;
  for (size_t idx = 0; idx < records.size(); ++idx) {
    if (records[idx].fields && records[idx].fields->Text(privacy::TextField::kSurname).present()) {
      with_surname.push_back(idx);
    }
  }
  ASSERT_GE(with_surname.size(), 2u);
  privacy::FieldFilter& first = records[with_surname[0]].fields->text[static_cast<int>(privacy::TextField::kSurname)];
  privacy::FieldFilter& second = records[with_surname[1]].fields->text[static_cast<int>(privacy::TextField::kSurname)];
  second.exact = first.exact;
  second.bits[0] ^= 1;
  ASSERT_NE(first.bits, second.bits);
  RecordColumns columns = Encode(records);
  EXPECT_EQ(columns.filter_conflicts, 1);
  const uint32_t id = columns.Fields(static_cast<uint32_t>(with_surname[1]))->Text(privacy::TextField::kSurname);
  EXPECT_EQ(id, columns.Fields(static_cast<uint32_t>(with_surname[0]))->Text(privacy::TextField::kSurname));
  EXPECT_EQ(columns.TextFilter(privacy::TextField::kSurname, id), first.bits);
}

}  // namespace
}  // namespace sz::linkage
