// MakeSurveyReport (what `samenzicht survey` writes) and, when the binary is built, the command end to end.
#include "survey/report.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_util.h"

namespace sz::survey {
namespace {

using testing::Csv;
using testing::NearR;
using testing::RNumber;

struct Input {
  Csv csv;
  explicit Input(const std::string& name) : csv(testing::ReadCsv(testing::GoldenDir() + name + ".csv")) {}
};

// Golden rows of a case keyed by "domain|term".
std::map<std::string, std::vector<std::string>> Golden(const std::string& name) {
  Csv est = testing::ReadCsv(testing::GoldenDir() + "estimates.csv");
  std::map<std::string, std::vector<std::string>> rows;
  for (const auto& row : est.rows) {
    if (row[0] == name) rows[row[1] + "|" + row[2]] = row;
  }
  return rows;
}

void ExpectMatchesGolden(const std::string& output, const std::string& case_name, int by_columns) {
  ASSERT_NE(output.rfind("#", 0), 0u) << "the CSV starts with its header line (provenance is in the sidecar)";
  auto records = testing::ParseCsv(output);
  auto golden = Golden(case_name);
  ASSERT_EQ(records.size() - 1, golden.size());
  const auto& header = records[0];
  EXPECT_EQ(header[by_columns], "term");
  for (size_t k = 1; k < records.size(); ++k) {
    const auto& row = records[k];
    std::string domain;
    for (int col = 0; col < by_columns; ++col) domain += (col ? "." : "") + row[col];
    auto it = golden.find(domain + "|" + row[by_columns]);
    ASSERT_NE(it, golden.end()) << domain << " " << row[by_columns];
    for (int col = 0; col < 4; ++col) {
      EXPECT_TRUE(NearR(RNumber(row[by_columns + 1 + col]), RNumber(it->second[3 + col])));
    }
    EXPECT_EQ(row[by_columns + 5], it->second[8]);  // n
  }
}

TEST(SurveyReport, DomainMeansWithDeffMatchR) {
  Input in("apistrat");
  ReportOptions options;
  options.strata = "stype";
  options.weights = "pw";
  options.fpc = "fpc";
  options.mean = "api00+meals_high";
  options.by = "stype+awards";
  options.deff = true;
  auto csv = MakeSurveyReport(options, in.csv.header, in.csv.rows, {});
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  EXPECT_NE(csv->description.find("na.rm=TRUE"), std::string::npos);
  EXPECT_EQ(csv->csv.rfind("stype,awards,term,estimate,se,ci_low,ci_high,n,deff\n", 0), 0u);  // header first
  ExpectMatchesGolden(csv->csv, "strat_by2_mean", 2);
}

TEST(SurveyReport, CipropBetaInNestedMonitorMatchesR) {
  Input in("monitor");
  ReportOptions options;
  options.ids = "wijk";
  options.strata = "gemeente";
  options.weights = "gewicht";
  options.nest = true;
  options.ciprop = "mantelzorger";
  options.ci_method = "beta";
  options.by = "leeftijd";
  auto csv = MakeSurveyReport(options, in.csv.header, in.csv.rows, {});
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  ExpectMatchesGolden(csv->csv, "monitor_by_ciprop_beta", 1);
}

TEST(SurveyReport, UsageErrorsAreInvalidArgument) {
  Input in("apistrat");
  ReportOptions two;
  two.mean = "api00";
  two.total = "enroll";
  EXPECT_EQ(MakeSurveyReport(two, in.csv.header, in.csv.rows, {}).status().code(), StatusCode::kInvalidArgument);
  ReportOptions none;
  EXPECT_EQ(MakeSurveyReport(none, in.csv.header, in.csv.rows, {}).status().code(), StatusCode::kInvalidArgument);
  ReportOptions bad_quantile;
  bad_quantile.quantile = "api00:1.5";
  EXPECT_EQ(MakeSurveyReport(bad_quantile, in.csv.header, in.csv.rows, {}).status().code(),
            StatusCode::kInvalidArgument);
  ReportOptions likelihood;
  likelihood.ciprop = "sch_wide_yes";
  likelihood.ci_method = "profile";
  auto result = MakeSurveyReport(likelihood, in.csv.header, in.csv.rows, {});
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(result.status().message().find("--ci-method moet"), std::string::npos);
  ReportOptions unknown;
  unknown.mean = "no_such_column";
  EXPECT_EQ(MakeSurveyReport(unknown, in.csv.header, in.csv.rows, {}).status().code(), StatusCode::kInvalidArgument);
}

TEST(SurveyReport, LonelyPsuFailNamesTheStratum) {
  Input in("apiclus1");
  ReportOptions options;
  options.ids = "dnum";
  options.strata = "cname";
  options.weights = "pw";
  options.mean = "api00";
  auto result = MakeSurveyReport(options, in.csv.header, in.csv.rows, {});
  ASSERT_EQ(result.status().code(), StatusCode::kDataError);
  EXPECT_NE(result.status().message().find("stratum 'Alameda' heeft maar één PSU in trap 1"), std::string::npos)
      << result.status().message();
  // R's own words, as the golden errors.csv holds them.
  EXPECT_NE(result.status().message().find("Stratum (Alameda) has only one PSU at stage 1"), std::string::npos);
  options.lonely_psu = "average";
  EXPECT_TRUE(MakeSurveyReport(options, in.csv.header, in.csv.rows, {}).ok());
}

TEST(SurveyReport, DesignErrorsAreDataErrors) {
  Input in("apistrat");
  ReportOptions options;
  options.ids = "dnum";
  options.strata = "stype";  // districts cross school types: not nested
  options.mean = "api00";
  auto result = MakeSurveyReport(options, in.csv.header, in.csv.rows, {});
  EXPECT_EQ(result.status().code(), StatusCode::kDataError);
  EXPECT_NE(result.status().message().find("nest=TRUE"), std::string::npos);
  ReportOptions mixed;
  mixed.strata = "stype";
  mixed.fpc = "fpc+fpc_frac";
  mixed.mean = "api00";
  EXPECT_FALSE(MakeSurveyReport(mixed, in.csv.header, in.csv.rows, {}).ok());
}

TEST(SurveyReport, SpssValueLabelsBecomeTerms) {
  std::vector<std::string> header = {"psu", "w", "opleiding"};
  std::vector<std::vector<std::string>> rows = {{"1", "1", "1"}, {"2", "2", "2"}, {"3", "1", "2"}, {"4", "1", ""}};
  ReportOptions options;
  options.ids = "psu";
  options.weights = "w";
  options.mean = "opleiding";
  auto csv = MakeSurveyReport(options, header, rows, {{"opleiding", {{"1", "laag"}, {"2", "hoog"}, {"3", "midden"}}}});
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  EXPECT_NE(csv->csv.find("\nopleidinglaag,0.25,"), std::string::npos) << csv->csv;
  EXPECT_NE(csv->csv.find("\nopleidinghoog,0.75,"), std::string::npos) << csv->csv;
  EXPECT_NE(csv->csv.find("\nopleidingmidden,0,"), std::string::npos) << csv->csv;
}

// End to end through the binary (reading with io::ReadTextTable), when it has been built.
TEST(SurveyCommand, BinaryWritesTheReport) {
  const std::string binary = std::string(SZ_BINARY_DIR) + "/src/cli/samenzicht";
  if (!std::filesystem::exists(binary)) GTEST_SKIP() << "build the samenzicht target to run this test";
  const std::string out = ::testing::TempDir() + "survey_command_test.csv";
  const std::string command = binary + " survey --data " + testing::GoldenDir() +
                              "apistrat.csv --strata stype --weights pw --fpc fpc --mean api00+meals_high"
                              " --by stype+awards --deff --out " +
                              out;
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  ExpectMatchesGolden(text.str(), "strat_by2_mean", 2);
  // The design and the missing-value handling are in the sidecar, for people and tools to read.
  std::ifstream sidecar(out + ".json");
  std::stringstream provenance;
  provenance << sidecar.rdbuf();
  EXPECT_NE(provenance.str().find("\"opdracht\": \"survey\""), std::string::npos) << provenance.str();
  EXPECT_NE(provenance.str().find("na.rm=TRUE"), std::string::npos) << provenance.str();
}

}  // namespace
}  // namespace sz::survey

namespace sz::survey {
namespace {

// Issue 5: "single-PSU strata handled with the same options R offers, with 'fail' never silent" — also when
// only some domains reach the lonely stratum (svyby then stops, as R does).
TEST(Issue5, LonelyPsuFailIsNeverSilentInDomains) {
  Input in("apiclus1");
  ReportOptions options;
  options.ids = "dnum";
  options.strata = "cname";
  options.weights = "pw";
  options.mean = "api00";
  options.by = "stype";
  auto result = MakeSurveyReport(options, in.csv.header, in.csv.rows, {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kDataError);
  EXPECT_NE(result.status().message().find("heeft maar één PSU in trap 1"), std::string::npos);
  options.lonely_psu = "remove";
  auto removed = MakeSurveyReport(options, in.csv.header, in.csv.rows, {});
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  ExpectMatchesGolden(removed->csv, "lonely_remove_mean", 1);
}

}  // namespace
}  // namespace sz::survey
