// HMAC (RFC 2104) over SHA-256 (keyed pseudonyms) and over SHA-1/MD5 (clkhash's doubleHash only).
//
//   ASSIGN_OR_RETURN(Sha256Digest tag, HmacSha256(key.bytes(), AsBytes("message")));
//
//   ASSIGN_OR_RETURN(HmacContext hmac, HmacContext::Create(HashAlgorithm::kSha256, key_bytes));
//   for (...) RETURN_IF_ERROR(hmac.Compute(AsBytes(value), out));   // key schedule done once
//
// Checked against RFC 4231 test cases 1–7 (tests/privacy/crypto_test.cc).
// Errors: kInternal only if OpenSSL fails. Keys never appear in messages.
// Thread safety: the functions are thread-safe; an HmacContext is not (use one per thread; copies
// are independent).
#pragma once

#include <memory>
#include <span>

#include "core/status.h"
#include "privacy/bytes.h"
#include "privacy/hash.h"

typedef struct evp_mac_ctx_st EVP_MAC_CTX;

namespace sz::privacy {

Result<Sha256Digest> HmacSha256(ByteView key, ByteView data);
Result<Bytes> Hmac(HashAlgorithm algorithm, ByteView key, ByteView data);

class HmacContext {
 public:
  static Result<HmacContext> Create(HashAlgorithm algorithm, ByteView key);

  HmacContext(const HmacContext& other);
  HmacContext& operator=(const HmacContext& other);
  HmacContext(HmacContext&&) noexcept = default;
  HmacContext& operator=(HmacContext&&) noexcept = default;
  ~HmacContext();

  // Writes DigestSize(algorithm()) bytes to `out` (which must be at least that large).
  Status Compute(ByteView data, std::span<uint8_t> out);
  // Same for the concatenation of two parts (data then suffix), without copying.
  Status Compute(ByteView data, ByteView suffix, std::span<uint8_t> out);

  HashAlgorithm algorithm() const { return algorithm_; }

 private:
  HmacContext(HashAlgorithm algorithm, EVP_MAC_CTX* ctx) : algorithm_(algorithm), ctx_(ctx) {}
  struct CtxDeleter {
    void operator()(EVP_MAC_CTX* ctx) const;
  };
  HashAlgorithm algorithm_;
  std::unique_ptr<EVP_MAC_CTX, CtxDeleter> ctx_;
};

}  // namespace sz::privacy
