#include "privacy/hash.h"

#include <openssl/evp.h>

#include "privacy/internal/openssl_util.h"
#include "privacy/messages.h"

namespace sz::privacy {

std::string_view HashAlgorithmName(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha256: return "SHA256";
    case HashAlgorithm::kSha512: return "SHA512";
    case HashAlgorithm::kSha1: return "SHA1";
    case HashAlgorithm::kMd5: return "MD5";
  }
  return "SHA256";
}

size_t DigestSize(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha256: return 32;
    case HashAlgorithm::kSha512: return 64;
    case HashAlgorithm::kSha1: return 20;
    case HashAlgorithm::kMd5: return 16;
  }
  return 32;
}

Result<Sha256Digest> Sha256(ByteView data) {
  Sha256Digest digest;
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1 || size != digest.size()) {
    return internal::OpenSslError(msg::OpCompute("SHA-256"));
  }
  return digest;
}

}  // namespace sz::privacy
