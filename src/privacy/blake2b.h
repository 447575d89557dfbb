// Keyed BLAKE2b (RFC 7693), as Python's hashlib.blake2b(data, key=..., salt=..., digest_size=...):
// the MAC behind clkhash's blakeHash.
//
//   ASSIGN_OR_RETURN(Bytes mac, Blake2bMac(key, AsBytes("token"), /*digest_size=*/64, AsBytes("0")));
//
//   ASSIGN_OR_RETURN(Blake2bMacContext blake, Blake2bMacContext::Create(key, 64));
//   RETURN_IF_ERROR(blake.Compute(token, salt, out));   // key copied once, reused per call
//
// Contract: key 1..64 bytes, digest_size 1..64, salt 0..16 bytes (zero-padded to 16, as hashlib).
// Errors: kInvalidArgument for sizes outside those ranges; kInternal if OpenSSL fails.
// Checked against hashlib values in tests/privacy/crypto_test.cc and, through the CLKs, against clkhash.
// Thread safety: Blake2bMac is thread-safe; a Blake2bMacContext is not (one per thread; copies independent).
#pragma once

#include <memory>
#include <span>

#include "core/status.h"
#include "privacy/bytes.h"

typedef struct evp_mac_ctx_st EVP_MAC_CTX;

namespace sz::privacy {

Result<Bytes> Blake2bMac(ByteView key, ByteView data, size_t digest_size = 64, ByteView salt = {});

class Blake2bMacContext {
 public:
  static Result<Blake2bMacContext> Create(ByteView key, size_t digest_size = 64);

  Blake2bMacContext(const Blake2bMacContext& other);
  Blake2bMacContext& operator=(const Blake2bMacContext& other);
  Blake2bMacContext(Blake2bMacContext&&) noexcept = default;
  Blake2bMacContext& operator=(Blake2bMacContext&&) noexcept = default;
  ~Blake2bMacContext();

  // Writes digest_size() bytes to `out` (at least that large).
  Status Compute(ByteView data, ByteView salt, std::span<uint8_t> out);

  size_t digest_size() const { return digest_size_; }

 private:
  Blake2bMacContext(size_t digest_size, EVP_MAC_CTX* ctx) : digest_size_(digest_size), ctx_(ctx) {}
  struct CtxDeleter {
    void operator()(EVP_MAC_CTX* ctx) const;
  };
  size_t digest_size_;
  std::unique_ptr<EVP_MAC_CTX, CtxDeleter> ctx_;
  // The salt the context was last initialised with (OpenSSL keeps it): re-initialising with the same
  // salt skips parameter parsing, the common case in clkhash's blakeHash (salt "0" for k ≤ 32).
  uint8_t current_salt_[16] = {0};
  bool salt_set_ = false;
};

}  // namespace sz::privacy
