// Digit strings (core/digits.h): only ASCII digits, never empty, overflow refused.
#include "core/digits.h"

#include <gtest/gtest.h>

namespace sz {
namespace {

TEST(DigitsTest, AllDigitsAcceptsOnlyAsciiDigits) {
  EXPECT_TRUE(AllDigits("0153"));
  EXPECT_TRUE(AllDigits("7"));
  EXPECT_FALSE(AllDigits(""));
  EXPECT_FALSE(AllDigits("-1"));
  EXPECT_FALSE(AllDigits("+1"));
  EXPECT_FALSE(AllDigits(" 1"));
  EXPECT_FALSE(AllDigits("1a"));
  EXPECT_FALSE(AllDigits("١٢"));  // Arabic-Indic digits are not ASCII digits
}

TEST(DigitsTest, ParseDigitsParsesOrLeavesTheValue) {
  int value = -5;
  EXPECT_TRUE(ParseDigits("2024", value));
  EXPECT_EQ(value, 2024);
  EXPECT_TRUE(ParseDigits("007", value));
  EXPECT_EQ(value, 7);
  value = -5;
  EXPECT_FALSE(ParseDigits("", value));
  EXPECT_FALSE(ParseDigits("-3", value));
  EXPECT_FALSE(ParseDigits("20a4", value));
  EXPECT_FALSE(ParseDigits("99999999999", value));  // beyond int
  EXPECT_EQ(value, -5);
}

}  // namespace
}  // namespace sz
