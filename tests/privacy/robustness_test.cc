// Untrusted input never crashes the parsers and keeps their invariants (a small deterministic fuzz:
// random bytes, random mutations of valid inputs). STYLE.md: fuzz everything that parses input.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "privacy/address.h"
#include "privacy/bsn.h"
#include "privacy/clk_encoder.h"
#include "privacy/clk_schema.h"
#include "privacy/name_normaliser.h"

namespace sz::privacy {
namespace {

std::string RandomText(std::mt19937& rng, size_t max_length) {
  static const std::vector<std::string> pieces = {"a", "Z", " ", ".", ",", "'", "’", "-", "é", "ë", "Ĳ", "ß", "\xff",
                                                  "\xc3", "van", "der", "'t", "d'", "v.d.", "0", "9", "\t", "\n",
                                                  "\xe2\x80", "Д", "%", "%Y", "%m", "%d", "{", "}", "\"", ":"};
  std::string out;
  size_t length = rng() % (max_length + 1);
  for (size_t i = 0; i < length; ++i) {
    if (rng() % 4 == 0) {
      out.push_back(static_cast<char>(rng() % 256));
    } else {
      out += pieces[rng() % pieces.size()];
    }
  }
  return out;
}

TEST(RobustnessTest, NameFunctionsKeepTheirInvariants) {
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    std::string text = RandomText(rng, 12);
    std::string folded = FoldName(text);
    EXPECT_EQ(folded.find("  "), std::string::npos);
    EXPECT_TRUE(folded.empty() || (folded.front() != ' ' && folded.back() != ' '));
    for (char c : folded) EXPECT_FALSE(c >= 'A' && c <= 'Z');
    EXPECT_EQ(FoldName(folded), folded) << "folding is idempotent";

    SurnameParts parts = SplitSurname(RandomText(rng, 4), text);
    EXPECT_EQ(parts.surname.find("  "), std::string::npos);
    EXPECT_EQ(parts.surname.find('\''), std::string::npos);
    GivenNames given = NormaliseGivenNames(text);
    EXPECT_GE(given.initials.size(), given.names.size());

    BsnCheck bsn = CheckBsn(text);
    if (bsn.status == BsnStatus::kValid) {
      EXPECT_EQ(bsn.bsn.size(), 9u);
    }
    Result<std::string> postcode = NormalisePostcode(text);
    if (postcode.ok()) {
      EXPECT_EQ(postcode->size(), 6u);
    }
    Result<HouseNumber> number = ParseHouseNumber(text, RandomText(rng, 3));
    if (number.ok()) {
      EXPECT_GT(number->number, 0);
    }
  }
}

TEST(RobustnessTest, SchemaParserAndEncoderSurviveMutations) {
  std::ifstream in(std::string(SZ_SHARED_DIR) + "/refdata/clk/schema_v3_example.json");
  std::stringstream content;
  content << in.rdbuf();
  const std::string original = content.str();
  ASSERT_FALSE(original.empty());
  std::mt19937 rng(5);
  int parsed = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string mutated = original;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int edit = 0; edit < edits; ++edit) {
      size_t position = rng() % mutated.size();
      switch (rng() % 3) {
        case 0: mutated[position] = static_cast<char>(rng() % 128); break;
        case 1: mutated.erase(position, 1 + rng() % 8); break;
        default: mutated.insert(position, RandomText(rng, 3)); break;
      }
    }
    Result<ClkSchema> schema = ParseClkSchema(mutated);
    if (!schema.ok()) {
      EXPECT_EQ(schema.status().code(), StatusCode::kInvalidArgument);
      continue;
    }
    ++parsed;
    Result<ClkEncoder> encoder = ClkEncoder::Create(*schema, AsBytes("s"));
    if (!encoder.ok()) continue;
    std::vector<std::string> values(schema->features.size());
    for (std::string& value : values) value = RandomText(rng, 6);
    Result<Clk> clk = encoder->Encode(values);
    if (clk.ok()) {
      EXPECT_EQ(clk->size(), static_cast<size_t>(schema->l));
    }
  }
  EXPECT_GT(parsed, 0);
}

}  // namespace
}  // namespace sz::privacy
