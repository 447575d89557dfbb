// Text encodings of delivered files: detection and conversion to UTF-8.
//
// Dutch exports arrive as UTF-8 (with or without byte-order mark) or Windows-1252 (Excel's "CSV").
// Samenzicht works in UTF-8 only; everything else is converted on read and the conversion is
// reported to the user. Anything that is neither (UTF-16, binary, Latin-1 control bytes that
// Windows-1252 leaves undefined) is refused with a clear message rather than guessed.
//
//   ASSIGN_OR_RETURN(Encoding enc, DetectEncoding(bytes));
//   std::string utf8 = ToUtf8(bytes, enc);
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace sz::io {

enum class Encoding { kUtf8, kUtf8Bom, kWindows1252 };

std::string_view EncodingName(Encoding encoding);           // "UTF-8", "UTF-8 met BOM", "Windows-1252"
Result<Encoding> ParseEncodingName(std::string_view name);  // utf8, utf8-bom, windows-1252 (also cp1252)

// Detects the encoding from the bytes (a whole file, or its first megabyte with complete=false).
// Errors (kDataError): a UTF-16/UTF-32 byte-order mark, NUL bytes (binary or UTF-16 without BOM),
// or bytes that are neither valid UTF-8 nor defined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D).
// The message names the byte offset of the first offending byte.
Result<Encoding> DetectEncoding(std::string_view bytes, bool complete = true);

// Converts to UTF-8 and strips a UTF-8 byte-order mark. Windows-1252 bytes that are undefined map to
// U+FFFD (DetectEncoding refuses such input first).
std::string ToUtf8(std::string_view bytes, Encoding encoding);
// Converts UTF-8 to Windows-1252 for writing files as Excel would; characters outside the code page
// become '?'.
std::string Utf8ToWindows1252(std::string_view utf8);

}  // namespace sz::io
