#include "privacy/blake2b.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>

#include "privacy/internal/openssl_util.h"
#include "privacy/messages.h"

namespace sz::privacy {

namespace {
constexpr size_t kMaxKey = 64;
constexpr size_t kMaxDigest = 64;
constexpr size_t kMaxSalt = 16;
}  // namespace

void Blake2bMacContext::CtxDeleter::operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }

Result<Blake2bMacContext> Blake2bMacContext::Create(ByteView key, size_t digest_size) {
  if (key.empty() || key.size() > kMaxKey) return InvalidArgumentError(msg::Blake2bKeySize());
  if (digest_size == 0 || digest_size > kMaxDigest) {
    return InvalidArgumentError(msg::Blake2bDigestSize());
  }
  EVP_MAC* mac = internal::FetchedBlake2bMac();
  if (mac == nullptr) return internal::OpenSslError(msg::OpFetch("BLAKE2BMAC"));
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
  if (ctx == nullptr) return internal::OpenSslError(msg::OpCreateContext("BLAKE2BMAC"));
  Blake2bMacContext context(digest_size, ctx);
  size_t size = digest_size;
  OSSL_PARAM params[] = {OSSL_PARAM_construct_size_t(OSSL_MAC_PARAM_SIZE, &size), OSSL_PARAM_construct_end()};
  if (EVP_MAC_init(ctx, key.data(), key.size(), params) != 1) return internal::OpenSslError(msg::OpSetUp("BLAKE2b"));
  return context;
}

Blake2bMacContext::Blake2bMacContext(const Blake2bMacContext& other)
    : digest_size_(other.digest_size_), ctx_(EVP_MAC_CTX_dup(other.ctx_.get())), salt_set_(other.salt_set_) {
  std::copy(other.current_salt_, other.current_salt_ + kMaxSalt, current_salt_);
}

Blake2bMacContext& Blake2bMacContext::operator=(const Blake2bMacContext& other) {
  if (this != &other) {
    digest_size_ = other.digest_size_;
    ctx_.reset(EVP_MAC_CTX_dup(other.ctx_.get()));
    std::copy(other.current_salt_, other.current_salt_ + kMaxSalt, current_salt_);
    salt_set_ = other.salt_set_;
  }
  return *this;
}

Blake2bMacContext::~Blake2bMacContext() = default;

Status Blake2bMacContext::Compute(ByteView data, ByteView salt, std::span<uint8_t> out) {
  if (ctx_ == nullptr) return InternalError(msg::ContextNotCreated("BLAKE2b"));
  if (salt.size() > kMaxSalt) return InvalidArgumentError(msg::Blake2bSaltSize());
  if (out.size() < digest_size_) return InternalError(msg::OutputBufferTooSmall("BLAKE2b"));
  // OpenSSL zero-pads a short salt to 16 bytes, as BLAKE2's reference code and hashlib do. The salt is
  // always passed (an empty one resets a salt left from the previous call).
  uint8_t salt_copy[kMaxSalt] = {0};
  for (size_t i = 0; i < salt.size(); ++i) salt_copy[i] = salt[i];
  OSSL_PARAM params[] = {OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_SALT, salt_copy, kMaxSalt),
                         OSSL_PARAM_construct_end()};
  bool same_salt = salt_set_ && std::equal(salt_copy, salt_copy + kMaxSalt, current_salt_);
  size_t written = 0;
  if (EVP_MAC_init(ctx_.get(), nullptr, 0, same_salt ? nullptr : params) != 1 || EVP_MAC_update(ctx_.get(), data.data(), data.size()) != 1 ||
      EVP_MAC_final(ctx_.get(), out.data(), &written, out.size()) != 1 || written != digest_size_) {
    salt_set_ = false;
    return internal::OpenSslError(msg::OpCompute("BLAKE2b"));
  }
  std::copy(salt_copy, salt_copy + kMaxSalt, current_salt_);
  salt_set_ = true;
  return Status::Ok();
}

Result<Bytes> Blake2bMac(ByteView key, ByteView data, size_t digest_size, ByteView salt) {
  ASSIGN_OR_RETURN(Blake2bMacContext context, Blake2bMacContext::Create(key, digest_size));
  Bytes out(digest_size);
  RETURN_IF_ERROR(context.Compute(data, salt, out));
  return out;
}

}  // namespace sz::privacy
