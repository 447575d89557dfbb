#include "privacy/clk_encoder.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <regex>

#include "core/unicode.h"
#include "privacy/hkdf.h"
#include "privacy/internal/clk_tokens.h"
#include "privacy/messages.h"

namespace sz::privacy {
namespace {

// Python's token.encode(encoding).
void EncodeToken(std::u32string_view token, ClkTextEncoding encoding, std::string& out) {
  out.clear();
  switch (encoding) {
    case ClkTextEncoding::kUtf8:
    case ClkTextEncoding::kAscii:  // validated to be ASCII before
      for (char32_t c : token) AppendUtf8(c, out);
      break;
    case ClkTextEncoding::kUtf16:  // Python's "utf-16" writes a byte-order mark, little-endian here
      out.append("\xff\xfe", 2);
      for (char32_t c : token) {
        auto unit = [&](uint16_t u) {
          out.push_back(static_cast<char>(u & 0xff));
          out.push_back(static_cast<char>(u >> 8));
        };
        if (c >= 0x10000) {
          char32_t v = c - 0x10000;
          unit(static_cast<uint16_t>(0xd800 | (v >> 10)));
          unit(static_cast<uint16_t>(0xdc00 | (v & 0x3ff)));
        } else {
          unit(static_cast<uint16_t>(c));
        }
      }
      break;
    case ClkTextEncoding::kUtf32:
      out.append("\xff\xfe\x00\x00", 4);
      for (char32_t c : token) {
        for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((c >> shift) & 0xff));
      }
      break;
  }
}

// A big-endian digest as an unsigned integer, modulo l (Python's int(hexdigest, 16) % l).
uint64_t DigestModulo(const uint8_t* digest, size_t size, uint64_t l) {
  unsigned __int128 remainder = 0;
  for (size_t i = 0; i < size; ++i) remainder = (remainder * 256 + digest[i]) % l;
  return static_cast<uint64_t>(remainder);
}

bool IsPowerOfTwo(size_t value) { return value != 0 && (value & (value - 1)) == 0; }

Status ValueError(const ClkFeature& feature, std::string_view reason) {
  return DataError(msg::FeatureValue(feature.identifier, reason));
}

}  // namespace

Result<ClkEncoder> ClkEncoder::Create(ClkSchema schema, ByteView secret) {
  ClkEncoder encoder(std::move(schema));
  const ClkSchema& s = encoder.schema_;
  encoder.filter_bits_ = static_cast<size_t>(s.l) << s.xor_folds;
  size_t feature_count = s.features.size();
  if (feature_count == 0) return InvalidArgumentError(msg::SchemaHasNoFeatures());
  size_t key_size = static_cast<size_t>(s.kdf.key_size);
  size_t total = 2 * feature_count * key_size;
  if (total > 255 * DigestSize(s.kdf.hash)) {
    return InvalidArgumentError(msg::SchemaHkdfTooLong(total));
  }
  ASSIGN_OR_RETURN(Bytes key_material, Hkdf(s.kdf.hash, secret, s.kdf.salt, s.kdf.info, total));
  encoder.states_.resize(feature_count);
  for (size_t i = 0; i < feature_count; ++i) {
    const ClkFeature& feature = s.features[i];
    if (feature.ignored) continue;
    ByteView first(key_material.data() + 2 * i * key_size, key_size);
    ByteView second(key_material.data() + (2 * i + 1) * key_size, key_size);
    FeatureState& state = encoder.states_[i];
    if (feature.hashing.hash == ClkHashType::kBlakeHash) {
      if (!IsPowerOfTwo(encoder.filter_bits_)) {
        return InvalidArgumentError(msg::SchemaBlakeNeedsPowerOfTwo());
      }
      if (key_size > 64) return InvalidArgumentError(msg::SchemaBlakeKeySize());
      ASSIGN_OR_RETURN(Blake2bMacContext blake, Blake2bMacContext::Create(first, 64));
      state.blake = std::move(blake);
    } else {
      ASSIGN_OR_RETURN(HmacContext sha1, HmacContext::Create(HashAlgorithm::kSha1, first));
      ASSIGN_OR_RETURN(HmacContext md5, HmacContext::Create(HashAlgorithm::kMd5, second));
      state.sha1 = std::move(sha1);
      state.md5 = std::move(md5);
    }
  }
  SecureWipe(key_material.data(), key_material.size());
  return encoder;
}

Result<std::vector<std::u32string>> ClkEncoder::TokenizeFeature(size_t feature_index, std::string_view value) const {
  const ClkFeature& feature = schema_.features[feature_index];
  if (feature.ignored) return std::vector<std::u32string>();
  Result<std::u32string> formatted = internal::FormatClkValue(feature, value);
  if (!formatted.ok()) return ValueError(feature, formatted.status().message());
  Result<std::vector<std::u32string>> tokens = internal::TokenizeClkValue(feature.hashing.comparison, *formatted);
  if (!tokens.ok()) return ValueError(feature, tokens.status().message());
  return tokens;
}

Status ClkEncoder::HashTokens(size_t feature_index, const std::vector<std::u32string>& tokens, Clk& filter) {
  const ClkFeature& feature = schema_.features[feature_index];
  FeatureState& state = states_[feature_index];
  const ClkHashing& hashing = feature.hashing;
  const size_t count = tokens.size();
  const uint64_t l = filter_bits_;
  std::string token_bytes;
  uint8_t digest[64];
  uint8_t second_digest[64];
  for (size_t t = 0; t < count; ++t) {
    int k = hashing.bits_per_token;
    if (hashing.bits_per_feature > 0) {
      int base = hashing.bits_per_feature / static_cast<int>(count);
      int residue = hashing.bits_per_feature % static_cast<int>(count);
      k = base + (static_cast<int>(t) < residue ? 1 : 0);
    }
    if (k == 0) continue;
    EncodeToken(tokens[t], feature.format.encoding, token_bytes);
    ByteView token = AsBytes(token_bytes);
    if (hashing.hash == ClkHashType::kBlakeHash) {
      int macs = (k + 31) / 32;
      int done = 0;
      for (int mac = 0; mac < macs; ++mac) {
        std::string salt = std::to_string(mac);
        RETURN_IF_ERROR(state.blake->Compute(token, AsBytes(salt), digest));
        for (int j = 0; j < 32 && done < k; ++j, ++done) {
          uint16_t value = static_cast<uint16_t>(digest[2 * j] | digest[2 * j + 1] << 8);  // struct '32H', little-endian
          filter.Set(value % l);
        }
      }
    } else {
      RETURN_IF_ERROR(state.sha1->Compute(token, digest));
      RETURN_IF_ERROR(state.md5->Compute(token, second_digest));
      uint64_t h1 = DigestModulo(digest, 20, l);
      uint64_t h2 = DigestModulo(second_digest, 16, l);
      if (hashing.prevent_singularity) {
        // clkhash: while h2 == 0, h2 = HMAC-MD5(token + chr(i).encode()) % l, i = 0, 1, ...
        for (char32_t i = 0; h2 == 0; ++i) {
          std::string suffix;
          AppendUtf8(i, suffix);
          RETURN_IF_ERROR(state.md5->Compute(token, AsBytes(suffix), second_digest));
          h2 = DigestModulo(second_digest, 16, l);
        }
      }
      for (int i = 0; i < k; ++i) {
        filter.Set(static_cast<size_t>((h1 + static_cast<unsigned __int128>(i) * h2) % l));
      }
    }
  }
  return Status::Ok();
}

Result<Clk> ClkEncoder::Encode(std::span<const std::string_view> values) {
  if (values.size() != schema_.features.size()) {
    return InvalidArgumentError(msg::RecordValueCount(values.size(), schema_.features.size()));
  }
  Clk filter(filter_bits_);
  for (size_t i = 0; i < values.size(); ++i) {
    if (schema_.features[i].ignored) continue;
    ASSIGN_OR_RETURN(std::vector<std::u32string> tokens, TokenizeFeature(i, values[i]));
    if (!tokens.empty()) RETURN_IF_ERROR(HashTokens(i, tokens, filter));
  }
  if (schema_.xor_folds > 0) return filter.Fold(schema_.xor_folds);
  return filter;
}

Result<Clk> ClkEncoder::Encode(std::span<const std::string> values) {
  std::vector<std::string_view> views(values.begin(), values.end());
  return Encode(std::span<const std::string_view>(views));
}

Result<std::vector<std::string>> ClkEncoder::Tokens(size_t feature_index, std::string_view value) const {
  if (feature_index >= schema_.features.size()) return InvalidArgumentError(msg::NoSuchFeature());
  ASSIGN_OR_RETURN(std::vector<std::u32string> tokens, TokenizeFeature(feature_index, value));
  std::vector<std::string> out;
  for (const std::u32string& token : tokens) out.push_back(EncodeUtf8(token));
  return out;
}

}  // namespace sz::privacy
