#include "privacy/hkdf.h"

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>
#include <string>

#include "privacy/internal/openssl_util.h"
#include "privacy/messages.h"

namespace sz::privacy {

Result<Bytes> Hkdf(HashAlgorithm hash, ByteView ikm, ByteView salt, ByteView info, size_t length) {
  if (hash != HashAlgorithm::kSha256 && hash != HashAlgorithm::kSha512) {
    return InvalidArgumentError(msg::HkdfHashUnsupported());
  }
  if (length == 0 || length > 255 * DigestSize(hash)) {
    return InvalidArgumentError(msg::HkdfLength());
  }
  EVP_KDF* kdf = internal::FetchedHkdf();
  if (kdf == nullptr) return internal::OpenSslError(msg::OpFetch("HKDF"));
  std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf), &EVP_KDF_CTX_free);
  if (ctx == nullptr) return internal::OpenSslError(msg::OpCreateContext("HKDF"));

  std::string digest(HashAlgorithmName(hash));
  static uint8_t kEmpty[1] = {0};
  auto octets = [](ByteView bytes) { return bytes.empty() ? kEmpty : const_cast<uint8_t*>(bytes.data()); };
  OSSL_PARAM params[5];
  size_t count = 0;
  params[count++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest.data(), 0);
  params[count++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, octets(ikm), ikm.size());
  if (!salt.empty()) {
    params[count++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, octets(salt), salt.size());
  }
  params[count++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, octets(info), info.size());
  params[count] = OSSL_PARAM_construct_end();

  Bytes out(length);
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) return internal::OpenSslError(msg::OpCompute("HKDF"));
  return out;
}

}  // namespace sz::privacy
