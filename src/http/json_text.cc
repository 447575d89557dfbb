#include "http/json_text.h"

#include "core/unicode.h"

namespace sz::http {
namespace {

void AppendUnicodeEscape(unsigned code_unit, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(code_unit >> shift) & 0xF]);
}

}  // namespace

std::string JsonQuote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  size_t index = 0;
  while (index < text.size()) {
    unsigned char byte = static_cast<unsigned char>(text[index]);
    if (byte < 0x80) {
      switch (byte) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '<':
        case '>':
        case '&': AppendUnicodeEscape(byte, out); break;
        default:
          if (byte < 0x20 || byte == 0x7F) {
            AppendUnicodeEscape(byte, out);
          } else {
            out.push_back(static_cast<char>(byte));
          }
      }
      ++index;
      continue;
    }
    Utf8Sequence sequence = DecodeUtf8Sequence(text.substr(index));
    if (sequence.length == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for the ill-formed byte; decoding resumes at the next byte
      ++index;
      continue;
    }
    if (sequence.code_point == 0x2028 || sequence.code_point == 0x2029) {
      AppendUnicodeEscape(sequence.code_point, out);
    } else {
      out.append(text.substr(index, sequence.length));
    }
    index += sequence.length;
  }
  out.push_back('"');
  return out;
}

}  // namespace sz::http
