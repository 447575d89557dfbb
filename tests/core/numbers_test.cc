#include "core/numbers.h"

#include <gtest/gtest.h>

namespace sz {
namespace {

TEST(NumbersTest, IntegersAreStrictAndWhole) {
  EXPECT_EQ(ParseInteger("12"), 12);
  EXPECT_EQ(ParseInteger(" +12 "), 12);
  EXPECT_EQ(ParseInteger("-3"), -3);
  EXPECT_EQ(ParseInteger("9223372036854775807"), INT64_MAX);
  for (const char* bad : {"", " ", "+", "-", "12.0", "1 2", "12a", "0x10", "++1", "9223372036854775808"}) {
    EXPECT_FALSE(ParseInteger(bad).has_value()) << bad;
  }
}

TEST(NumbersTest, DecimalsTheDutchWayAndTheOther) {
  struct Case {
    const char* text;
    double value;
  };
  for (const Case& c : std::vector<Case>{{"1,25", 1.25},
                                         {"1.25", 1.25},
                                         {"-0,5", -0.5},
                                         {"+2", 2},
                                         {"1.234,5", 1234.5},
                                         {"12.345.678,9", 12345678.9},
                                         {",5", 0.5},
                                         {"1e3", 1000},
                                         {" 7 ", 7}}) {
    ASSERT_TRUE(ParseNumber(c.text).has_value()) << c.text;
    EXPECT_DOUBLE_EQ(*ParseNumber(c.text), c.value) << c.text;
  }
  for (const char* bad :
       {"", "twaalf", "1,2,3", "1.2,3", "1.2345,6", "12.34.567,8", "NaN", "inf", "1e999", "1,5x", "--1", "1 5"}) {
    EXPECT_FALSE(ParseNumber(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace sz
