// JSON string literals (http/json_text.h) and the transport's error bodies (JsonError).
#include "http/json_text.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "http/http_server.h"

namespace sz::http {
namespace {

using namespace std::string_view_literals;

TEST(HttpJson, QuotesAndEscapes) {
  const std::pair<std::string_view, std::string_view> kCases[] = {
      {"", R"("")"},
      {"gewoon", R"("gewoon")"},
      {"a\"b", R"("a\"b")"},
      {"a\\b", R"("a\\b")"},
      {"regel\nregel", R"("regel\nregel")"},
      {"\t\r\b\f", R"("\t\r\b\f")"},
      {"\x01\x1f\x7f", R"("\u0001\u001f\u007f")"},
      {"a\0b"sv, R"("a\u0000b")"},
      {"</script>", R"("\u003c/script\u003e")"},
      {"a&b", R"("a\u0026b")"},
      {"Jos\xC3\xA9 \xE2\x82\xAC", "\"Jos\xC3\xA9 \xE2\x82\xAC\""},  // UTF-8 stays as it is
      {"\xE2\x80\xA8\xE2\x80\xA9", R"("\u2028\u2029")"},
      {"a\xFFz", "\"a\xEF\xBF\xBDz\""},              // an invalid byte becomes U+FFFD
      {"\xC0\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},  // an overlong form: two invalid bytes
      {"\xE2\x82", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},  // cut off
  };
  for (const auto& [text, expected] : kCases) EXPECT_EQ(JsonQuote(text), expected) << text;
}

TEST(HttpJson, JsonErrorIsAnObjectWithFout) {
  Response response = JsonError(413, "de inhoud is te \"groot\"");
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(response.body, R"({"fout": "de inhoud is te \"groot\""})");
  EXPECT_TRUE(response.headers.empty());
}

}  // namespace
}  // namespace sz::http
