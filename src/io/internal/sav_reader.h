// SPSS .sav reading with ReadStat into a TextTable (see text_table.h for the contract).
#pragma once

#include <string>

#include "core/status.h"
#include "io/text_table.h"

namespace sz::io::internal {

// True if the bytes start with the SPSS system-file magic ("$FL2", or "$FL3" for ZSAV).
bool LooksLikeSav(const std::string& first_bytes);
Result<TextTable> ReadSav(const std::string& path);

}  // namespace sz::io::internal
