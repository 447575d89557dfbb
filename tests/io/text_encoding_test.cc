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
  EXPECT_NE(undefined.status().message().find("neither valid UTF-8 nor a Windows-1252"), std::string::npos);
}

TEST(TextEncodingTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xC3"));          // truncated
  EXPECT_TRUE(IsValidUtf8("\xC3", /*complete=*/false));
}

}  // namespace
}  // namespace sz::io
