// Hash functions: SHA-256 and the hash-algorithm names shared by HMAC and HKDF.
//
//   ASSIGN_OR_RETURN(Sha256Digest digest, Sha256(AsBytes("abc")));
//
// Keyed BLAKE2b lives in blake2b.h, HMAC in hmac.h, HKDF in hkdf.h. All are OpenSSL 3 (libcrypto).
// Errors: kInternal only if OpenSSL itself fails (out of memory, algorithm disabled by the provider).
// Thread safety: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "core/status.h"
#include "privacy/bytes.h"

namespace sz::privacy {

enum class HashAlgorithm {
  kSha256,
  kSha512,
  kSha1,  // only for clkhash's doubleHash (Schnell et al. 2011), never for new designs
  kMd5,   // idem
};

// OpenSSL's name ("SHA256", "SHA512", "SHA1", "MD5").
std::string_view HashAlgorithmName(HashAlgorithm algorithm);
// Output size in bytes (32, 64, 20, 16).
size_t DigestSize(HashAlgorithm algorithm);

using Sha256Digest = std::array<uint8_t, 32>;

Result<Sha256Digest> Sha256(ByteView data);

}  // namespace sz::privacy
