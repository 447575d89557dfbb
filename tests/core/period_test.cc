#include "core/period.h"

#include <gtest/gtest.h>

namespace sz {
namespace {

TEST(IsoWeekTest, WeekYearEdgeCasesAroundFirstJanuary) {
  struct Case {
    Date date;
    IsoWeek week;
  } cases[] = {
      {{2024, 12, 30}, {2025, 1}},  // Monday of 2025-W01 lies in December
      {{2021, 1, 3}, {2020, 53}},   // Sunday: still the last week of 2020 (a 53-week year)
      {{2021, 1, 4}, {2021, 1}},
      {{2016, 1, 1}, {2015, 53}},
      {{2019, 12, 30}, {2020, 1}},
      {{2027, 1, 1}, {2026, 53}},
      {{2024, 1, 1}, {2024, 1}},
      {{2023, 1, 1}, {2022, 52}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsoWeek::FromDate(c.date), c.week) << c.date.ToIso();
  }
}

TEST(IsoWeekTest, WeeksInYearAndNavigation) {
  EXPECT_EQ(IsoWeeksInYear(2020), 53);
  EXPECT_EQ(IsoWeeksInYear(2015), 53);
  EXPECT_EQ(IsoWeeksInYear(2026), 53);
  EXPECT_EQ(IsoWeeksInYear(2024), 52);
  EXPECT_EQ((IsoWeek{2020, 53}).Next(), (IsoWeek{2021, 1}));
  EXPECT_EQ((IsoWeek{2021, 1}).Previous(), (IsoWeek{2020, 53}));
  EXPECT_EQ((IsoWeek{2024, 52}).Next(), (IsoWeek{2025, 1}));
  EXPECT_EQ((IsoWeek{2025, 1}).Monday(), (Date{2024, 12, 30}));
  EXPECT_EQ((IsoWeek{2021, 1}).Ordinal() - (IsoWeek{2020, 1}).Ordinal(), 53);
}

TEST(PeriodTest, ParseAndFormatRoundTrip) {
  for (const char* text : {"2024-W01", "2020-W53", "2024-03", "2024-Q1", "2024"}) {
    auto period = Period::Parse(text);
    ASSERT_TRUE(period.ok()) << text;
    EXPECT_EQ(period->ToString(), text);
  }
  EXPECT_FALSE(Period::Parse("2024-W53").ok());  // 2024 has 52 ISO weeks
  EXPECT_FALSE(Period::Parse("2024-13").ok());
  EXPECT_FALSE(Period::Parse("2024-Q5").ok());
  EXPECT_FALSE(Period::Parse("24").ok());
}

TEST(PeriodTest, WeeksMapToTheMonthQuarterAndYearOfTheirThursday) {
  Period week = Period::Week(IsoWeek{2025, 1});  // 30-12-2024 … 05-01-2025, Thursday 2 January 2025
  EXPECT_EQ(week.CoarsenTo(PeriodKind::kMonth).ToString(), "2025-01");
  EXPECT_EQ(week.CoarsenTo(PeriodKind::kQuarter).ToString(), "2025-Q1");
  EXPECT_EQ(week.CoarsenTo(PeriodKind::kYear).ToString(), "2025");
  Period w53 = Period::Week(IsoWeek{2020, 53});  // Thursday 31 December 2020
  EXPECT_EQ(w53.CoarsenTo(PeriodKind::kYear).ToString(), "2020");
  EXPECT_EQ(Period::Month(2024, 2).Days(), 29);
  EXPECT_EQ(Period::Quarter(2024, 4).last_day(), (Date{2024, 12, 31}));
  EXPECT_EQ(Period::Month(2024, 12).Next().ToString(), "2025-01");
  EXPECT_EQ(Period::Quarter(2024, 1).Previous().ToString(), "2023-Q4");
  EXPECT_TRUE(Period::Containing(PeriodKind::kQuarter, Date{2024, 5, 5}).Contains(Date{2024, 6, 30}));
}

}  // namespace
}  // namespace sz
