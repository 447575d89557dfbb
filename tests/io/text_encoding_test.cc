#include "io/text_encoding.h"

#include <gtest/gtest.h>

namespace sz::io {
namespace {

TEST(TextEncodingTest, DetectsUtf8WithAndWithoutBom) {
  EXPECT_EQ(*DetectEncoding("naam;plaats\nJosé;Enschede\n"), Encoding::kUtf8);
  EXPECT_EQ(*DetectEncoding("\xEF\xBB\xBFnaam;plaats\nJos\xC3\xA9;Enschede\n"), Encoding::kUtf8Bom);
  EXPECT_EQ(ToUtf8("\xEF\xBB\xBFnaam", Encoding::kUtf8Bom), "naam");
}

TEST(TextEncodingTest, DetectsAndConvertsWindows1252) {
  std::string cp1252 = "naam\nJos\xE9 \x80 \x93quote\x94\n";  // é, €, curly quotes
  ASSERT_EQ(*DetectEncoding(cp1252), Encoding::kWindows1252);
  EXPECT_EQ(ToUtf8(cp1252, Encoding::kWindows1252), "naam\nJosé € \u201Cquote\u201D\n");
  EXPECT_EQ(Utf8ToWindows1252("Jos\xC3\xA9 \xE2\x82\xAC"), "Jos\xE9 \x80");
}

TEST(TextEncodingTest, RefusesEncodingsThatAreNeither) {
  auto utf16 = DetectEncoding(std::string("\xFF\xFEn\0a\0", 6));
  ASSERT_FALSE(utf16.ok());
  EXPECT_EQ(utf16.status().code(), StatusCode::kDataError);
  EXPECT_NE(utf16.status().message().find("UTF-16"), std::string::npos);
  auto binary = DetectEncoding(std::string("abc\0def", 7));
  ASSERT_FALSE(binary.ok());
  EXPECT_NE(binary.status().message().find("byte 3"), std::string::npos);
  auto undefined = DetectEncoding("abc\x81\x8D");  // not UTF-8, undefined in Windows-1252
  ASSERT_FALSE(undefined.ok());
  EXPECT_NE(undefined.status().message().find("geen geldige UTF-8 en ook geen teken van Windows-1252"), std::string::npos);
}

// UTF-8 validation itself is core/unicode.h (tests/core/unicode_test.cc); these check how detection
// and conversion use it.
TEST(TextEncodingTest, AByteOrderMarkNeedsValidUtf8AfterIt) {
  auto bad = DetectEncoding("\xEF\xBB\xBFnaam\nRen\xE9\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  EXPECT_NE(bad.status().message().find("byte 11 is geen geldige UTF-8"), std::string::npos) << bad.status().message();
  // A sequence cut off at the end of a prefix (complete = false) is fine, at the end of the file not.
  EXPECT_EQ(*DetectEncoding("\xEF\xBB\xBFJos\xC3", /*complete=*/false), Encoding::kUtf8Bom);
  auto cut = DetectEncoding("\xEF\xBB\xBFJos\xC3");
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("byte 6 "), std::string::npos) << cut.status().message();
}

TEST(TextEncodingTest, APrefixCutInsideACharacterIsStillUtf8) {
  EXPECT_EQ(*DetectEncoding("naam\nJos\xC3", /*complete=*/false), Encoding::kUtf8);
  EXPECT_EQ(*DetectEncoding("naam\nJos\xC3"), Encoding::kWindows1252);  // Ã as the last character
}

TEST(TextEncodingTest, UndefinedWindows1252BytesBecomeTheReplacementCharacter) {
  EXPECT_EQ(ToUtf8("x\x81y\x9F", Encoding::kWindows1252), "x\uFFFDy\u0178");
}

TEST(TextEncodingTest, CharactersOutsideWindows1252BecomeQuestionMarks) {
  // U+0100, an emoji, a C1 control (U+0081) and two ill-formed bytes: one '?' each.
  EXPECT_EQ(Utf8ToWindows1252("\xC4\x80|\xF0\x9F\x98\x80|\xC2\x81|\xE9\xC3"), "?|?|?|??");
  EXPECT_EQ(Utf8ToWindows1252("\xE2\x80\x9C\xC5\xA0\xC3\xBF\x7F"), "\x93\x8A\xFF\x7F");
}

}  // namespace
}  // namespace sz::io
