#include "core/unicode.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "core/messages.h"

namespace sz {
namespace {

// Windows-1252 0x80–0x9F → Unicode; 0 = undefined.
constexpr std::array<char32_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80–0x87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 0x88–0x8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90–0x97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 0x98–0x9F
};

// The number of bytes a lead byte announces (2–4), 0 for a byte that cannot start a multi-byte sequence.
int LeadLength(unsigned char lead) {
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 0;
}

}  // namespace

void AppendUtf8(char32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (char32_t code_point : code_points) AppendUtf8(code_point, out);
  return out;
}

Utf8Sequence DecodeUtf8Sequence(std::string_view text) {
  const unsigned char lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return {lead, 1, false};
  const int length = LeadLength(lead);
  if (length == 0) return {};
  static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};  // below: an overlong form
  char32_t code_point = lead & (0x7F >> length);
  for (int byte_idx = 1; byte_idx < length; ++byte_idx) {
    if (static_cast<size_t>(byte_idx) >= text.size()) return {0, 0, true};
    const unsigned char next = static_cast<unsigned char>(text[byte_idx]);
    if ((next & 0xC0) != 0x80) return {};
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < kMinimum[length] || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return {};
  }
  return {code_point, length, false};
}

size_t FindInvalidUtf8(std::string_view text, bool complete) {
  for (size_t pos = 0; pos < text.size();) {
    // ASCII runs, eight bytes at a time (most delivered files are almost all ASCII).
    while (pos + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if (word & 0x8080808080808080ULL) break;
      pos += 8;
    }
    while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
    if (pos == text.size()) break;
    const Utf8Sequence sequence = DecodeUtf8Sequence(text.substr(pos));
    if (sequence.length == 0) return sequence.truncated && !complete ? std::string_view::npos : pos;
    pos += static_cast<size_t>(sequence.length);
  }
  return std::string_view::npos;
}

Result<std::u32string> DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const Utf8Sequence sequence = DecodeUtf8Sequence(text.substr(pos));
    if (sequence.length == 0) {
      const int announced = LeadLength(static_cast<unsigned char>(text[pos]));
      if (announced > 0 && pos + static_cast<size_t>(announced) > text.size()) {
        return DataError(msg::NotUtf8(/*truncated=*/true));
      }
      return DataError(msg::NotUtf8(/*truncated=*/false));
    }
    out.push_back(sequence.code_point);
    pos += static_cast<size_t>(sequence.length);
  }
  return out;
}

char32_t Windows1252ToUnicode(unsigned char byte) {
  if (byte >= 0x80 && byte < 0xA0) return kWindows1252High[byte - 0x80];
  return byte;
}

std::optional<unsigned char> UnicodeToWindows1252(char32_t code_point) {
  if (code_point < 0x80 || (code_point >= 0xA0 && code_point <= 0xFF)) return static_cast<unsigned char>(code_point);
  for (size_t index = 0; index < kWindows1252High.size(); ++index) {
    if (kWindows1252High[index] != 0 && kWindows1252High[index] == code_point) {
      return static_cast<unsigned char>(0x80 + index);
    }
  }
  return std::nullopt;
}

}  // namespace sz
