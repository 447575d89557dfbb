// Digit strings: the strict checks the core parsers share (dates, periods, region codes). Only ASCII
// '0'–'9' count: no sign, no spaces, no empty string.
//
//   AllDigits("0153")              // true
//   int year; ParseDigits("2024", year)   // true, year == 2024; false for "", "-1", "20a4" or overflow
//
// Thread safety: pure functions.
#pragma once

#include <charconv>
#include <string_view>

namespace sz {

inline bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Parses a non-empty string of ASCII digits into `out` (unchanged on failure, including overflow).
inline bool ParseDigits(std::string_view text, int& out) {
  if (!AllDigits(text)) return false;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return false;
  out = value;
  return true;
}

}  // namespace sz
