// Every case of tests/data/golden/survey/cases.csv (written by scripts/golden/survey.R from R's survey
// package 4.1-1) is run through SvyBy and compared with R's estimates.csv / errors.csv to relative 1e-6.
#include <gtest/gtest.h>

#include <map>

#include "survey/calibration.h"
#include "survey/comparisons.h"
#include "survey/domains.h"
#include "test_util.h"

namespace sz::survey {
namespace {

using testing::Csv;
using testing::NearR;
using testing::RNumber;
using testing::Split;

struct GoldenCase {
  std::map<std::string, std::string> field;
  const std::string& operator[](const std::string& name) const { return field.at(name); }
};

std::vector<GoldenCase> ReadCases() {
  Csv csv = testing::ReadCsv(testing::GoldenDir() + "cases.csv");
  std::vector<GoldenCase> cases;
  for (const auto& row : csv.rows) {
    GoldenCase c;
    for (size_t col = 0; col < csv.header.size(); ++col) c.field[csv.header[col]] = row[col];
    cases.push_back(c);
  }
  return cases;
}

const SurveyFrame& Frame(const std::string& name) {
  static std::map<std::string, SurveyFrame> frames;
  auto it = frames.find(name);
  if (it == frames.end()) it = frames.emplace(name, testing::ReadFrame(name)).first;
  return it->second;
}

DesignSpec SpecOf(const GoldenCase& c) {
  DesignSpec spec;
  if (c["ids"] != "1") spec.ids = Split(c["ids"], '+');
  spec.strata = c["strata"];
  spec.weights = c["weights"];
  spec.fpc = Split(c["fpc"], '+');
  spec.nest = c["nest"] == "1";
  spec.lonely_psu = ParseLonelyPsu(c["lonely"]).value();
  return spec;
}

AnalysisRequest RequestOf(const GoldenCase& c) {
  AnalysisRequest request;
  const std::string& estimator = c["estimator"];
  if (estimator == "mean") request.statistic = Statistic::kMean;
  if (estimator == "total") request.statistic = Statistic::kTotal;
  if (estimator == "ratio") request.statistic = Statistic::kRatio;
  if (estimator == "ciprop") request.statistic = Statistic::kCiProp;
  if (estimator == "quantile") request.statistic = Statistic::kQuantile;
  request.variables = Split(c["vars"], estimator == "ratio" ? '/' : '+');
  request.by = Split(c["by"], '+');
  if (!c["method"].empty()) request.ci_method = ParseCiMethod(c["method"]).value();
  if (!c["p"].empty()) request.quantile = std::stod(c["p"]);
  request.options.level = std::stod(c["level"]);
  request.options.deff = c["deff"] == "1";
  return request;
}

std::string DomainLabel(const std::vector<std::string>& key) {
  std::string label;
  for (size_t k = 0; k < key.size(); ++k) label += (k ? "." : "") + key[k];
  return label;
}

PopulationTable Population(const std::string& variable) {
  Csv csv = testing::ReadCsv(testing::GoldenDir() + "pop_" + variable + ".csv");
  PopulationTable table;
  table.variables = {variable};
  for (const auto& row : csv.rows) table.cells.push_back({{row[0]}, std::stod(row[1])});
  return table;
}

// The calibration column: "poststratify:VAR", "rake:VAR|VAR", "linear:VAR+VAR:T1;T2;...", "raking:...".
Status Calibrate(Design& design, const SurveyFrame& frame, const std::string& spec) {
  if (spec.empty()) return Status::Ok();
  const size_t colon = spec.find(':');
  const std::string kind = spec.substr(0, colon), rest = spec.substr(colon + 1);
  if (kind == "poststratify") return PostStratify(design, frame, Population(rest));
  if (kind == "rake") {
    std::vector<PopulationTable> margins;
    for (const auto& variable : Split(rest, '|')) margins.push_back(Population(variable));
    return Rake(design, frame, margins);
  }
  const size_t split = rest.find(':');
  std::vector<double> totals;
  for (const auto& total : Split(rest.substr(split + 1), ';')) totals.push_back(std::stod(total));
  if (kind == "raking") return CalibrateRaking(design, frame, Split(rest.substr(0, split), '+'), totals);
  return CalibrateLinear(design, frame, Split(rest.substr(0, split), '+'), totals);
}

TEST(SurveyGolden, EveryCaseMatchesR) {
  Csv estimates = testing::ReadCsv(testing::GoldenDir() + "estimates.csv");
  Csv errors = testing::ReadCsv(testing::GoldenDir() + "errors.csv");
  std::map<std::string, std::vector<const std::vector<std::string>*>> expected_rows;
  for (const auto& row : estimates.rows) expected_rows[row[estimates.Col("case")]].push_back(&row);
  std::map<std::string, std::string> expected_errors;
  for (const auto& row : errors.rows) expected_errors[row[0]] = row[1];

  int compared = 0;
  for (const GoldenCase& c : ReadCases()) {
    SCOPED_TRACE("case " + c["case"]);
    const SurveyFrame& frame = Frame(c["data"]);
    auto design = Design::Create(frame, SpecOf(c));
    ASSERT_TRUE(design.ok()) << design.status().ToString();
    ASSERT_TRUE(Calibrate(*design, frame, c["calibration"]).ok());
    auto result = SvyBy(*design, frame, RequestOf(c));
    if (expected_errors.count(c["case"])) {
      ASSERT_FALSE(result.ok());
      EXPECT_EQ(result.status().code(), StatusCode::kDataError);
      EXPECT_NE(result.status().message().find(expected_errors[c["case"]]), std::string::npos)
          << result.status().message();
      continue;
    }
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    const auto& expected = expected_rows[c["case"]];
    ASSERT_EQ(result->size(), expected.size());
    for (size_t k = 0; k < expected.size(); ++k) {
      const auto& row = *expected[k];
      const DomainEstimate& actual = (*result)[k];
      SCOPED_TRACE("domain '" + row[estimates.Col("domain")] + "' term " + row[estimates.Col("term")]);
      EXPECT_EQ(DomainLabel(actual.key), row[estimates.Col("domain")]);
      EXPECT_EQ(actual.estimate.term, row[estimates.Col("term")]);
      EXPECT_TRUE(NearR(actual.estimate.estimate, RNumber(row[estimates.Col("estimate")])));
      EXPECT_TRUE(NearR(actual.estimate.se, RNumber(row[estimates.Col("se")])));
      EXPECT_TRUE(NearR(actual.estimate.ci_low, RNumber(row[estimates.Col("ci_low")])));
      EXPECT_TRUE(NearR(actual.estimate.ci_high, RNumber(row[estimates.Col("ci_high")])));
      if (c["deff"] == "1") {
        EXPECT_TRUE(NearR(actual.estimate.deff, RNumber(row[estimates.Col("deff")])));
      }
      EXPECT_EQ(actual.estimate.n, std::stol(row[estimates.Col("n")]));
      ++compared;
    }
  }
  EXPECT_GT(compared, 200);
}

Domain Where(const Design& design, const SurveyFrame& frame, const std::string& column, const std::string& level) {
  const Variable* variable = frame.Find(column).value();
  std::vector<char> member(frame.num_rows());
  for (size_t row = 0; row < frame.num_rows(); ++row) {
    member[row] = variable->categorical ? (variable->codes[row] >= 0 && variable->levels[variable->codes[row]] == level)
                                        : variable->text[row] == level;
  }
  return DomainOf(design, member);
}

void ExpectComparison(const Comparison& actual, const std::vector<std::string>& row) {
  SCOPED_TRACE(row[0]);
  EXPECT_TRUE(NearR(actual.difference, RNumber(row[1])));
  EXPECT_TRUE(NearR(actual.se, RNumber(row[2])));
  EXPECT_TRUE(NearR(actual.ci_low, RNumber(row[3])));
  EXPECT_TRUE(NearR(actual.ci_high, RNumber(row[4])));
  EXPECT_TRUE(NearR(actual.statistic, RNumber(row[5])));
  EXPECT_TRUE(NearR(actual.p_normal, RNumber(row[6])));
  EXPECT_TRUE(NearR(actual.df, RNumber(row[7])));
  EXPECT_TRUE(NearR(actual.p_t, RNumber(row[8])));
}

TEST(SurveyGolden, ComparisonsMatchR) {
  Csv expected = testing::ReadCsv(testing::GoldenDir() + "comparisons.csv");
  ASSERT_EQ(expected.rows.size(), 4u);
  const SurveyFrame& strat = Frame("apistrat");
  const SurveyFrame& clus1 = Frame("apiclus1");
  const SurveyFrame& monitor = Frame("monitor");
  Design dstrat = Design::Create(strat, {.ids = {}, .strata = "stype", .weights = "pw", .fpc = {"fpc"}}).value();
  Design dmon =
      Design::Create(monitor, {.ids = {"wijk"}, .strata = "gemeente", .weights = "gewicht", .fpc = {}, .nest = true})
          .value();
  Design dclus1 = Design::Create(clus1, {.ids = {"dnum"}, .strata = "", .weights = "pw", .fpc = {"fpc"}}).value();

  auto e_vs_h = CompareDomains(dstrat, strat, "api00", Where(dstrat, strat, "stype", "E"),
                               Where(dstrat, strat, "stype", "H"), {});
  ASSERT_TRUE(e_vs_h.ok()) << e_vs_h.status().ToString();
  ExpectComparison(*e_vs_h, expected.rows[0]);

  auto gap = IncomeGap(dmon, monitor, "eenzaam", "inkomen_q", {});
  ASSERT_TRUE(gap.ok()) << gap.status().ToString();
  ExpectComparison(*gap, expected.rows[1]);

  auto vs_all =
      CompareDomains(dmon, monitor, "eenzaam", Where(dmon, monitor, "gemeente", "GM0153"), WholeSample(dmon), {});
  ASSERT_TRUE(vs_all.ok()) << vs_all.status().ToString();
  ExpectComparison(*vs_all, expected.rows[2]);

  auto m1 = SvyMean(dclus1, clus1, {"api00"}, WholeSample(dclus1), {}).value()[0];
  auto m2 = SvyMean(dstrat, strat, {"api00"}, WholeSample(dstrat), {}).value()[0];
  ExpectComparison(CompareIndependent(m1, m2, {}), expected.rows[3]);
}

}  // namespace
}  // namespace sz::survey
