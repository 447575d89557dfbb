// SurveyFrame's column typing: the number syntax is core/numbers.h's ParseNumber.
#include "survey/frame.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "survey/report.h"

namespace sz::survey {
namespace {

struct TypingCase {
  std::vector<std::string> cells;
  bool categorical;
  std::vector<double> values;  // numeric columns: NaN where missing
};

TEST(SurveyFrameTest, NumbersAsCoreReadsThem) {
  const double na = std::nan("");
  const std::vector<TypingCase> cases = {
      {{"12", "-0.5", "3e4", "+2"}, false, {12, -0.5, 3e4, 2}},
      {{"0,5", "1.234,5", "-1.000", " 7 "}, false, {0.5, 1234.5, -1, 7}},  // decimal comma, thousands dots
      {{"1", "", "NA", "2"}, false, {1, na, na, 2}},                       // missing cells
      {{"1", "1,2,3"}, true, {}},                                          // two commas: text
      {{"1", "1.23,4"}, true, {}},                                         // not thousands-grouped
      {{"1", "inf"}, true, {}},
      {{"1", "nan"}, true, {}},
      {{"1", "0x10"}, true, {}},
  };
  for (const TypingCase& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.cells));
    std::vector<std::vector<std::string>> rows;
    for (const std::string& cell : c.cells) rows.push_back({cell});
    auto frame = SurveyFrame::FromRows({"v"}, rows);
    ASSERT_TRUE(frame.ok()) << frame.status().ToString();
    auto variable = frame->Find("v");
    ASSERT_TRUE(variable.ok());
    EXPECT_EQ((*variable)->categorical, c.categorical);
    if (c.categorical) continue;
    ASSERT_EQ((*variable)->values.size(), c.values.size());
    for (size_t row = 0; row < c.values.size(); ++row) {
      if (std::isnan(c.values[row])) {
        EXPECT_TRUE(std::isnan((*variable)->values[row])) << row;
      } else {
        EXPECT_EQ((*variable)->values[row], c.values[row]) << row;
      }
    }
  }
}

TEST(SurveyFrameTest, QuantileProbabilityUsesTheSameSyntax) {
  auto frame = SurveyFrame::FromRows({"x"}, {{"1"}, {"2"}, {"3"}, {"4"}});
  ASSERT_TRUE(frame.ok());
  for (const char* good : {"x:0.5", "x:0,5", "x:1", "x:0"}) {
    ReportOptions options;
    options.quantile = good;
    EXPECT_TRUE(MakeSurveyReport(options, *frame).ok()) << good;
  }
  for (const char* bad : {"x:", "x:1.5", "x:-0.1", "x:0.5a", "x:0x0.8", "x:nan", "x:1,2,3"}) {
    ReportOptions options;
    options.quantile = bad;
    EXPECT_EQ(MakeSurveyReport(options, *frame).status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace sz::survey
