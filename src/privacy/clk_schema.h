// ClkSchema: a clkhash linkage schema, version 3 — the published description of how a record's
// fields become a CLK (cryptographic long-term key: one Bloom filter per record). Parsed from the JSON
// defined by clkhash's schemas/v3.json and explained in clkhash's docs/schema.rst.
//
//   ASSIGN_OR_RETURN(ClkSchema schema, ReadClkSchemaFile("config/linkage-schema.json"));
//   schema.l;                                   // 1024: bits per CLK
//   schema.features[i].hashing.comparison.n;    // 2 for bigrams
//
// What is supported (everything v3 defines): clkConfig.l (1024 when absent), xorFolds, kdf (HKDF with SHA256/SHA512, salt,
// info, keySize); features that are ignored or have a format (string with encoding utf-8/ascii/
// utf-16/utf-32, case, minLength, maxLength or pattern; integer with minimum/maximum; date with a
// strptime format; enum) and hashing (comparison ngram/exact/numeric, strategy bitsPerToken or
// bitsPerFeature, hash blakeHash or doubleHash with prevent_singularity, missingValue with sentinel
// and replaceWith). Only version 3 is accepted (clkhash converts v1/v2 itself: run its `upgrade`).
//
// Errors: kInvalidArgument for JSON that is not a valid v3 schema, naming the JSON path
// ("features[2].hashing.strategy: ..."); ReadClkSchemaFile adds kNotFound / kIoError.
// Thread safety: values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "privacy/bytes.h"
#include "privacy/hash.h"

namespace sz::privacy {

struct ClkKdf {
  HashAlgorithm hash = HashAlgorithm::kSha256;  // SHA256 or SHA512
  Bytes salt;                                   // empty: no salt
  Bytes info;
  int key_size = 64;  // bytes per derived key (clkhash DEFAULT_KEY_SIZE)
};

enum class ClkFeatureType { kString, kInteger, kDate, kEnum };
enum class ClkTextEncoding { kUtf8, kAscii, kUtf16, kUtf32 };
enum class ClkStringCase { kMixed, kLower, kUpper };

struct ClkFeatureFormat {
  ClkFeatureType type = ClkFeatureType::kString;
  ClkTextEncoding encoding = ClkTextEncoding::kUtf8;  // how tokens become bytes before hashing
  // string
  ClkStringCase string_case = ClkStringCase::kMixed;
  std::optional<int> min_length, max_length;  // in Unicode code points
  std::optional<std::string> pattern;         // full match, Python `re` syntax (subset: ECMAScript)
  // integer
  std::optional<int64_t> minimum, maximum;
  // date
  std::string date_format;  // strptime format, e.g. "%Y-%m-%d"
  // enum
  std::vector<std::string> enum_values;
};

enum class ClkComparisonType { kNgram, kExact, kNumeric };

struct ClkComparison {
  ClkComparisonType type = ClkComparisonType::kNgram;
  int n = 2;                 // ngram
  bool positional = false;   // ngram
  double threshold_distance = 0;  // numeric
  int resolution = 0;             // numeric
  int fractional_precision = 0;   // numeric
};

enum class ClkHashType { kBlakeHash, kDoubleHash };

struct ClkMissingValue {
  std::string sentinel;
  std::optional<std::string> replace_with;  // absent: the sentinel itself is tokenised
};

struct ClkHashing {
  ClkComparison comparison;
  int bits_per_token = 0;    // exactly one of bits_per_token and bits_per_feature is > 0
  int bits_per_feature = 0;
  ClkHashType hash = ClkHashType::kBlakeHash;
  bool prevent_singularity = false;  // doubleHash only
  std::optional<ClkMissingValue> missing_value;
};

struct ClkFeature {
  std::string identifier;
  std::string description;
  bool ignored = false;  // ignored features take no part (format and hashing unset)
  ClkFeatureFormat format;
  ClkHashing hashing;
};

struct ClkSchema {
  int version = 3;
  int l = 1024;       // CLK length in bits, after folding
  int xor_folds = 0;  // Bloom filters are l·2^xor_folds bits before folding
  ClkKdf kdf;
  std::vector<ClkFeature> features;
  // Hex SHA-256 of the JSON text the schema was parsed from: lets an extract name the exact schema its
  // CLKs were made with (CLKs are comparable only under the same schema and secret).
  std::string digest;

  // Index of the feature with this identifier, or -1.
  int FeatureIndex(std::string_view identifier) const;
};

Result<ClkSchema> ParseClkSchema(std::string_view json_text);
Result<ClkSchema> ReadClkSchemaFile(const std::string& path);

}  // namespace sz::privacy
