// ClkEncoder: turns one record (one text value per schema feature) into a CLK exactly as clkhash
// (data61/clkhash, the encoder of the anonlink ecosystem) does for the same linkage schema v3 and
// secret, so encodings made here and by clkhash can be linked with each other.
//
//   ASSIGN_OR_RETURN(ClkSchema schema, ReadClkSchemaFile("schema.json"));
//   ASSIGN_OR_RETURN(ClkEncoder encoder, ClkEncoder::Create(schema, AsBytes("correct horse battery staple")));
//   ASSIGN_OR_RETURN(Clk clk, encoder.Encode({"rec-1", "michaela", "neumann", "19151111", "4223", "8"}));
//   clk.ToBase64();
//
// The method (clkhash's clk.py, bloomfilter.py, comparators.py, field_formats.py, key_derivation.py):
// 1. Keys: HKDF(secret, salt, info, hash from clkConfig.kdf) yields 2 × (number of features) keys of
//    keySize bytes; feature i (ignored ones count) gets keys 2i and 2i+1.
// 2. Each value: the missingValue sentinel is replaced by replaceWith (unchecked); otherwise the value
//    is validated against its format and normalised (integers as Python str(int(v)), dates to %Y%m%d).
// 3. Tokens, over Unicode code points: ngram (padded with n-1 spaces each side when n > 1; positional
//    ones prefixed "<1-based index> "), exact (the value), numeric (Vatsalan & Christen 2015
//    neighbourhood tokens). Empty values give no tokens.
// 4. Bits per token: bitsPerToken k, or bitsPerFeature b spread over the tokens (the first b mod t
//    tokens get one more).
// 5. Hashing into l·2^xorFolds bits: blakeHash — BLAKE2b(token, key=key1, salt=str(j)) read as 32
//    little-endian uint16 per MAC, index = value mod l; doubleHash (Schnell et al. 2011) —
//    (HMAC-SHA1(key1) + i·HMAC-MD5(key2)) mod l, with prevent_singularity re-hashing a zero step.
// 6. XOR folding, then the CLK is l bits, base64 of its bytes.
// Checked byte for byte against clkhash's output in tests/privacy/clk_encoder_test.cc.
//
// Errors: Create: kInvalidArgument (schema unusable, e.g. blakeHash with l not a power of two or
// keySize > 64); Encode: kInvalidArgument for the wrong number of values, kDataError for a value that
// does not fit its feature's format — the message names the feature and the reason, never the value.
// Thread safety: Encode reuses MAC contexts, so an encoder is not thread-safe. Copy it per thread.
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "privacy/blake2b.h"
#include "privacy/bytes.h"
#include "privacy/clk.h"
#include "privacy/clk_schema.h"
#include "privacy/hmac.h"

namespace sz::privacy {

class ClkEncoder {
 public:
  // `secret` is what clkhash calls the secret: for its command line, the UTF-8 bytes of --secret text.
  static Result<ClkEncoder> Create(ClkSchema schema, ByteView secret);

  // One value per feature, in schema order.
  Result<Clk> Encode(std::span<const std::string_view> values);
  Result<Clk> Encode(std::span<const std::string> values);
  Result<Clk> Encode(std::initializer_list<std::string_view> values) {
    return Encode(std::span<const std::string_view>(values.begin(), values.size()));
  }

  // The tokens feature `feature_index` makes of `value` (after validation and formatting), UTF-8.
  // For tests and for explaining an encoding; an ignored feature gives none.
  Result<std::vector<std::string>> Tokens(size_t feature_index, std::string_view value) const;

  const ClkSchema& schema() const { return schema_; }

 private:
  struct FeatureState {
    std::optional<Blake2bMacContext> blake;
    std::optional<HmacContext> sha1;
    std::optional<HmacContext> md5;
  };

  explicit ClkEncoder(ClkSchema schema) : schema_(std::move(schema)) {}
  Result<std::vector<std::u32string>> TokenizeFeature(size_t feature_index, std::string_view value) const;
  Status HashTokens(size_t feature_index, const std::vector<std::u32string>& tokens, Clk& filter);

  ClkSchema schema_;
  std::vector<FeatureState> states_;
  size_t filter_bits_ = 0;  // l · 2^xor_folds
};

}  // namespace sz::privacy
