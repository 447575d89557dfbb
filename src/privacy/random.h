// SecureRandom: bytes from the operating system's CSPRNG (Linux getrandom(2), blocking until the
// kernel pool is initialised). Used for keys; never seeded, never deterministic.
//
//   std::array<uint8_t, 32> bytes;
//   RETURN_IF_ERROR(SecureRandom(bytes));
//
// Errors: kIoError if the kernel call fails. Thread safety: thread-safe.
#pragma once

#include <cstdint>
#include <span>

#include "core/status.h"

namespace sz::privacy {

Status SecureRandom(std::span<uint8_t> out);

}  // namespace sz::privacy
