// The CLK encoder against clkhash: /work/shared/refdata/clk holds CLKs that clkhash itself produced
// for schema_v3_example.json, records.csv and the secret "correct horse battery staple".
#include "privacy/clk_encoder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "privacy/internal/clk_tokens.h"

namespace sz::privacy {
namespace {

const std::string kRefDir = std::string(SZ_SHARED_DIR) + "/refdata/clk";
constexpr std::string_view kSecret = "correct horse battery staple";

std::vector<std::string> Split(const std::string& line, char separator) {
  std::vector<std::string> out;
  std::string cell;
  std::stringstream stream(line);
  while (std::getline(stream, cell, separator)) out.push_back(cell);
  if (!line.empty() && line.back() == separator) out.push_back("");
  return out;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

TEST(ClkEncoderTest, ReproducesClkhashKnownAnswersByteForByte) {
  Result<ClkSchema> schema = ReadClkSchemaFile(kRefDir + "/schema_v3_example.json");
  ASSERT_TRUE(schema.ok()) << schema.status().ToString();
  Result<ClkEncoder> encoder = ClkEncoder::Create(*schema, AsBytes(kSecret));
  ASSERT_TRUE(encoder.ok()) << encoder.status().ToString();

  std::vector<std::string> records = ReadLines(kRefDir + "/records.csv");
  std::vector<std::string> expected = ReadLines(kRefDir + "/expected_clks.txt");
  ASSERT_GE(records.size(), 2u);
  ASSERT_EQ(records.size() - 1, expected.size());
  for (size_t row = 1; row < records.size(); ++row) {
    std::vector<std::string> values = Split(records[row], ',');
    std::vector<std::string> answer = Split(expected[row - 1], ' ');
    ASSERT_EQ(answer.size(), 3u);
    SCOPED_TRACE(answer[0]);
    ASSERT_EQ(values[0], answer[0]);
    Result<Clk> clk = encoder->Encode(values);
    ASSERT_TRUE(clk.ok()) << clk.status().ToString();
    EXPECT_EQ(clk->size(), 1024u);
    EXPECT_EQ(std::to_string(clk->Popcount()), answer[1]);
    EXPECT_EQ(clk->ToBase64(), answer[2]);
  }
}

// Cases the clkhash-made vectors do not cover (diacritics and other scripts in n-grams, doubleHash
// with and without prevent_singularity, trigrams, XOR folding, SHA512 HKDF, %d-%m-%Y dates, numeric
// floats with fractional_precision, replaceWith, enum), against the plain Python re-statement of
// clkhash's method in tests/data/privacy/reference_clk.py.
TEST(ClkEncoderTest, DutchSchemaMatchesPythonReference) {
  const std::string dir = std::string(SZ_TEST_DATA_DIR) + "/privacy";
  Result<ClkSchema> schema = ReadClkSchemaFile(dir + "/dutch_schema.json");
  ASSERT_TRUE(schema.ok()) << schema.status().ToString();
  Result<ClkEncoder> encoder = ClkEncoder::Create(*schema, AsBytes("geheim van de desk"));
  ASSERT_TRUE(encoder.ok()) << encoder.status().ToString();
  std::vector<std::string> records = ReadLines(dir + "/dutch_records.csv");
  std::vector<std::string> expected = ReadLines(dir + "/dutch_clks.txt");
  ASSERT_EQ(records.size() - 1, expected.size());
  for (size_t row = 1; row < records.size(); ++row) {
    std::vector<std::string> values = Split(records[row], ',');
    std::vector<std::string> answer = Split(expected[row - 1], ' ');
    SCOPED_TRACE(answer[0]);
    Result<Clk> clk = encoder->Encode(values);
    ASSERT_TRUE(clk.ok()) << clk.status().ToString();
    EXPECT_EQ(clk->size(), 512u);
    EXPECT_EQ(std::to_string(clk->Popcount()), answer[1]);
    EXPECT_EQ(clk->ToBase64(), answer[2]);
  }
}

TEST(ClkEncoderTest, DifferentSecretGivesUnrelatedClk) {
  Result<ClkSchema> schema = ReadClkSchemaFile(kRefDir + "/schema_v3_example.json");
  ASSERT_TRUE(schema.ok());
  Result<ClkEncoder> a = ClkEncoder::Create(*schema, AsBytes(kSecret));
  Result<ClkEncoder> b = ClkEncoder::Create(*schema, AsBytes("another secret"));
  ASSERT_TRUE(a.ok() && b.ok());
  Result<Clk> ca = a->Encode({"r", "michaela", "neumann", "19151111", "4223", "8"});
  Result<Clk> cb = b->Encode({"r", "michaela", "neumann", "19151111", "4223", "8"});
  ASSERT_TRUE(ca.ok() && cb.ok());
  EXPECT_NE(ca->ToBase64(), cb->ToBase64());
}

ClkFeature Feature(ClkFeatureType type, ClkComparison comparison) {
  ClkFeature feature;
  feature.identifier = "f";
  feature.format.type = type;
  feature.hashing.comparison = comparison;
  feature.hashing.bits_per_token = 10;
  return feature;
}

std::vector<std::string> Tokens(const ClkFeature& feature, std::string_view value) {
  Result<std::u32string> formatted = internal::FormatClkValue(feature, value);
  EXPECT_TRUE(formatted.ok()) << formatted.status().ToString();
  if (!formatted.ok()) return {};
  Result<std::vector<std::u32string>> tokens = internal::TokenizeClkValue(feature.hashing.comparison, *formatted);
  EXPECT_TRUE(tokens.ok());
  std::vector<std::string> out;
  for (const auto& token : *tokens) {
    std::string utf8;
    for (char32_t c : token) {
      if (c < 0x80) {
        utf8.push_back(static_cast<char>(c));
      } else {
        utf8 += "<" + std::to_string(static_cast<uint32_t>(c)) + ">";
      }
    }
    out.push_back(utf8);
  }
  return out;
}

TEST(ClkTokensTest, NgramsAsClkhashDocuments) {
  ClkComparison bigram{ClkComparisonType::kNgram, 2, false};
  EXPECT_EQ(Tokens(Feature(ClkFeatureType::kString, bigram), "clkhash"),
            (std::vector<std::string>{" c", "cl", "lk", "kh", "ha", "as", "sh", "h "}));
  ClkComparison positional{ClkComparisonType::kNgram, 2, true};
  EXPECT_EQ(Tokens(Feature(ClkFeatureType::kString, positional), "clkhash"),
            (std::vector<std::string>{"1  c", "2 cl", "3 lk", "4 kh", "5 ha", "6 as", "7 sh", "8 h "}));
  ClkComparison unigram{ClkComparisonType::kNgram, 1, true};
  EXPECT_EQ(Tokens(Feature(ClkFeatureType::kString, unigram), "ab"), (std::vector<std::string>{"1 a", "2 b"}));
  EXPECT_TRUE(Tokens(Feature(ClkFeatureType::kString, bigram), "").empty());
  // n-grams are over code points, not bytes: "ë" is one character.
  EXPECT_EQ(Tokens(Feature(ClkFeatureType::kString, bigram), "\xc3\xabr"),
            (std::vector<std::string>{" <235>", "<235>r", "r "}));
}

TEST(ClkTokensTest, NumericNeighbourhoodsAsClkhashDocuments) {
  // comparators.py: threshold 8, resolution 2, x = 25 → [88, 96, 104, 112, 120].
  ClkComparison numeric{ClkComparisonType::kNumeric};
  numeric.threshold_distance = 8;
  numeric.resolution = 2;
  EXPECT_EQ(Tokens(Feature(ClkFeatureType::kInteger, numeric), "25"),
            (std::vector<std::string>{"88", "96", "104", "112", "120"}));
  EXPECT_EQ(Tokens(Feature(ClkFeatureType::kInteger, numeric), " +25 "),
            (std::vector<std::string>{"88", "96", "104", "112", "120"}));
  // Floats truncate (fractional_precision 0), negative values use Python's floor modulo.
  EXPECT_EQ(Tokens(Feature(ClkFeatureType::kString, numeric), "25.9"),
            (std::vector<std::string>{"88", "96", "104", "112", "120"}));
  EXPECT_EQ(Tokens(Feature(ClkFeatureType::kInteger, numeric), "-3"),
            (std::vector<std::string>{"-24", "-16", "-8", "0", "8"}));
}

TEST(ClkTokensTest, DatesFollowStrptimeAndBecomeYmd) {
  ClkComparison exact{ClkComparisonType::kExact};
  ClkFeature date = Feature(ClkFeatureType::kDate, exact);
  date.format.date_format = "%d-%m-%Y";
  EXPECT_EQ(Tokens(date, "1-2-1980"), (std::vector<std::string>{"19800201"}));
  EXPECT_EQ(Tokens(date, "29-02-2000"), (std::vector<std::string>{"20000229"}));
  EXPECT_EQ(internal::FormatClkValue(date, "29-02-1900").status().code(), StatusCode::kDataError);
  EXPECT_EQ(internal::FormatClkValue(date, "01-02-1980x").status().code(), StatusCode::kDataError);
  date.format.date_format = "%Y%m%d";
  EXPECT_EQ(Tokens(date, "19151111"), (std::vector<std::string>{"19151111"}));
  date.format.date_format = "%d %b %Y";
  EXPECT_EQ(Tokens(date, "3 MAR  1999"), (std::vector<std::string>{"19990303"}));
}

TEST(ClkTokensTest, MissingValueSentinelIsReplacedWithoutValidation) {
  ClkComparison exact{ClkComparisonType::kExact};
  ClkFeature feature = Feature(ClkFeatureType::kInteger, exact);
  feature.hashing.missing_value = ClkMissingValue{"N/A", std::string("0")};
  EXPECT_EQ(Tokens(feature, "N/A"), (std::vector<std::string>{"0"}));
  feature.hashing.missing_value = ClkMissingValue{"", std::nullopt};
  EXPECT_TRUE(Tokens(feature, "").empty());
  EXPECT_EQ(internal::FormatClkValue(feature, "x1").status().code(), StatusCode::kDataError);
}

TEST(ClkTokensTest, ValidationMessagesDoNotQuoteTheValue) {
  ClkComparison exact{ClkComparisonType::kExact};
  ClkFeature feature = Feature(ClkFeatureType::kString, exact);
  feature.format.max_length = 3;
  Status status = internal::FormatClkValue(feature, "geheimnaam").status();
  EXPECT_EQ(status.code(), StatusCode::kDataError);
  EXPECT_EQ(status.message().find("geheimnaam"), std::string::npos);
  feature.format.max_length.reset();
  feature.format.encoding = ClkTextEncoding::kAscii;
  EXPECT_EQ(internal::FormatClkValue(feature, "Ren\xc3\xa9").status().code(), StatusCode::kDataError);
  feature.format.encoding = ClkTextEncoding::kUtf8;
  feature.format.pattern = "[a-z]+";
  EXPECT_TRUE(internal::FormatClkValue(feature, "abc").ok());
  EXPECT_FALSE(internal::FormatClkValue(feature, "abc1").ok());
}

TEST(ClkSchemaTest, DigestIsSha256OfTheText) {
  const char* text = R"({"version": 3, "clkConfig": {"l": 64, "kdf": {"type": "HKDF"}}, "features": []})";
  Result<ClkSchema> schema = ParseClkSchema(text);
  ASSERT_TRUE(schema.ok());
  EXPECT_EQ(schema->digest, HexEncode(Sha256(AsBytes(text)).value()));
  Result<ClkSchema> default_length = ParseClkSchema(R"({"version": 3, "clkConfig": {"kdf": {"type": "HKDF"}},
    "features": [{"identifier": "a", "ignored": true}]})");
  ASSERT_TRUE(default_length.ok()) << default_length.status().ToString();
  EXPECT_EQ(default_length->l, 1024);
  EXPECT_EQ(default_length->kdf.key_size, 64);
  EXPECT_EQ(default_length->kdf.hash, HashAlgorithm::kSha256);
}

TEST(ClkSchemaTest, RejectsInvalidSchemasWithPath) {
  EXPECT_EQ(ParseClkSchema("{").status().code(), StatusCode::kInvalidArgument);
  Status wrong_version = ParseClkSchema(R"({"version": 2, "clkConfig": {}, "features": []})").status();
  EXPECT_NE(wrong_version.message().find("version"), std::string::npos);
  const char* two_strategies = R"({"version": 3, "clkConfig": {"l": 1024, "kdf": {"type": "HKDF"}},
    "features": [{"identifier": "a", "format": {"type": "string"},
      "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerToken": 2, "bitsPerFeature": 3}}}]})";
  Status status = ParseClkSchema(two_strategies).status();
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("features[0].hashing.strategy"), std::string::npos) << status.message();
  const char* bad_directive = R"({"version": 3, "clkConfig": {"l": 1024, "kdf": {"type": "HKDF"}},
    "features": [{"identifier": "a", "format": {"type": "date", "format": "%Q"},
      "hashing": {"comparison": {"type": "exact"}, "strategy": {"bitsPerToken": 2}}}]})";
  EXPECT_EQ(ParseClkSchema(bad_directive).status().code(), StatusCode::kInvalidArgument);
}

TEST(ClkEncoderTest, DoubleHashAndFoldingProduceLBits) {
  const char* schema_json = R"({"version": 3, "clkConfig": {"l": 500, "xorFolds": 1, "kdf": {"type": "HKDF"}},
    "features": [{"identifier": "name", "format": {"type": "string"},
      "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerFeature": 100},
                  "hash": {"type": "doubleHash"}}}]})";
  Result<ClkSchema> schema = ParseClkSchema(schema_json);
  ASSERT_TRUE(schema.ok()) << schema.status().ToString();
  Result<ClkEncoder> encoder = ClkEncoder::Create(*schema, AsBytes("s"));
  ASSERT_TRUE(encoder.ok()) << encoder.status().ToString();
  Result<Clk> clk = encoder->Encode({"van der berg"});
  ASSERT_TRUE(clk.ok());
  EXPECT_EQ(clk->size(), 500u);
  EXPECT_GT(clk->Popcount(), 20u);
  EXPECT_EQ(clk->ToBase64().size(), (63 + 2) / 3 * 4);
  // blakeHash needs a power of two.
  schema->features[0].hashing.hash = ClkHashType::kBlakeHash;
  EXPECT_EQ(ClkEncoder::Create(*schema, AsBytes("s")).status().code(), StatusCode::kInvalidArgument);
}

TEST(ClkTest, Base64RoundTrip) {
  Clk clk(1024);
  clk.Set(0);
  clk.Set(9);
  clk.Set(1023);
  EXPECT_TRUE(clk.Test(0) && clk.Test(9) && clk.Test(1023) && !clk.Test(1));
  EXPECT_EQ(clk.ToBase64().substr(0, 4), "gEAA");  // bytes 0x80 0x40 0x00: bit 0 is the MSB of byte 0
  Result<Clk> back = Clk::FromBase64(clk.ToBase64(), 1024);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, clk);
  EXPECT_EQ(back->Popcount(), 3u);
  EXPECT_EQ(Clk::FromBase64(clk.ToBase64(), 512).status().code(), StatusCode::kDataError);
}

}  // namespace
}  // namespace sz::privacy
