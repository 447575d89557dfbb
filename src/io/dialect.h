// CSV dialects as Dutch exports really come: separator, quoting, encoding, decimal comma, dates.
//
// DetectDialect looks at the start of a file (already decoded to UTF-8) and picks the separator
// among ';', ',', tab and '|' that gives the same, largest number of fields on every sampled line,
// counting quoted fields correctly (a quoted field may contain separators and line breaks).
//
//   Dialect d = DetectSeparator(first_64k_of_text);   // d.separator == ';'
//
// Writing: WriteDialect says how a file is written (the generator uses it to produce files as a
// desk would deliver them).
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"
#include "io/text_encoding.h"

namespace sz::io {

struct Dialect {
  char separator = ';';
  Encoding encoding = Encoding::kUtf8;
  // Human-readable description for reports: "scheidingsteken ';', Windows-1252 (omgezet naar UTF-8)".
  std::string Describe() const;
};

// Detects the separator from decoded UTF-8 text (the first lines suffice). Comment lines starting
// with '#' before the header are skipped. A sample in which no candidate occurs at all is a
// one-column file (';' is returned). Returns kDataError if candidates occur but none gives at least
// two fields consistently ("could not recognise the separator").
Result<char> DetectSeparator(std::string_view text);

std::string_view SeparatorName(char separator);  // "';'", "','", "tab", "'|'"

// How to write a file.
struct WriteDialect {
  char separator = ';';
  Encoding encoding = Encoding::kUtf8;
  bool decimal_comma = true;            // 1,5 instead of 1.5
  DateFormat date_format = DateFormat::kDutch;
  bool crlf = true;                     // Windows line endings

  // The Dutch export default: ';', decimal comma, dd-mm-jjjj, CRLF, UTF-8 with BOM.
  static WriteDialect DutchExcel();
  // Plain: ',', '.', ISO dates, LF, UTF-8 without BOM.
  static WriteDialect Plain();
  // Parses "dutch", "dutch-cp1252", "plain" or "tab" (for --dialect options).
  static Result<WriteDialect> Named(std::string_view name);
};

std::string FormatDate(const Date& date, DateFormat format);   // dd-mm-jjjj with two-digit day/month
std::string FormatDecimal(double value, bool decimal_comma, int max_decimals = 6);

}  // namespace sz::io
