// Number parsing for every module: strict, whole-text, locale-free and without exceptions (no
// std::stoi/stod, which throw across module boundaries). The one place that knows the Dutch way of
// writing numbers.
//
//   ParseInteger("12")          // 12;  "+12" → 12, "-3" → -3; "12.0", "1 2", "", "12a" → nullopt
//   ParseNumber("1,25")         // 1.25 (decimal comma)
//   ParseNumber("1.234,5")      // 1234.5 (thousands dots with a decimal comma)
//   ParseNumber("1.5")          // 1.5; "1,2,3", "1.2.3", "NaN", "inf", "1e999" → nullopt
//
// Contract:
// - Surrounding spaces and tabs are ignored; anything else must be part of the number.
// - ParseInteger: optional '+' or '-', then ASCII digits; nullopt on overflow of int64.
// - ParseNumber: optional sign, digits with at most one decimal separator. The separator is '.' or
//   ','. A ',' together with '.' means Dutch thousands grouping: the '.'s must stand between groups
//   of exactly three digits before the ','. Exponents (1e3) are accepted; the result is finite.
// Checked by tests/core/numbers_test.cc. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sz {

std::optional<int64_t> ParseInteger(std::string_view text);
std::optional<double> ParseNumber(std::string_view text);

}  // namespace sz
