// Bytes: byte strings and their two text encodings (hex, base64) used by keys, pseudonyms and CLKs.
//
//   Bytes digest = ...;
//   std::string text = HexEncode(digest);              // "3f9a…", lowercase
//   ASSIGN_OR_RETURN(Bytes raw, Base64Decode(schema_salt));
//
// Contract: encoders never fail. Decoders return kDataError on malformed input; their messages never
// repeat the input (it may be secret). Base64 is RFC 4648 with padding (as Python's base64.b64encode).
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sz::privacy {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

// The bytes of a string (UTF-8 text stays as it is).
inline ByteView AsBytes(std::string_view text) {
  return ByteView(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

std::string HexEncode(ByteView bytes);
// Accepts upper- and lowercase digits; the length must be even.
Result<Bytes> HexDecode(std::string_view hex);

std::string Base64Encode(ByteView bytes);
// Standard alphabet, padding required (length a multiple of 4); no whitespace.
Result<Bytes> Base64Decode(std::string_view text);

// Overwrites memory that held secret material (OPENSSL_cleanse: not optimised away).
void SecureWipe(void* data, size_t size);

}  // namespace sz::privacy
