#include "core/date.h"

#include <gtest/gtest.h>

namespace sz {
namespace {

TEST(DateTest, ParsesIsoDutchAndCompactForms) {
  struct Case {
    const char* text;
    Date expected;
  } cases[] = {
      {"2024-02-29", {2024, 2, 29}}, {"29-02-2024", {2024, 2, 29}}, {"1-2-2024", {2024, 2, 1}},
      {"01/02/2024", {2024, 2, 1}},  {"01.02.2024", {2024, 2, 1}},  {"20240229", {2024, 2, 29}},
  };
  for (const auto& c : cases) {
    auto parsed = ParseDate(c.text);
    ASSERT_TRUE(parsed.ok()) << c.text << ": " << parsed.status().ToString();
    EXPECT_EQ(*parsed, c.expected) << c.text;
  }
}

TEST(DateTest, RejectsImpossibleDatesWithReason) {
  auto parsed = ParseDate("31-02-2024");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kDataError);
  EXPECT_NE(parsed.status().message().find("februari 2024 heeft 29 dagen"), std::string::npos)
      << parsed.status().message();
  EXPECT_FALSE(ParseDate("29-02-2023").ok());
  EXPECT_FALSE(ParseDate("2024-13-01").ok());
  EXPECT_FALSE(ParseDate("morgen").ok());
  EXPECT_FALSE(ParseDate("").ok());
  EXPECT_FALSE(ParseDate("1-1-24").ok());  // two-digit years are ambiguous
}

TEST(DateTest, DayNumberRoundTripsAndKnownWeekdays) {
  for (int64_t day = -800000; day < 800000; day += 997) {
    EXPECT_EQ(Date::FromDayNumber(day).DayNumber(), day);
  }
  EXPECT_EQ((Date{1970, 1, 1}).DayNumber(), 0);
  EXPECT_EQ((Date{2024, 1, 1}).IsoWeekday(), 1);   // Monday
  EXPECT_EQ((Date{2023, 1, 1}).IsoWeekday(), 7);   // Sunday
  EXPECT_EQ((Date{2000, 2, 29}).IsoWeekday(), 2);  // Tuesday
  EXPECT_EQ((Date{2024, 12, 31}).DayOfYear(), 366);
}

TEST(DateTest, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_FALSE(IsLeapYear(2023));
}

}  // namespace
}  // namespace sz
