// Reading a series from text cells and writing results, as `samenzicht detect` does.
#include "detection/series_table.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::detection {
namespace {

TEST(SeriesTableTest, ReadsObservedPopulationAndWeeks) {
  Result<Series> series = SeriesFromTable({"year", "week", "observed", "population"},
                                          {{"2020", "52", "3", "1000"},
                                           {"2020", "53", "", "1000,5"},  // 2020 has 53 ISO weeks
                                           {"2021", "1", "NA", "1001"},
                                           {"2021", "2", "7", "1002"}},
                                          52);
  ASSERT_TRUE(series.ok()) << series.status().ToString();
  ASSERT_EQ(series->size(), 4);
  EXPECT_EQ(series->observed[0], 3);
  EXPECT_TRUE(std::isnan(series->observed[1]));
  EXPECT_TRUE(std::isnan(series->observed[2]));
  EXPECT_EQ(series->population[1], 1000.5);
  EXPECT_EQ(series->start_week, 52);
}

TEST(SeriesTableTest, RejectsGapsWeek53InShortYearsAndBadCounts) {
  Result<Series> gap =
      SeriesFromTable({"year", "week", "observed"}, {{"2021", "1", "3"}, {"2021", "3", "4"}}, 52, {2, 3});
  ASSERT_EQ(gap.status().code(), StatusCode::kDataError);
  EXPECT_NE(gap.status().message().find("regel 3"), std::string::npos) << gap.status().message();
  Result<Series> week53 = SeriesFromTable({"year", "week", "observed"}, {{"2021", "53", "3"}}, 52);
  EXPECT_EQ(week53.status().code(), StatusCode::kDataError);
  // R-style 52-week years are accepted even where the ISO year has 53 weeks.
  EXPECT_TRUE(SeriesFromTable({"year", "week", "observed"}, {{"2020", "52", "3"}, {"2021", "1", "3"}}, 52).ok());
  EXPECT_EQ(
      SeriesFromTable({"year", "week", "observed"}, {{"2020", "51", "3"}, {"2021", "1", "3"}}, 52).status().code(),
      StatusCode::kDataError);
  EXPECT_EQ(SeriesFromTable({"observed"}, {{"2.5"}}, 52).status().code(), StatusCode::kDataError);
  EXPECT_EQ(SeriesFromTable({"observed"}, {{"-1"}}, 52).status().code(), StatusCode::kDataError);
  EXPECT_EQ(SeriesFromTable({"count"}, {{"1"}}, 52).status().code(), StatusCode::kDataError);
}

TEST(SeriesTableTest, NumbersAsCoreNumbersReadsThem) {
  struct Case {
    std::vector<std::string> header;
    std::vector<std::string> cells;
    bool ok;
  };
  const std::vector<Case> cases = {
      {{"observed"}, {"12"}, true},
      {{"observed"}, {" 12 "}, true},
      {{"observed"}, {"12,0"}, true},     // decimal comma, whole
      {{"observed"}, {"1.234,0"}, true},  // Dutch thousands dots
      {{"observed"}, {"1e3"}, true},
      {{"observed"}, {"12,5"}, false},  // not whole
      {{"observed"}, {"inf"}, false},
      {{"observed"}, {"0x10"}, false},
      {{"observed", "population"}, {"1", "1.000,5"}, true},
      {{"observed", "population"}, {"1", "inf"}, false},
      {{"observed", "population"}, {"1", "0"}, false},
      {{"observed", "week"}, {"1", "7"}, true},
      {{"observed", "week"}, {"1", "7,0"}, true},
      {{"observed", "week"}, {"1", "7.5"}, false},
      {{"observed", "week"}, {"1", "0"}, false},
      {{"observed", "week"}, {"1", "99999999999"}, false},
      {{"observed", "year", "week"}, {"1", "2021", "7"}, true},
      {{"observed", "year", "week"}, {"1", "2021.5", "7"}, false},  // used to be cut to 2021
      {{"observed", "year", "week"}, {"1", "1e20", "7"}, false},
  };
  for (const Case& c : cases) {
    Result<Series> series = SeriesFromTable(c.header, {c.cells}, 52);
    EXPECT_EQ(series.ok(), c.ok) << ::testing::PrintToString(c.cells) << ": " << series.status().ToString();
    if (!c.ok) {
      EXPECT_EQ(series.status().code(), StatusCode::kDataError) << ::testing::PrintToString(c.cells);
    }
  }
  Result<Series> dutch = SeriesFromTable({"observed", "population"}, {{"1.234,0", "1.000,5"}}, 52);
  ASSERT_TRUE(dutch.ok()) << dutch.status().ToString();
  EXPECT_EQ(dutch->observed[0], 1234);
  EXPECT_EQ(dutch->population[0], 1000.5);
}

TEST(SeriesTableTest, DateColumnMakesTheSeriesDateBased) {
  Result<Series> series =
      SeriesFromTable({"date", "observed"}, {{"2020-12-28", "1"}, {"04-01-2021", "2"}, {"2021-01-11", ""}}, 52);
  ASSERT_TRUE(series.ok()) << series.status().ToString();
  ASSERT_EQ(series->dates.size(), 3u);
  EXPECT_EQ(series->dates[1].ToIso(), "2021-01-04");
  EXPECT_EQ(SeriesFromTable({"date", "observed"}, {{"2021-01-04", "1"}, {"2020-12-28", "2"}}, 52).status().code(),
            StatusCode::kDataError);
  EXPECT_EQ(SeriesFromTable({"date", "observed"}, {{"2021-02-30", "1"}}, 52).status().code(), StatusCode::kDataError);
}

TEST(SeriesTableTest, WritesNAAndOptionalColumns) {
  DetectionResult result;
  result.has_score = true;
  result.time = {10};
  result.observed = {4};
  result.expected = {NAN};
  result.upperbound = {6.25};
  result.alarm = {kAlarmNA};
  result.score = {0.1};
  EXPECT_EQ(ResultHeader(result),
            (std::vector<std::string>{"t", "observed", "expected", "upperbound", "alarm", "score"}));
  EXPECT_EQ(ResultRows(result)[0], (std::vector<std::string>{"10", "4", "NA", "6.25", "NA", "0.1"}));
}

}  // namespace
}  // namespace sz::detection
