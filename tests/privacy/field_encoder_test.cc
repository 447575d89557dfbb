// Field-level encodings (field_encoder.h): the documented construction, normalisation, similarity of
// near values, and the leak test — without the desk key a dictionary of plausible values matches no
// tag and no filter, while with the key it would (so the test can see a leak).
#include "privacy/field_encoder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "privacy/bytes.h"
#include "privacy/hash.h"
#include "privacy/hkdf.h"
#include "privacy/pseudonymiser.h"

namespace sz::privacy {
namespace {

Key FixedKey(uint8_t seed) {
  Bytes bytes(32);
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<uint8_t>(seed + 3 * i);
  return Key::FromBytes(bytes).value();
}

FieldEncoder MakeEncoder(const Key& key) { return FieldEncoder::Create(key).value(); }

FieldValues Jan() {
  FieldValues values{.given_names = "Jan Pieter",
                     .tussenvoegsel = "van der",
                     .surname = "Berg",
                     .street = "Kerkstraat",
                     .locality = "Enschede",
                     .postcode = "7511 JD",
                     .house_number = "12",
                     .house_number_addition = "a",
                     .id_number = "1234567"};
  values.birth_date = Date{1985, 4, 3};
  return values;
}

uint64_t ExpectedTag(const Key& key, const std::string& name, const std::string& message) {
  Bytes derived = HkdfSha256(key.bytes(), {}, AsBytes("samenzicht/field/" + name + "/v1"), 32).value();
  Sha256Digest digest = HmacSha256(derived, AsBytes(message)).value();
  uint64_t tag = 0;
  for (int byte = 7; byte >= 0; --byte) tag = (tag << 8) | digest[byte];
  return tag | 1;
}

FieldFilterWords ExpectedFilter(const Key& key, const std::string& name, const std::string& value) {
  Bytes derived = HkdfSha256(key.bytes(), {}, AsBytes("samenzicht/field/" + name + "/v1"), 32).value();
  FieldFilterWords bits{};
  std::string padded = " " + value + " ";
  for (size_t i = 0; i + 1 < padded.size(); ++i) {
    Sha256Digest digest = HmacSha256(derived, AsBytes(padded.substr(i, 2))).value();
    for (int bit = 0; bit < 6; ++bit) {
      size_t position = (digest[2 * bit] + 256 * size_t{digest[2 * bit + 1]}) % 512;
      bits[position / 64] |= uint64_t{1} << (position % 64);
    }
  }
  return bits;
}

TEST(FieldEncoderTest, DocumentedConstructionKnownAnswer) {
  Key key = FixedKey(5);
  FieldEncodings e = MakeEncoder(key).Encode(Jan()).value();
  const FieldFilter& given = e.Text(TextField::kGivenName);
  const FieldFilter& surname = e.Text(TextField::kSurname);
  EXPECT_EQ(given.exact, ExpectedTag(key, "exact-given-name", "jan"));
  EXPECT_EQ(given.bits, ExpectedFilter(key, "filter-names", "jan"));
  EXPECT_EQ(surname.exact, ExpectedTag(key, "exact-surname", "berg"));  // without tussenvoegsel
  EXPECT_EQ(surname.bits, ExpectedFilter(key, "filter-names", "berg"));
  EXPECT_EQ(e.Text(TextField::kStreet).bits, ExpectedFilter(key, "filter-street", "kerkstraat"));
  EXPECT_EQ(e.Text(TextField::kLocality).exact, ExpectedTag(key, "exact-locality", "enschede"));
  EXPECT_EQ(e.Text(TextField::kPostcode).exact, ExpectedTag(key, "exact-postcode", "7511JD"));
  EXPECT_EQ(e.Text(TextField::kIdNumber).bits, ExpectedFilter(key, "filter-id-number", "1234567"));
  EXPECT_EQ(e.house_number, ExpectedTag(key, "exact-house-number", "12|A"));
  EXPECT_EQ(e.surname_phonetic, ExpectedTag(key, "exact-surname-phonetic", "B620"));
  EXPECT_EQ(e.given_phonetic, ExpectedTag(key, "exact-given-phonetic", "J500"));
  EXPECT_EQ(e.date, ExpectedTag(key, "exact-birth-date", "d|1985-04-03"));
  EXPECT_EQ(e.date_swapped, ExpectedTag(key, "exact-birth-date", "d|1985-03-04"));
  EXPECT_EQ(e.year_month, ExpectedTag(key, "exact-birth-date", "ym|1985-04"));
  EXPECT_EQ(e.year_day, ExpectedTag(key, "exact-birth-date", "yd|1985-03"));
  EXPECT_EQ(e.month_day, ExpectedTag(key, "exact-birth-date", "md|04-03"));
  EXPECT_EQ(FieldEncoder::Bigrams("jan"), (std::vector<std::string>{" j", "ja", "an", "n "}));
}

TEST(FieldEncoderTest, WrittenDifferentlySameTagsTyposCloseFilters) {
  FieldEncoder encoder = MakeEncoder(FixedKey(1));
  FieldValues other = Jan();
  other.given_names = "JAN";
  other.surname = "berg, van der";
  other.tussenvoegsel = "";
  other.street = " kerk-straat ";
  other.locality = "ENSCHEDE";
  other.postcode = "7511jd";
  other.house_number = "12-A";
  other.house_number_addition = "";
  FieldEncodings a = encoder.Encode(Jan()).value(), b = encoder.Encode(other).value();
  EXPECT_EQ(a.Text(TextField::kGivenName), b.Text(TextField::kGivenName));
  EXPECT_EQ(a.Text(TextField::kSurname), b.Text(TextField::kSurname));
  EXPECT_EQ(a.Text(TextField::kLocality), b.Text(TextField::kLocality));
  EXPECT_EQ(a.Text(TextField::kPostcode), b.Text(TextField::kPostcode));
  EXPECT_EQ(a.house_number, b.house_number);
  EXPECT_NE(a.Text(TextField::kStreet).exact, b.Text(TextField::kStreet).exact);  // "kerk straat"
  EXPECT_GT(FieldDice(a.Text(TextField::kStreet).bits, b.Text(TextField::kStreet).bits), 0.75);

  other = Jan();
  other.surname = "Bergh";
  other.given_names = "Jna";
  FieldEncodings typo = encoder.Encode(other).value();
  double surname_dice = FieldDice(a.Text(TextField::kSurname).bits, typo.Text(TextField::kSurname).bits);
  EXPECT_GT(surname_dice, 0.6);
  EXPECT_LT(surname_dice, 1.0);
  other.surname = "Visser";
  FieldEncodings different = encoder.Encode(other).value();
  EXPECT_LT(FieldDice(a.Text(TextField::kSurname).bits, different.Text(TextField::kSurname).bits), 0.3);

  // Given name and surname share the filter key (swapped names can be seen), not the tag key.
  FieldValues swapped{.given_names = "Berg", .surname = "Jan"};
  FieldEncodings s = encoder.Encode(swapped).value();
  EXPECT_EQ(s.Text(TextField::kGivenName).bits, a.Text(TextField::kSurname).bits);
  EXPECT_NE(s.Text(TextField::kGivenName).exact, a.Text(TextField::kSurname).exact);
}

TEST(FieldEncoderTest, BirthDatePartsAndMissingValues) {
  FieldEncoder encoder = MakeEncoder(FixedKey(2));
  FieldValues a{}, b{}, c{};
  a.birth_date = Date{1985, 4, 3};
  b.birth_date = Date{1985, 3, 4};
  c.birth_date = Date{1985, 4, 25};
  FieldEncodings ea = encoder.Encode(a).value(), eb = encoder.Encode(b).value(), ec = encoder.Encode(c).value();
  EXPECT_EQ(ea.date_swapped, eb.date);
  EXPECT_EQ(eb.date_swapped, ea.date);
  EXPECT_EQ(ec.date_swapped, 0u);  // 25 is no month
  EXPECT_EQ(ea.year_month, ec.year_month);
  EXPECT_NE(ea.year_day, ec.year_day);
  FieldValues same_day{};
  same_day.birth_date = Date{1990, 5, 5};
  EXPECT_EQ(encoder.Encode(same_day).value().date_swapped, 0u);
  // Nothing given: everything missing.
  FieldEncodings none = encoder.Encode(FieldValues{}).value();
  EXPECT_EQ(none, FieldEncodings{});
  for (int field = 0; field < kTextFieldCount; ++field) EXPECT_FALSE(none.text[field].present());
}

TEST(FieldEncoderTest, TextFormRoundTripsAndTakesRoomOnlyForPresentParts) {
  FieldEncoder encoder = MakeEncoder(FixedKey(4));
  FieldValues everything = Jan();
  FieldValues names_only{.given_names = "Anna", .surname = "Jansen"};
  FieldValues typical = Jan();  // both names, birth date, address, no id number
  typical.id_number.clear();
  for (const FieldValues& values : {everything, names_only, typical, FieldValues{}}) {
    FieldEncodings encodings = encoder.Encode(values).value();
    std::string text = FieldEncodingsToText(encodings);
    Result<FieldEncodings> back = FieldEncodingsFromText(text);
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(*back, encodings);
  }
  // Layout: 3 header bytes, 72 per text field, 8 per other tag; base64 of it.
  EXPECT_EQ(FieldEncodingsToText(encoder.Encode(everything).value()).size(),
            668u);  // (3 + 6·72 + 8·8) = 499 bytes → 668
  EXPECT_EQ(FieldEncodingsToText(encoder.Encode(FieldValues{}).value()), "AQAA");
  // 5 text fields, house number, 2 phonetic codes, date, its swap and 3 date parts: 427 bytes → 572.
  EXPECT_EQ(FieldEncodingsToText(encoder.Encode(typical).value()).size(), 572u);
}

TEST(FieldEncoderTest, TextFormRejectsDamage) {
  FieldEncoder encoder = MakeEncoder(FixedKey(4));
  std::string text = FieldEncodingsToText(encoder.Encode(Jan()).value());
  Bytes bytes = Base64Decode(text).value();
  auto fails = [](const Bytes& damaged) { return !FieldEncodingsFromText(Base64Encode(damaged)).ok(); };
  EXPECT_FALSE(FieldEncodingsFromText("niet base64!").ok());
  EXPECT_FALSE(FieldEncodingsFromText("").ok());
  Bytes truncated(bytes.begin(), bytes.end() - 8);
  EXPECT_TRUE(fails(truncated));
  Bytes longer = bytes;
  longer.insert(longer.end(), 8, 0x11);
  EXPECT_TRUE(fails(longer));
  Bytes version = bytes;
  version[0] = 2;
  EXPECT_TRUE(fails(version));
  Bytes unknown = bytes;
  unknown[2] |= 0x40;  // part 14
  EXPECT_TRUE(fails(unknown));
  Bytes zero_tag = bytes;
  std::fill(zero_tag.begin() + 3, zero_tag.begin() + 11, 0);  // the given name's tag
  EXPECT_TRUE(fails(zero_tag));
  Bytes empty_filter = bytes;
  std::fill(empty_filter.begin() + 11, empty_filter.begin() + 75, 0);  // the given name's filter
  EXPECT_TRUE(fails(empty_filter));
  // Date parts without the date: drop the date's bit and its 8 bytes.
  FieldEncodings parts_only = encoder.Encode(Jan()).value();
  EXPECT_TRUE(FieldEncodingsFromText(FieldEncodingsToText(parts_only)).ok());
  parts_only.date = 0;
  EXPECT_FALSE(FieldEncodingsFromText(FieldEncodingsToText(parts_only)).ok());
  // The messages describe the fault, never the content.
  Result<FieldEncodings> bad = FieldEncodingsFromText(Base64Encode(truncated));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().find(text.substr(0, 12)), std::string::npos);
  EXPECT_NE(bad.status().message().find("veldcodering"), std::string::npos);
}

TEST(FieldEncoderTest, Soundex) {
  EXPECT_EQ(Soundex("robert"), "R163");
  EXPECT_EQ(Soundex("rupert"), "R163");
  EXPECT_EQ(Soundex("ashcraft"), "A261");
  EXPECT_EQ(Soundex("tymczak"), "T522");
  EXPECT_EQ(Soundex("pfister"), "P236");
  EXPECT_EQ(Soundex("lee"), "L000");
  EXPECT_EQ(Soundex("123"), "");
  EXPECT_EQ(NormaliseAddressText("  Kerk-Straat  12 "), "kerk straat 12");
}

// The leak test. An analyst at the hub holds the encodings and a dictionary of every plausible value
// (here: the values themselves, variants and neighbours), but not the desk key. Encoding the dictionary
// under any key but the desk's — a guessed key, the all-zero key, or no key at all (plain SHA-256
// bigram hashing, as an unkeyed Bloom filter would be) — matches no tag and gives filters that are no
// closer to the real ones than a stranger's. Encoding it under the desk key would match everything:
// the check below that it does shows the test would notice a leak.
TEST(FieldEncoderTest, NoValueRecoverableByDictionaryWithoutTheKey) {
  Key desk_key = FixedKey(9);
  std::vector<FieldValues> people;
  const std::vector<std::string> given = {"jan", "johanna", "sarah", "jacob", "olivia", "nicholas"};
  const std::vector<std::string> surname = {"berg", "jansen", "bruhn", "lanyon", "white", "hathaway"};
  for (size_t idx = 0; idx < given.size(); ++idx) {
    FieldValues values{.given_names = given[idx],
                       .surname = surname[idx],
                       .street = "forbes street",
                       .locality = "kellerberrin",
                       .postcode = std::to_string(4510 + idx),
                       .house_number = std::to_string(40 + idx),
                       .id_number = std::to_string(7535316 + idx)};
    values.birth_date = Date{1930 + static_cast<int>(idx), 2, 13};
    people.push_back(values);
  }
  FieldEncoder desk = MakeEncoder(desk_key);
  std::vector<FieldEncodings> published;
  for (const FieldValues& values : people) published.push_back(desk.Encode(values).value());

  auto tags_of = [](const FieldEncodings& e) {
    std::vector<uint64_t> tags = {e.house_number, e.surname_phonetic, e.given_phonetic, e.date,
                                  e.date_swapped, e.year_month,       e.year_day,       e.month_day};
    for (const FieldFilter& filter : e.text) tags.push_back(filter.exact);
    return tags;
  };
  std::set<uint64_t> published_tags;
  for (const FieldEncodings& e : published) {
    for (uint64_t tag : tags_of(e)) {
      if (tag != 0) published_tags.insert(tag);
    }
  }

  Bytes zero(32, 0);
  for (const Key& guess : {FixedKey(10), Key::FromBytes(zero).value()}) {
    FieldEncoder attacker = MakeEncoder(guess);
    for (size_t idx = 0; idx < people.size(); ++idx) {
      FieldEncodings tried = attacker.Encode(people[idx]).value();
      for (uint64_t tag : tags_of(tried)) {
        if (tag != 0) {
          EXPECT_EQ(published_tags.count(tag), 0u);
        }
      }
      for (int field = 0; field < kTextFieldCount; ++field) {
        EXPECT_LT(FieldDice(tried.text[field].bits, published[idx].text[field].bits), 0.5) << "field " << field;
      }
    }
  }
  // No key at all: bigrams hashed with plain SHA-256 into the same positions.
  for (size_t idx = 0; idx < people.size(); ++idx) {
    FieldFilterWords unkeyed{};
    std::string padded = " " + surname[idx] + " ";
    for (size_t i = 0; i + 1 < padded.size(); ++i) {
      Sha256Digest digest = Sha256(AsBytes(padded.substr(i, 2))).value();
      for (int bit = 0; bit < 6; ++bit) {
        size_t position = (digest[2 * bit] + 256 * size_t{digest[2 * bit + 1]}) % 512;
        unkeyed[position / 64] |= uint64_t{1} << (position % 64);
      }
    }
    EXPECT_LT(FieldDice(unkeyed, published[idx].Text(TextField::kSurname).bits), 0.5);
  }
  // With the desk key the same dictionary matches every value: the test would see a leak.
  FieldEncoder insider = MakeEncoder(desk_key);
  for (size_t idx = 0; idx < people.size(); ++idx) {
    EXPECT_EQ(insider.Encode(people[idx]).value(), published[idx]);
  }
}

TEST(FieldEncoderTest, PseudonymiserMakesThemOnlyWhenAsked) {
  Key key = FixedKey(3);
  ClkSchema schema = ReadClkSchemaFile(std::string(SZ_SOURCE_DIR) + "/config/linkage-schema.json").value();
  PersonIdentity person{.bsn = "123456789",
                        .given_names = "Jan",
                        .surname = "Berg",
                        .birth_date = "1985-04-03",
                        .postcode = "2602",
                        .house_number = "5",
                        .street = "milne cove",
                        .locality = "wellwod"};
  Pseudonyms plain = Pseudonymiser::Create(key, schema).value().Pseudonymise(person).value();
  EXPECT_FALSE(plain.fields.has_value());
  Pseudonyms with = Pseudonymiser::Create(key, schema, {.field_encodings = true}).value().Pseudonymise(person).value();
  ASSERT_TRUE(with.fields.has_value());
  // The BSN fails the elfproef and the postcode is not Dutch: no pseudonyms, but keyed field encodings.
  EXPECT_TRUE(with.bsn_pseudonym.empty());
  EXPECT_TRUE(with.address_pseudonym.empty());
  EXPECT_TRUE(with.fields->Text(TextField::kIdNumber).present());
  EXPECT_TRUE(with.fields->Text(TextField::kPostcode).present());
  EXPECT_TRUE(with.fields->Text(TextField::kStreet).present());
  EXPECT_NE(with.fields->house_number, 0u);
  FieldValues values{.given_names = "Jan",
                     .surname = "Berg",
                     .street = "milne cove",
                     .locality = "wellwod",
                     .postcode = "2602",
                     .house_number = "5",
                     .id_number = "123456789"};
  values.birth_date = Date{1985, 4, 3};
  EXPECT_EQ(*with.fields, MakeEncoder(key).Encode(values).value());
  EXPECT_EQ(with.clk, plain.clk);  // the record-level encodings are unchanged
}

}  // namespace
}  // namespace sz::privacy
