// The one place where Status codes become process exit codes (DESIGN.md "Interfaces users touch"):
//   0 ok · 1 usage error · 2 bad input (rejects written) · 3 environment error (file, disk, database)
#pragma once

#include "core/status.h"

namespace sz::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitEnvironment = 3;

int ExitCodeFor(const Status& status);

}  // namespace sz::cli
