// UTF-8 and Windows-1252 (core/unicode.h): table-driven over the byte patterns of RFC 3629, and the
// whole Windows-1252 0x80–0x9F block as Python's cp1252 codec decodes it.
#include "core/unicode.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace sz {
namespace {

using namespace std::string_view_literals;

struct Utf8Case {
  std::string_view name;
  std::string_view bytes;
  bool valid;
  std::u32string_view code_points;  // when valid
};

const Utf8Case kUtf8Cases[] = {
    {"empty", "", true, U""},
    {"ascii", "Enschede 7500", true, U"Enschede 7500"},
    {"nul is a code point", "a\0b"sv, true, U"a\0b"sv},
    {"two bytes", "Jos\xC3\xA9", true, U"Jos\u00E9"},
    {"smallest two-byte", "\xC2\x80", true, U"\u0080"},
    {"largest two-byte", "\xDF\xBF", true, U"\u07FF"},
    {"three bytes", "\xE2\x82\xAC", true, U"\u20AC"},
    {"smallest three-byte", "\xE0\xA0\x80", true, U"\u0800"},
    {"below the surrogates", "\xED\x9F\xBF", true, U"\uD7FF"},
    {"above the surrogates", "\xEE\x80\x80", true, U"\uE000"},
    {"four bytes", "\xF0\x9F\x98\x80", true, U"\U0001F600"},
    {"largest code point", "\xF4\x8F\xBF\xBF", true, U"\U0010FFFF"},
    {"mixed", "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z", true, U"a\u00E9\u20AC\U0001F600z"},
    {"overlong two-byte '/'", "\xC0\xAF", false, U""},
    {"overlong two-byte, largest", "\xC1\xBF", false, U""},
    {"overlong three-byte", "\xE0\x9F\xBF", false, U""},
    {"overlong four-byte", "\xF0\x8F\xBF\xBF", false, U""},
    {"first surrogate", "\xED\xA0\x80", false, U""},
    {"last surrogate", "\xED\xBF\xBF", false, U""},
    {"above U+10FFFF", "\xF4\x90\x80\x80", false, U""},
    {"lead byte F5", "\xF5\x80\x80\x80", false, U""},
    {"lead byte F8", "\xF8\x88\x80\x80\x80", false, U""},
    {"lead byte FF", "\xFF", false, U""},
    {"lone continuation byte", "a\x80", false, U""},
    {"missing continuation byte", "\xC3z", false, U""},
    {"continuation missing inside", "\xE2\x82z", false, U""},
    {"Windows-1252 e acute", "Ren\xE9", false, U""},
    {"truncated two-byte", "Jos\xC3", false, U""},
    {"truncated three-byte", "\xE2\x82", false, U""},
    {"truncated four-byte", "\xF0\x9F\x98", false, U""},
};

TEST(UnicodeTest, DecodesAndValidatesUtf8) {
  for (const Utf8Case& c : kUtf8Cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(IsValidUtf8(c.bytes), c.valid);
    Result<std::u32string> decoded = DecodeUtf8(c.bytes);
    ASSERT_EQ(decoded.ok(), c.valid);
    if (c.valid) {
      EXPECT_EQ(*decoded, c.code_points);
      EXPECT_EQ(EncodeUtf8(*decoded), c.bytes);  // round trip
    } else {
      EXPECT_EQ(decoded.status().code(), StatusCode::kDataError);
    }
  }
}

TEST(UnicodeTest, DecodeErrorsNameTheProblemButNotTheText) {
  Result<std::u32string> truncated = DecodeUtf8("Jos\xC3");
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().message(), "tekst is geen geldige UTF-8 (houdt op midden in een teken)");
  // The text ends before the three bytes E2 announces: reported as truncated, as privacy always did.
  EXPECT_EQ(DecodeUtf8("\xE2z").status().message(), "tekst is geen geldige UTF-8 (houdt op midden in een teken)");
  Result<std::u32string> latin1 = DecodeUtf8("Ren\xE9 Jansen");
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(latin1.status().message(), "tekst is geen geldige UTF-8");
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80").status().message(), "tekst is geen geldige UTF-8");
}

TEST(UnicodeTest, DecodesOneSequence) {
  struct Case {
    std::string_view bytes;
    char32_t code_point;
    int length;
    bool truncated;
  };
  const Case cases[] = {
      {"A", U'A', 1, false},
      {"\xC3\xA9rest", U'\u00E9', 2, false},  // only the first sequence
      {"\xF0\x9F\x98\x80", U'\U0001F600', 4, false},
      {"\xC3", 0, 0, true},  // the text ends inside the sequence
      {"\xE2\x82", 0, 0, true},
      {"\xE0\x80", 0, 0, true},  // truncated before the overlong form shows
      {"\xE2z", 0, 0, false},    // 'z' cannot continue it: ill-formed, not truncated
      {"\x80", 0, 0, false},
      {"\xC0\xAF", 0, 0, false},
      {"\xED\xA0\x80", 0, 0, false},
  };
  for (const Case& c : cases) {
    Utf8Sequence sequence = DecodeUtf8Sequence(c.bytes);
    EXPECT_EQ(sequence.code_point, c.code_point) << testing::PrintToString(std::string(c.bytes));
    EXPECT_EQ(sequence.length, c.length) << testing::PrintToString(std::string(c.bytes));
    EXPECT_EQ(sequence.truncated, c.truncated) << testing::PrintToString(std::string(c.bytes));
  }
}

TEST(UnicodeTest, FindsTheFirstInvalidByteAndAcceptsACutOffPrefix) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Jos\xC3\xA9 \xE9"), 6u);
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);
  // A sequence cut off by the end: invalid for a whole text, fine for a prefix (complete = false).
  EXPECT_EQ(FindInvalidUtf8("Jos\xC3"), 3u);
  EXPECT_EQ(FindInvalidUtf8("Jos\xC3", /*complete=*/false), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98", /*complete=*/false), std::string_view::npos);
  // Ill-formed before the end stays ill-formed in a prefix.
  EXPECT_EQ(FindInvalidUtf8("\xC3z", /*complete=*/false), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xE9xyz", /*complete=*/false), 0u);
  EXPECT_TRUE(IsValidUtf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_TRUE(IsValidUtf8("\xC3", /*complete=*/false));
}

TEST(UnicodeTest, AppendsUtf8) {
  struct Case {
    char32_t code_point;
    std::string_view bytes;
  };
  const Case cases[] = {
      {U'\0', "\0"sv},
      {U'A', "A"},
      {U'\u007F', "\x7F"},
      {U'\u0080', "\xC2\x80"},
      {U'\u00E9', "\xC3\xA9"},
      {U'\u07FF', "\xDF\xBF"},
      {U'\u0800', "\xE0\xA0\x80"},
      {U'\u20AC', "\xE2\x82\xAC"},
      {U'\uFFFD', "\xEF\xBF\xBD"},
      {U'\uFFFF', "\xEF\xBF\xBF"},
      {U'\U00010000', "\xF0\x90\x80\x80"},
      {U'\U0010FFFF', "\xF4\x8F\xBF\xBF"},
      {char32_t{0xD800}, "\xED\xA0\x80"},  // not checked: a surrogate is written as its three bytes
  };
  for (const Case& c : cases) {
    std::string out = "x";
    AppendUtf8(c.code_point, out);
    EXPECT_EQ(out, "x" + std::string(c.bytes)) << std::hex << static_cast<uint32_t>(c.code_point);
  }
}

// Python: [hex(ord(bytes([b]).decode("cp1252"))) for b in range(0x80, 0xA0)], 0 where it raises.
constexpr char32_t kPythonCp1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80–0x87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 0x88–0x8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90–0x97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 0x98–0x9F
};

TEST(UnicodeTest, MapsEveryWindows1252Byte) {
  for (int byte = 0x80; byte < 0xA0; ++byte) {
    SCOPED_TRACE(byte);
    const char32_t expected = kPythonCp1252[byte - 0x80];
    EXPECT_EQ(Windows1252ToUnicode(static_cast<unsigned char>(byte)), expected);
    if (expected != 0) {
      EXPECT_EQ(UnicodeToWindows1252(expected), static_cast<unsigned char>(byte));
    }
    EXPECT_EQ(UnicodeToWindows1252(static_cast<char32_t>(byte)), std::nullopt);  // the C1 control
  }
  for (unsigned char undefined : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) EXPECT_EQ(Windows1252ToUnicode(undefined), 0u);
  // Identity outside 0x80–0x9F, both ways.
  for (int byte = 0; byte < 0x100; ++byte) {
    if (byte >= 0x80 && byte < 0xA0) continue;
    EXPECT_EQ(Windows1252ToUnicode(static_cast<unsigned char>(byte)), static_cast<char32_t>(byte));
    EXPECT_EQ(UnicodeToWindows1252(static_cast<char32_t>(byte)), static_cast<unsigned char>(byte));
  }
  EXPECT_EQ(UnicodeToWindows1252(U'\u0100'), std::nullopt);
  EXPECT_EQ(UnicodeToWindows1252(U'\U0001F600'), std::nullopt);
  EXPECT_EQ(UnicodeToWindows1252(0), static_cast<unsigned char>(0));
}

}  // namespace
}  // namespace sz
