// Unicode text: UTF-8 encoding and decoding, and the Windows-1252 code page.
//
// Samenzicht keeps all text in UTF-8 (RFC 3629: at most U+10FFFF, no overlong forms, no
// surrogates). This is the one place that knows the byte patterns: io uses it to detect and convert
// the encoding of delivered files, privacy to turn names into code points exactly as clkhash (Python)
// does. Windows-1252 is the code page of Excel's "CSV" on Dutch Windows.
//
//   ASSIGN_OR_RETURN(std::u32string code_points, DecodeUtf8(text));  // strict
//   std::string utf8 = EncodeUtf8(code_points);                        // the same bytes again
//   char32_t euro = Windows1252ToUnicode(0x80);                        // U+20AC
//
// Thread safety: pure functions. Checked by tests/core/unicode_test.cc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sz {

// Appends the UTF-8 encoding of `code_point` (1–4 bytes) to `out`. The code point is not checked:
// a surrogate is written as its three bytes (which is not valid UTF-8) and a value above U+10FFFF as
// a meaningless four-byte pattern; pass code points decoded from UTF-8 or taken from a table.
void AppendUtf8(char32_t code_point, std::string& out);

// The UTF-8 encoding of `code_points` (AppendUtf8 of each, so the same caveat).
std::string EncodeUtf8(std::u32string_view code_points);

// The UTF-8 sequence at the start of a text, as DecodeUtf8Sequence found it.
struct Utf8Sequence {
  char32_t code_point = 0;  // the decoded code point when length > 0
  int length = 0;           // bytes of a well-formed sequence (1–4); 0 when ill-formed
  bool truncated = false;   // ill-formed only because the text ends inside the sequence
};

// Decodes the sequence that starts `text` (which must not be empty). Ill-formed (length 0): a
// continuation byte or 0xF8–0xFF as the first byte, a missing continuation byte, an overlong form
// (e.g. C0 AF for '/'), a surrogate (ED A0 80) or a value above U+10FFFF (F4 90 80 80). `truncated`
// is set when every byte up to the end of `text` was a valid continuation, so that more input could
// still complete the sequence ("\xE2\x82" is truncated, "\xE2z" is not).
Utf8Sequence DecodeUtf8Sequence(std::string_view text);

// The offset of the first byte that does not start a well-formed sequence, or std::string_view::npos
// when `text` is entirely well-formed UTF-8. With complete = false a sequence cut off by the end of
// `text` counts as well-formed (for checking a prefix of a file, e.g. its first megabyte).
size_t FindInvalidUtf8(std::string_view text, bool complete = true);

// True if `text` is well-formed UTF-8 (FindInvalidUtf8 finds nothing); `complete` as there.
inline bool IsValidUtf8(std::string_view text, bool complete = true) {
  return FindInvalidUtf8(text, complete) == std::string_view::npos;
}

// The code points of `text`, which must be well-formed UTF-8 (as IsValidUtf8). Errors (kDataError,
// never echoing the text, which may be a name): "tekst is geen geldige UTF-8 (houdt op midden in een teken)" when
// the text ends before the bytes its last lead byte announces, else "tekst is geen geldige UTF-8"
// (core/messages.h NotUtf8).
Result<std::u32string> DecodeUtf8(std::string_view text);

// The Unicode code point of a Windows-1252 byte: the byte itself for 0x00–0x7F and 0xA0–0xFF, the
// code page's characters for 0x80–0x9F (0x80 is U+20AC '€', 0x93 U+201C '“'), and 0 for the five
// bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
char32_t Windows1252ToUnicode(unsigned char byte);

// The Windows-1252 byte of a code point (the inverse of Windows1252ToUnicode), or nullopt when the
// code page has no such character (e.g. U+0100, or the C1 controls U+0080–U+009F: Windows-1252 uses
// their bytes for other characters).
std::optional<unsigned char> UnicodeToWindows1252(char32_t code_point);

}  // namespace sz
