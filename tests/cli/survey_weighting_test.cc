// `samenzicht survey --poststratify/--rake` against R's postStratify and rake (golden estimates of
// scripts/golden/survey.R: cases ps_mean and rake_mean on apiclus1).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "io/text_table.h"
#include "support/run_command.h"

namespace sz {
namespace {

const std::string kGolden = std::string(SZ_SOURCE_DIR) + "/tests/data/golden/survey";

// term → {estimate, se, ci_low, ci_high} of a golden case.
std::map<std::string, std::vector<double>> Golden(const std::string& case_name) {
  auto table = io::ReadTextTable(kGolden + "/estimates.csv");
  EXPECT_TRUE(table.ok());
  std::map<std::string, std::vector<double>> out;
  for (const auto& row : table->rows) {
    if (row[0] != case_name) continue;
    out[row[2]] = {std::stod(row[3]), std::stod(row[4]), std::stod(row[5]), std::stod(row[6])};
  }
  return out;
}

std::map<std::string, std::vector<double>> Ours(const std::string& path) {
  auto table = io::ReadTextTable(path);
  EXPECT_TRUE(table.ok()) << table.status().ToString();
  std::map<std::string, std::vector<double>> out;
  for (const auto& row : table->rows) {
    out[row[0]] = {std::stod(row[1]), std::stod(row[2]), std::stod(row[3]), std::stod(row[4])};
  }
  return out;
}

void ExpectClose(const std::map<std::string, std::vector<double>>& ours,
                 const std::map<std::string, std::vector<double>>& golden) {
  ASSERT_FALSE(golden.empty());
  ASSERT_EQ(ours.size(), golden.size());
  for (const auto& [term, values] : golden) {
    ASSERT_TRUE(ours.count(term)) << term;
    for (size_t i = 0; i < values.size(); ++i) {
      EXPECT_NEAR(ours.at(term)[i], values[i], 1e-6 * std::abs(values[i])) << term << " column " << i;
    }
  }
}

TEST(SurveyWeightingTest, PostStratifyAndRakeMatchR) {
  std::string out = ::testing::TempDir() + "/weighting-" + std::to_string(getpid()) + ".csv";
  std::string design = "survey --data " + kGolden + "/apiclus1.csv --ids dnum --weights pw --fpc fpc ";
  auto ps = testing::RunSamenzicht(design + "--mean api00+enroll --poststratify stype --population " + kGolden +
                                   "/pop_stype.csv --out " + out);
  ASSERT_EQ(ps.exit_code, 0) << ps.output;
  ExpectClose(Ours(out), Golden("ps_mean"));
  auto rake = testing::RunSamenzicht(design + "--mean api00 --rake " + kGolden + "/pop_stype.csv --rake " + kGolden +
                                     "/pop_sch.wide.csv --out " + out);
  ASSERT_EQ(rake.exit_code, 0) << rake.output;
  ExpectClose(Ours(out), Golden("rake_mean"));
}

TEST(SurveyWeightingTest, UsageErrors) {
  std::string design = "survey --data " + kGolden + "/apiclus1.csv --ids dnum --weights pw --mean api00 --out /dev/null ";
  EXPECT_EQ(testing::RunSamenzicht(design + "--poststratify stype").exit_code, 1);
  EXPECT_EQ(testing::RunSamenzicht(design + "--population " + kGolden + "/pop_stype.csv").exit_code, 1);
  auto wrong = testing::RunSamenzicht(design + "--poststratify awards --population " + kGolden + "/pop_stype.csv");
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.output.find("--poststratify"), std::string::npos);
}

}  // namespace
}  // namespace sz
