#include "privacy/hmac.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <string>

#include "privacy/internal/openssl_util.h"
#include "privacy/messages.h"

namespace sz::privacy {

void HmacContext::CtxDeleter::operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }

Result<HmacContext> HmacContext::Create(HashAlgorithm algorithm, ByteView key) {
  EVP_MAC* mac = internal::FetchedHmac();
  if (mac == nullptr) return internal::OpenSslError(msg::OpFetch("HMAC"));
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
  if (ctx == nullptr) return internal::OpenSslError(msg::OpCreateContext("HMAC"));
  HmacContext context(algorithm, ctx);
  std::string digest(HashAlgorithmName(algorithm));
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest.data(), 0),
                         OSSL_PARAM_construct_end()};
  // OpenSSL rejects a null key pointer even for an empty key; HMAC with an empty key is well defined.
  static const uint8_t kEmpty[1] = {0};
  const uint8_t* key_data = key.empty() ? kEmpty : key.data();
  if (EVP_MAC_init(ctx, key_data, key.size(), params) != 1) {
    return internal::OpenSslError(msg::OpSetUp("HMAC-" + digest));
  }
  return context;
}

HmacContext::HmacContext(const HmacContext& other)
    : algorithm_(other.algorithm_), ctx_(EVP_MAC_CTX_dup(other.ctx_.get())) {}

HmacContext& HmacContext::operator=(const HmacContext& other) {
  if (this != &other) {
    algorithm_ = other.algorithm_;
    ctx_.reset(EVP_MAC_CTX_dup(other.ctx_.get()));
  }
  return *this;
}

HmacContext::~HmacContext() = default;

Status HmacContext::Compute(ByteView data, std::span<uint8_t> out) { return Compute(data, ByteView(), out); }

Status HmacContext::Compute(ByteView data, ByteView suffix, std::span<uint8_t> out) {
  size_t size = DigestSize(algorithm_);
  if (ctx_ == nullptr) return InternalError(msg::ContextNotCreated("HMAC"));
  if (out.size() < size) return InternalError(msg::OutputBufferTooSmall("HMAC"));
  size_t written = 0;
  // A null key re-initialises with the key set in Create (OpenSSL keeps the padded key state).
  if (EVP_MAC_init(ctx_.get(), nullptr, 0, nullptr) != 1 || EVP_MAC_update(ctx_.get(), data.data(), data.size()) != 1 ||
      (!suffix.empty() && EVP_MAC_update(ctx_.get(), suffix.data(), suffix.size()) != 1) ||
      EVP_MAC_final(ctx_.get(), out.data(), &written, out.size()) != 1 || written != size) {
    return internal::OpenSslError(msg::OpCompute("HMAC"));
  }
  return Status::Ok();
}

Result<Bytes> Hmac(HashAlgorithm algorithm, ByteView key, ByteView data) {
  ASSIGN_OR_RETURN(HmacContext context, HmacContext::Create(algorithm, key));
  Bytes out(DigestSize(algorithm));
  RETURN_IF_ERROR(context.Compute(data, out));
  return out;
}

Result<Sha256Digest> HmacSha256(ByteView key, ByteView data) {
  ASSIGN_OR_RETURN(HmacContext context, HmacContext::Create(HashAlgorithm::kSha256, key));
  Sha256Digest out;
  RETURN_IF_ERROR(context.Compute(data, out));
  return out;
}

}  // namespace sz::privacy
