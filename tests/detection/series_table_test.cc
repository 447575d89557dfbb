// Reading a series from text cells and writing results, as `samenzicht detect` does.
#include "detection/series_table.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "detection/detector.h"
#include "io/text_table.h"

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

// Missing values as R writes NA (series_table.h): per column, what a missing cell means.
TEST(SeriesTableTest, MissingValuesPerColumn) {
  struct Case {
    const char* what;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    int frequency;
    const char* error;  // nullptr: accepted; else a part of the message (with the line)
  };
  const std::vector<Case> cases = {
      {"all-NA date is absent",
       {"observed", "date"},
       {{"1", "NA"}, {"2", ""}, {"3", "."}, {"4", " NaN "}},
       52,
       nullptr},
      {"a date missing in the middle",
       {"observed", "date"},
       {{"1", "2020-12-28"}, {"2", "NA"}, {"3", "2021-01-11"}},
       52,
       "regel 3: de datum ontbreekt"},
      {"the first date missing",
       {"observed", "date"},
       {{"1", ""}, {"2", "2021-01-04"}},
       52,
       "regel 2: de datum ontbreekt"},
      {"all-NA population is absent", {"observed", "population"}, {{"1", "NA"}, {"2", "NA"}}, 52, nullptr},
      {"a population missing",
       {"observed", "population"},
       {{"1", "1000"}, {"2", "NA"}},
       52,
       "regel 3: population ontbreekt"},
      {"a week missing",
       {"year", "week", "observed"},
       {{"2021", "1", "1"}, {"2021", "NA", "2"}},
       52,
       "regel 3: de week ontbreekt"},
      {"every week missing",
       {"year", "week", "observed"},
       {{"2021", "NA", "1"}, {"2021", "NA", "2"}},
       52,
       "regel 2: de week ontbreekt"},
      {"a year missing",
       {"year", "week", "observed"},
       {{"2021", "1", "1"}, {"", "2", "2"}},
       52,
       "regel 3: het jaar ontbreekt"},
      {"every year missing",
       {"jaar", "week", "observed"},
       {{"NA", "1", "1"}, {"NA", "2", "2"}},
       52,
       "regel 2: het jaar ontbreekt (kolom 'jaar')"},
      {"a month missing",
       {"year", "month", "observed"},
       {{"2021", "1", "1"}, {"2021", ".", "2"}},
       12,
       "regel 3: de maand ontbreekt"},
      {"missing counts", {"observed"}, {{"NA"}, {""}, {"."}, {"NaN"}, {" "}, {"3"}}, 52, nullptr},
      {"a short row", {"observed", "week"}, {{"1", "1"}, {"2"}}, 52, "regel 3 heeft 1 cellen"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Result<Series> series = SeriesFromTable(c.header, c.rows, c.frequency);
    if (c.error == nullptr) {
      ASSERT_TRUE(series.ok()) << series.status().ToString();
      EXPECT_TRUE(series->dates.empty());
      EXPECT_TRUE(series->population.empty());
      ASSERT_EQ(series->size(), static_cast<int>(c.rows.size()));
    } else {
      ASSERT_EQ(series.status().code(), StatusCode::kDataError);
      EXPECT_NE(series.status().message().find(c.error), std::string::npos) << series.status().message();
    }
  }
  Result<Series> counts = SeriesFromTable({"observed"}, {{"NA"}, {""}, {"."}, {"NaN"}, {" "}, {"3"}}, 52);
  ASSERT_TRUE(counts.ok());
  for (int t = 0; t < 5; ++t) EXPECT_TRUE(std::isnan(counts->observed[t])) << t;
  EXPECT_EQ(counts->observed[5], 3);
}

// A weekly series as R writes it with write.csv(data.frame(observed = y, date = NA), row.names = FALSE):
// quoted header, NA for the missing counts and for every date. (With R's default row names the header
// starts with an empty name "", which io::ReadTextTable refuses.)
std::string RStyleCsv(const std::vector<double>& observed, bool with_date) {
  std::string text = with_date ? "\"observed\",\"date\"\n" : "\"observed\"\n";
  for (double count : observed) {
    text += std::isnan(count) ? "NA" : std::to_string(static_cast<int>(count));
    text += with_date ? ",NA\n" : "\n";
  }
  return text;
}

Result<Series> ReadSeriesFile(const std::string& text, const std::string& name) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("series_table_test_" + std::to_string(::getpid()) + "_" + name + ".csv"))
                               .string();
  {
    std::ofstream file(path, std::ios::binary);
    file << text;
  }
  Result<io::TextTable> table = io::ReadTextTable(path);
  std::filesystem::remove(path);
  if (!table.ok()) return table.status();
  return SeriesFromTable(table->header, table->rows, 52, table->line_numbers);
}

TEST(SeriesTableTest, RStyleFileWithAllNADateColumnDetectsAsWithoutIt) {
  std::vector<double> observed(300);
  for (size_t t = 0; t < observed.size(); ++t) observed[t] = static_cast<double>((t * 7 + t / 13) % 9);
  observed[40] = observed[277] = std::nan("");
  Result<Series> with_date = ReadSeriesFile(RStyleCsv(observed, true), "with_date");
  ASSERT_TRUE(with_date.ok()) << with_date.status().ToString();
  Result<Series> without = ReadSeriesFile(RStyleCsv(observed, false), "without");
  ASSERT_TRUE(without.ok()) << without.status().ToString();
  EXPECT_TRUE(with_date->dates.empty());
  ASSERT_EQ(with_date->size(), 300);
  EXPECT_TRUE(std::isnan(with_date->observed[40]));
  for (const char* method : {"farringtonFlexible", "farrington", "earsC1"}) {
    SCOPED_TRACE(method);
    Result<Detector> detector = MakeDetector(method, {});
    ASSERT_TRUE(detector.ok()) << detector.status().ToString();
    Result<DetectionResult> a = Detect(*detector, *with_date);
    Result<DetectionResult> b = Detect(*detector, *without);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ASSERT_GT(a->size(), 0);
    EXPECT_EQ(ResultRows(*a), ResultRows(*b));
  }
  // Some dates and some NA: the first NA line of the file is named.
  std::string mixed = "\"observed\",\"date\"\n3,2021-01-04\n4,2021-01-11\nNA,NA\n";
  Result<Series> partial = ReadSeriesFile(mixed, "mixed");
  ASSERT_EQ(partial.status().code(), StatusCode::kDataError);
  EXPECT_NE(partial.status().message().find("regel 4: de datum ontbreekt"), std::string::npos)
      << partial.status().message();
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
