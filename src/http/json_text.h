// JSON string literals for the transport's own bodies (the http module has no JSON library).
//
//   std::string body = "{\"fout\": " + JsonQuote(message) + "}";
//   JsonQuote("a\"b\n");   // "\"a\\\"b\\n\""
//
// Contract: the result is one JSON string literal (RFC 8259), quotes included, that decodes to
// `text`. '"' and '\' are escaped; control characters (U+0000–U+001F, U+007F) are written as \n, \t,
// \r, \b, \f or \u00XX; '<', '>', '&' and U+2028/U+2029 are written as \u escapes too, so the literal is
// also safe inside HTML or a <script> should a browser ever sniff it. A byte that does not start a
// well-formed UTF-8 sequence (core/unicode.h) becomes U+FFFD, so the output is always valid UTF-8.
// Checked by tests/http/json_text_test.cc.
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace sz::http {

std::string JsonQuote(std::string_view text);

}  // namespace sz::http
