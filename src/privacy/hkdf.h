// HKDF (RFC 5869): derives independent keys from one secret. Used twice in Samenzicht:
// per-identifier-kind pseudonym keys from the desk key (pseudonymiser.h), and clkhash's per-feature
// keys from the CLK secret (clk_encoder.h, as clkhash.key_derivation.hkdf).
//
//   ASSIGN_OR_RETURN(Bytes okm, Hkdf(HashAlgorithm::kSha256, ikm, salt, AsBytes("samenzicht/bsn/v1"), 32));
//
// Contract: an empty salt means "no salt" (RFC 5869: HashLen zero bytes). `length` 1..255·HashLen.
// Errors: kInvalidArgument for a length out of range or a hash other than SHA-256/SHA-512;
// kInternal if OpenSSL fails. Checked against RFC 5869 test cases 1–3 (tests/privacy/crypto_test.cc).
// Thread safety: pure function.
#pragma once

#include "core/status.h"
#include "privacy/bytes.h"
#include "privacy/hash.h"

namespace sz::privacy {

Result<Bytes> Hkdf(HashAlgorithm hash, ByteView ikm, ByteView salt, ByteView info, size_t length);

inline Result<Bytes> HkdfSha256(ByteView ikm, ByteView salt, ByteView info, size_t length) {
  return Hkdf(HashAlgorithm::kSha256, ikm, salt, info, length);
}

}  // namespace sz::privacy
