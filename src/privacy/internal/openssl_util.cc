#include "privacy/internal/openssl_util.h"

#include <openssl/err.h>

#include <string>

#include "privacy/messages.h"

namespace sz::privacy::internal {

Status OpenSslError(std::string_view operation) {
  std::string detail;
  unsigned long code = ERR_get_error();
  if (code != 0) {
    char text[256];
    ERR_error_string_n(code, text, sizeof(text));
    detail = text;
  }
  ERR_clear_error();
  return InternalError(msg::OpenSslFailed(operation, detail));
}

EVP_MAC* FetchedHmac() {
  static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}

EVP_MAC* FetchedBlake2bMac() {
  static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "BLAKE2BMAC", nullptr);
  return mac;
}

EVP_KDF* FetchedHkdf() {
  static EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
  return kdf;
}

}  // namespace sz::privacy::internal
