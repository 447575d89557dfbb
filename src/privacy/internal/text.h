// Internal text helpers for the privacy module: code points as wide strings, simple case mapping,
// Python-compatible parsing of integers and strptime dates (so CLKs match clkhash byte for byte).
// UTF-8 itself is core/unicode.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sz::privacy::internal {

std::wstring ToWide(std::u32string_view code_points);  // wchar_t is UTF-32 on Linux

// Simple (one-to-one) case mapping: ASCII, Latin-1 Supplement, Latin Extended-A, basic Greek and Cyrillic.
// Other code points map to themselves.
char32_t SimpleLower(char32_t c);
char32_t SimpleUpper(char32_t c);

// Python's int(text, 10): surrounding whitespace, optional sign, ASCII digits with single
// underscores between them. kDataError otherwise (and on int64 overflow).
Result<int64_t> ParsePythonInt(std::string_view text);

struct StrptimeDate {
  int year = 1900;
  int month = 1;
  int day = 1;
};

// Checks that every directive in `format` is one we implement: %Y %y %m %d %b %B %H %M %S %%.
Status CheckStrptimeFormat(std::string_view format);
// Python's datetime.strptime(value, format) restricted to the directives above: the same
// regular-expression preferences (e.g. %m tries two digits first), case-insensitive literals,
// whitespace in the format matching any run of whitespace, "unconverted data remains" when the
// match stops early, and calendar validation.
Result<StrptimeDate> Strptime(std::u32string_view value, std::string_view format);

}  // namespace sz::privacy::internal
