#include "io/text_encoding.h"

#include <cstdint>

namespace sz::io {
namespace {

// Windows-1252 0x80..0x9F → Unicode; 0 = undefined.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Length of the valid UTF-8 sequence at `pos`, 0 if invalid, -1 if truncated at the end.
int Utf8SequenceLength(std::string_view s, size_t pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) return 1;
  int len;
  uint32_t min;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  uint32_t cp = c & (0x7F >> len);
  for (int i = 1; i < len; ++i) {
    if (pos + i >= s.size()) return -1;
    unsigned char cc = static_cast<unsigned char>(s[pos + i]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

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
  return InvalidArgumentError("unknown encoding '" + std::string(name) + "' (use utf8, utf8-bom or windows-1252)");
}

bool IsValidUtf8(std::string_view bytes, bool complete) {
  for (size_t pos = 0; pos < bytes.size();) {
    int len = Utf8SequenceLength(bytes, pos);
    if (len == -1) return !complete;
    if (len == 0) return false;
    pos += static_cast<size_t>(len);
  }
  return true;
}

Result<Encoding> DetectEncoding(std::string_view bytes, bool complete) {
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    return DataError(
        "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 or Windows-1252 "
        "(in Excel: 'CSV UTF-8 (door komma's gescheiden)')");
  }
  if (starts("\xEF\xBB\xBF")) {
    std::string_view rest = bytes.substr(3);
    for (size_t pos = 0; pos < rest.size();) {
      int len = Utf8SequenceLength(rest, pos);
      if (len == -1 && !complete) break;
      if (len <= 0) {
        return DataError("the file starts with a UTF-8 byte-order mark but byte " + std::to_string(pos + 3) +
                         " is not valid UTF-8; re-export the file as UTF-8");
      }
      pos += static_cast<size_t>(len);
    }
    return Encoding::kUtf8Bom;
  }
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return DataError("byte " + std::to_string(nul) +
                     " is a NUL byte: this is a binary file or UTF-16 text, not a CSV in UTF-8 or Windows-1252");
  }
  if (IsValidUtf8(bytes, complete)) return Encoding::kUtf8;
  for (size_t pos = 0; pos < bytes.size(); ++pos) {
    unsigned char c = static_cast<unsigned char>(bytes[pos]);
    if (c >= 0x80 && c <= 0x9F && kCp1252High[c - 0x80] == 0) {
      return DataError("byte " + std::to_string(pos) + " (0x" + "0123456789ABCDEF"[c >> 4] +
                       "0123456789ABCDEF"[c & 15] +
                       ") is neither valid UTF-8 nor a Windows-1252 character; the encoding is not supported. "
                       "Re-export the file as UTF-8");
    }
  }
  return Encoding::kWindows1252;
}

std::string ToUtf8(std::string_view bytes, Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8: return std::string(bytes);
    case Encoding::kUtf8Bom:
      return std::string(bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes);
    case Encoding::kWindows1252: {
      std::string out;
      out.reserve(bytes.size() + bytes.size() / 8);
      for (char ch : bytes) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
          out.push_back(ch);
        } else if (c < 0xA0) {
          uint16_t cp = kCp1252High[c - 0x80];
          AppendUtf8(out, cp == 0 ? 0xFFFD : cp);
        } else {
          AppendUtf8(out, c);
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
    int len = Utf8SequenceLength(utf8, pos);
    if (len <= 0) {
      out.push_back('?');
      ++pos;
      continue;
    }
    uint32_t cp;
    unsigned char c = static_cast<unsigned char>(utf8[pos]);
    if (len == 1) {
      cp = c;
    } else {
      cp = c & (0x7F >> len);
      for (int i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(utf8[pos + i]) & 0x3F);
    }
    pos += static_cast<size_t>(len);
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    char mapped = '?';
    for (int i = 0; i < 32; ++i) {
      if (kCp1252High[i] == cp) mapped = static_cast<char>(0x80 + i);
    }
    out.push_back(mapped);
  }
  return out;
}

}  // namespace sz::io
