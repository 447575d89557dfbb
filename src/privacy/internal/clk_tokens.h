// Internal: clkhash's value formatting/validation (field_formats.py) and tokenisation (comparators.py).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "privacy/clk_schema.h"

namespace sz::privacy::internal {

// The missing-value replacement, or the validated and normalised value. kDataError with a reason that
// never quotes the value.
Result<std::u32string> FormatClkValue(const ClkFeature& feature, std::string_view value);

// Tokens of an already formatted value; empty value → no tokens.
Result<std::vector<std::u32string>> TokenizeClkValue(const ClkComparison& comparison, std::u32string_view value);

}  // namespace sz::privacy::internal
