#include "io/dialect.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "io/messages.h"

namespace sz::io {

std::string_view SeparatorName(char separator) {
  switch (separator) {
    case ';': return "';'";
    case ',': return "','";
    case '\t': return "tab";
    case '|': return "'|'";
  }
  return "?";
}

std::string Dialect::Describe() const {
  return msg::DialectDescription(SeparatorName(separator), EncodingName(encoding),
                                 encoding == Encoding::kWindows1252);
}

namespace {
// Field counts of the first `max_lines` records of `text` for one separator, quote-aware.
std::vector<int> FieldCounts(std::string_view text, char separator, size_t max_lines) {
  std::vector<int> counts;
  size_t pos = 0;
  // Skip leading comment lines.
  while (pos < text.size() && text[pos] == '#') {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return counts;
    pos = nl + 1;
  }
  int fields = 1;
  bool in_quotes = false;
  bool line_has_content = false;
  for (; pos < text.size() && counts.size() < max_lines; ++pos) {
    char c = text[pos];
    if (in_quotes) {
      if (c == '"') {
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          ++pos;
        } else {
          in_quotes = false;
        }
      }
      continue;
    }
    if (c == '"') {
      in_quotes = true;
      line_has_content = true;
    } else if (c == separator) {
      ++fields;
      line_has_content = true;
    } else if (c == '\n') {
      if (line_has_content) counts.push_back(fields);
      fields = 1;
      line_has_content = false;
    } else if (c != '\r') {
      line_has_content = true;
    }
  }
  return counts;
}
}  // namespace

Result<char> DetectSeparator(std::string_view text) {
  // Only complete lines count: cut the sample at its last newline (unless it has none).
  size_t last_nl = text.rfind('\n');
  std::string_view sample = last_nl == std::string_view::npos ? text : text.substr(0, last_nl + 1);
  std::string with_nl(sample);
  if (last_nl == std::string_view::npos) with_nl.push_back('\n');
  char best = 0;
  int best_fields = 1;
  double best_consistency = 0;
  for (char candidate : {';', '\t', ',', '|'}) {
    std::vector<int> counts = FieldCounts(with_nl, candidate, 50);
    if (counts.empty()) continue;
    int header_fields = counts[0];
    if (header_fields < 2) continue;
    int agree = 0;
    for (int c : counts) agree += (c == header_fields);
    double consistency = static_cast<double>(agree) / counts.size();
    // Prefer full consistency, then more fields.
    if (consistency > best_consistency + 1e-9 ||
        (std::abs(consistency - best_consistency) < 1e-9 && header_fields > best_fields)) {
      best = candidate;
      best_fields = header_fields;
      best_consistency = consistency;
    }
  }
  if (best == 0 && sample.find_first_of(";\t,|") == std::string_view::npos) {
    return ';';  // a one-column file (e.g. a single `observed` column): no separator occurs at all
  }
  if (best == 0 || best_consistency < 0.5) {
    return DataError(msg::SeparatorNotRecognised());
  }
  return best;
}

WriteDialect WriteDialect::DutchExcel() {
  WriteDialect d;
  d.separator = ';';
  d.encoding = Encoding::kUtf8Bom;
  d.decimal_comma = true;
  d.date_format = DateFormat::kDutch;
  d.crlf = true;
  return d;
}

WriteDialect WriteDialect::Plain() {
  WriteDialect d;
  d.separator = ',';
  d.encoding = Encoding::kUtf8;
  d.decimal_comma = false;
  d.date_format = DateFormat::kIso;
  d.crlf = false;
  return d;
}

Result<WriteDialect> WriteDialect::Named(std::string_view name) {
  if (name == "dutch") return DutchExcel();
  if (name == "dutch-cp1252") {
    WriteDialect d = DutchExcel();
    d.encoding = Encoding::kWindows1252;
    return d;
  }
  if (name == "plain") return Plain();
  if (name == "tab") {
    WriteDialect d = Plain();
    d.separator = '\t';
    return d;
  }
  return InvalidArgumentError(msg::UnknownDialect(name));
}

std::string FormatDate(const Date& date, DateFormat format) {
  char buf[16];
  switch (format) {
    case DateFormat::kIso: return date.ToIso();
    case DateFormat::kDutch: std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", date.day, date.month, date.year); break;
    case DateFormat::kCompact: std::snprintf(buf, sizeof buf, "%04d%02d%02d", date.year, date.month, date.day); break;
  }
  return buf;
}

std::string FormatDecimal(double value, bool decimal_comma, int max_decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, value);
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  if (decimal_comma) {
    for (char& c : s) {
      if (c == '.') c = ',';
    }
  }
  return s;
}

}  // namespace sz::io
