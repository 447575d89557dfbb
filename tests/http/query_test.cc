// Query strings and paths (http/query.h): table-driven good and bad cases, each bad one with the
// specific code and the parameter its message names.
#include "http/query.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sz::http {
namespace {

using Parameters = std::vector<std::pair<std::string, std::string>>;
using namespace std::string_view_literals;

struct GoodQuery {
  std::string_view query;
  Parameters expected;
};

TEST(Query, DecodesGoodQueries) {
  const GoodQuery kCases[] = {
      {"", {}},
      {"a=1", {{"a", "1"}}},
      {"a=1&b=%20x", {{"a", "1"}, {"b", " x"}}},
      {"q=a+b", {{"q", "a b"}}},
      {"a+b=c", {{"a b", "c"}}},
      {"flag", {{"flag", ""}}},
      {"leeg=", {{"leeg", ""}}},
      {"a=1&&b=2&", {{"a", "1"}, {"b", "2"}}},
      {"a=1&a=2", {{"a", "1"}, {"a", "2"}}},
      {"x=a=b", {{"x", "a=b"}}},
      {"gemeente=Hof%20van%20Twente", {{"gemeente", "Hof van Twente"}}},
      {"naam=Jos%C3%A9", {{"naam", "Jos\xC3\xA9"}}},
      {"euro=%E2%82%ac", {{"euro", "\xE2\x82\xAC"}}},  // lower-case hex
      {"plus=%2B", {{"plus", "+"}}},
      {"smiley=%F0%9F%98%80", {{"smiley", "\xF0\x9F\x98\x80"}}},
  };
  for (const GoodQuery& good : kCases) {
    Result<Parameters> parsed = ParseQuery(good.query);
    ASSERT_TRUE(parsed.ok()) << good.query << ": " << parsed.status().ToString();
    EXPECT_EQ(*parsed, good.expected) << good.query;
  }
}

struct BadQuery {
  std::string_view query;
  std::string_view message_part;  // what the Dutch message must contain
};

TEST(Query, RejectsBadQueriesNamingTheParameter) {
  const BadQuery kCases[] = {
      {"wijk=%", "queryparameter 'wijk' bevat een ongeldige procentcodering"},
      {"wijk=%4", "queryparameter 'wijk' bevat een ongeldige procentcodering"},
      {"wijk=%G1", "queryparameter 'wijk' bevat een ongeldige procentcodering"},
      {"wijk=ab%zz", "ongeldige procentcodering"},
      {"a=1&%zz=1", "queryparameter nr. 2 bevat een ongeldige procentcodering"},
      {"naam=a%00b", "queryparameter 'naam' bevat een NUL-teken"},
      {"naam=%0A", "queryparameter 'naam' bevat een stuurteken"},
      {"naam=%7F", "stuurteken"},
      {"naam=%C2%85", "stuurteken"},                                               // U+0085, a C1 control
      {"pad=%C0%AF", "queryparameter 'pad' is na decodering geen geldige UTF-8"},  // overlong '/'
      {"pad=%E0%80%AF", "geen geldige UTF-8"},                                     // overlong, three bytes
      {"s=%ED%A0%80", "queryparameter 's' is na decodering geen geldige UTF-8"},   // a surrogate
      {"s=%F4%90%80%80", "geen geldige UTF-8"},                                    // above U+10FFFF
      {"s=%C3", "geen geldige UTF-8"},                                             // cut off
      {"s=\xFF", "geen geldige UTF-8"},                                            // raw, unescaped
      {"%C0%AF=1", "queryparameter nr. 1 is na decodering geen geldige UTF-8"},
      {"=1", "queryparameter nr. 1 heeft geen naam"},
  };
  for (const BadQuery& bad : kCases) {
    Result<Parameters> parsed = ParseQuery(bad.query);
    ASSERT_FALSE(parsed.ok()) << bad.query;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << bad.query;
    EXPECT_NE(parsed.status().message().find(bad.message_part), std::string::npos)
        << bad.query << ": " << parsed.status().message();
  }
}

TEST(Query, RawNulIsRejected) {
  Result<Parameters> parsed = ParseQuery("a=x\0y"sv);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
}

TEST(Query, MessagesNeverRepeatTheValue) {
  Result<Parameters> parsed = ParseQuery("bsn=123456782%00");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message().find("123456782"), std::string::npos) << parsed.status().message();
}

TEST(Query, AtMostSixtyFourParameters) {
  std::string query;
  for (int param_idx = 0; param_idx < 64; ++param_idx) query += "p" + std::to_string(param_idx) + "=1&";
  Result<Parameters> at_limit = ParseQuery(query);
  ASSERT_TRUE(at_limit.ok()) << at_limit.status().ToString();
  EXPECT_EQ(at_limit->size(), 64u);
  Result<Parameters> over = ParseQuery(query + "p64=1");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(over.status().message().find("te veel queryparameters (hoogstens 64)"), std::string::npos);
}

TEST(Query, NameAndValueLengthLimits) {
  EXPECT_TRUE(ParseQuery(std::string(64, 'n') + "=1").ok());
  Result<Parameters> long_name = ParseQuery(std::string(65, 'n') + "=1");
  ASSERT_FALSE(long_name.ok());
  EXPECT_NE(long_name.status().message().find("de naam van queryparameter nr. 1 is te lang (hoogstens 64 bytes)"),
            std::string::npos)
      << long_name.status().message();

  EXPECT_TRUE(ParseQuery("v=" + std::string(1024, 'x')).ok());
  Result<Parameters> long_value = ParseQuery("v=" + std::string(1025, 'x'));
  ASSERT_FALSE(long_value.ok());
  EXPECT_NE(long_value.status().message().find("de waarde van queryparameter 'v' is te lang (hoogstens 1024 bytes)"),
            std::string::npos)
      << long_value.status().message();
  // The limits count decoded bytes: 1024 escapes of three characters are 1024 bytes.
  std::string escaped;
  for (int byte_idx = 0; byte_idx < 1024; ++byte_idx) escaped += "%41";
  EXPECT_TRUE(ParseQuery("v=" + escaped).ok());
}

TEST(QueryPath, DecodesPaths) {
  const std::pair<std::string_view, std::string_view> kCases[] = {
      {"/", "/"},
      {"/api/indicatoren", "/api/indicatoren"},
      {"/gemeente/Hof%20van%20Twente", "/gemeente/Hof van Twente"},
      {"/a+b", "/a+b"},      // '+' stays '+' in a path
      {"/%2e%2e/", "/../"},  // decoded; static_files.h refuses it
      {"/caf%C3%A9", "/caf\xC3\xA9"},
  };
  for (const auto& [raw, expected] : kCases) {
    Result<std::string> decoded = PercentDecodePath(raw);
    ASSERT_TRUE(decoded.ok()) << raw << ": " << decoded.status().ToString();
    EXPECT_EQ(*decoded, expected) << raw;
  }
}

TEST(QueryPath, RejectsBadPaths) {
  const std::pair<std::string_view, std::string_view> kCases[] = {
      {"/a%", "het pad bevat een ongeldige procentcodering"},
      {"/a%2", "ongeldige procentcodering"},
      {"/a%%41", "ongeldige procentcodering"},
      {"/a%00", "het pad bevat een NUL-teken"},
      {"/a%0D%0ASet-Cookie:x", "het pad bevat een stuurteken"},
      {"/a%C0%AF", "het pad is na decodering geen geldige UTF-8"},
      {"/a%ED%A0%80", "geen geldige UTF-8"},
      {"/a%C1%BF", "geen geldige UTF-8"},
  };
  for (const auto& [raw, message_part] : kCases) {
    Result<std::string> decoded = PercentDecodePath(raw);
    ASSERT_FALSE(decoded.ok()) << raw;
    EXPECT_EQ(decoded.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(decoded.status().message().find(message_part), std::string::npos)
        << raw << ": " << decoded.status().message();
  }
}

}  // namespace
}  // namespace sz::http
