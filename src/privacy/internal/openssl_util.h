// Internal helpers around OpenSSL 3: error conversion and fetched algorithm handles.
#pragma once

#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <string_view>

#include "core/status.h"

namespace sz::privacy::internal {

// kInternal status naming the operation (msg::OpFetch and friends, privacy/messages.h) and OpenSSL's
// own error text (which never holds key bytes).
// Clears OpenSSL's thread-local error queue.
Status OpenSslError(std::string_view operation);

// Algorithm handles fetched once per process (thread-safe initialisation; never freed).
// Null if the provider does not offer the algorithm (e.g. MD5 under a FIPS-only configuration).
EVP_MAC* FetchedHmac();
EVP_MAC* FetchedBlake2bMac();
EVP_KDF* FetchedHkdf();

}  // namespace sz::privacy::internal
