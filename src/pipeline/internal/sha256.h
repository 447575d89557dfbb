// SHA-256 of a byte string as lowercase hex (OpenSSL), for the ingest idempotency key.
#pragma once

#include <string>
#include <string_view>

namespace sz::pipeline::internal {

std::string Sha256Hex(std::string_view bytes);

}  // namespace sz::pipeline::internal
