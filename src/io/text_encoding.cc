#include "io/text_encoding.h"

#include "core/unicode.h"
#include "io/messages.h"

namespace sz::io {

std::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8: return "UTF-8";
    case Encoding::kUtf8Bom: return "UTF-8 met BOM";
    case Encoding::kWindows1252: return "Windows-1252";
  }
  return "?";
}

Result<Encoding> ParseEncodingName(std::string_view name) {
  if (name == "utf8" || name == "utf-8" || name == "UTF-8") return Encoding::kUtf8;
  if (name == "utf8-bom" || name == "utf-8-bom") return Encoding::kUtf8Bom;
  if (name == "windows-1252" || name == "cp1252" || name == "win1252") return Encoding::kWindows1252;
  return InvalidArgumentError(msg::UnknownEncoding(name));
}

Result<Encoding> DetectEncoding(std::string_view bytes, bool complete) {
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    return DataError(msg::Utf16File());
  }
  if (starts("\xEF\xBB\xBF")) {
    size_t invalid = FindInvalidUtf8(bytes.substr(3), complete);
    if (invalid != std::string_view::npos) {
      return DataError(msg::InvalidUtf8AfterBom(invalid + 3));
    }
    return Encoding::kUtf8Bom;
  }
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return DataError(msg::NulByte(nul));
  }
  if (IsValidUtf8(bytes, complete)) return Encoding::kUtf8;
  for (size_t pos = 0; pos < bytes.size(); ++pos) {
    unsigned char c = static_cast<unsigned char>(bytes[pos]);
    if (c >= 0x80 && Windows1252ToUnicode(c) == 0) {
      return DataError(msg::UnsupportedByte(pos, c));
    }
  }
  return Encoding::kWindows1252;
}

std::string ToUtf8(std::string_view bytes, Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8: return std::string(bytes);
    case Encoding::kUtf8Bom: return std::string(bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes);
    case Encoding::kWindows1252: {
      std::string out;
      out.reserve(bytes.size() + bytes.size() / 8);
      for (char ch : bytes) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
          out.push_back(ch);
        } else {
          char32_t code_point = Windows1252ToUnicode(c);
          AppendUtf8(code_point == 0 ? U'\uFFFD' : code_point, out);
        }
      }
      return out;
    }
  }
  return std::string(bytes);
}

std::string Utf8ToWindows1252(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    Utf8Sequence sequence = DecodeUtf8Sequence(utf8.substr(pos));
    if (sequence.length == 0) {
      out.push_back('?');
      ++pos;
      continue;
    }
    pos += static_cast<size_t>(sequence.length);
    std::optional<unsigned char> byte = UnicodeToWindows1252(sequence.code_point);
    out.push_back(byte ? static_cast<char>(*byte) : '?');
  }
  return out;
}

}  // namespace sz::io
