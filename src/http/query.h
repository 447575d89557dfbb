// Decoding the parts of a request target: the query string (application/x-www-form-urlencoded) and
// the path. The transport (http_server.h) decodes every request with these before a Handler sees it,
// so a Handler only ever gets well-formed UTF-8 without control characters.
//
//   ASSIGN_OR_RETURN(auto query, ParseQuery("wijk=WK016800&periode=2024-W01&q=a+b%20c"));
//   // {{"wijk", "WK016800"}, {"periode", "2024-W01"}, {"q", "a b c"}}
//   ASSIGN_OR_RETURN(std::string path, PercentDecodePath("/api/gemeente/Hof%20van%20Twente"));
//
// Contract (both functions):
// - '%' must be followed by two hexadecimal digits (either case); the escape decodes to that byte.
// - After decoding, the text must be well-formed UTF-8 (core/unicode.h: no overlong forms such as
//   %C0%AF, no surrogates such as %ED%A0%80, nothing above U+10FFFF), and may contain no NUL and no
//   other control character (U+0001–U+001F, U+007F, U+0080–U+009F), whether escaped or raw.
// - Errors are kInvalidArgument with a Dutch message (http/messages.h) naming the parameter (by its
//   name, or its position when the name cannot be decoded) or the path; never the value.
// ParseQuery:
// - Splits on '&', then each part at its first '=' (a part without '=' is a name with value "").
//   Empty parts ("a=1&&b=2", a trailing '&') are skipped; a part with an empty name ("=1") is an error.
// - '+' decodes to a space (in names and values).
// - Limits: at most kMaxQueryParameters parameters, names at most kMaxQueryNameBytes and values at
//   most kMaxQueryValueBytes bytes after decoding.
// - Parameters keep their order; a repeated name appears as often as it was given.
// PercentDecodePath: the same decoding, except that '+' stays '+'. "%2F" decodes to '/' like a literal
// slash (a path with ".." segments after decoding is for the caller to refuse; static_files.h does).
// Checked by tests/http/query_test.cc; fuzzed by tests/http/fuzz/request_fuzzer.cc.
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace sz::http {

inline constexpr size_t kMaxQueryParameters = 64;
inline constexpr size_t kMaxQueryNameBytes = 64;
inline constexpr size_t kMaxQueryValueBytes = 1024;

Result<std::vector<std::pair<std::string, std::string>>> ParseQuery(std::string_view query);

Result<std::string> PercentDecodePath(std::string_view path);

}  // namespace sz::http
