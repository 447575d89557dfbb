// The survey stage on a stored wave (pipeline/survey.h): the health monitor of the golden files,
// delivered as the gezondheidsmonitor contract has it, gives R's estimates from the store and
// exactly what the file gives.
#include "pipeline/survey.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/region_file.h"
#include "pipeline/compute.h"
#include "pipeline/ingest.h"
#include "sources/contract.h"
#include "support/workspace.h"
#include "survey/comparisons.h"
#include "survey/test_util.h"

namespace sz::pipeline {
namespace {

namespace fs = std::filesystem;

class SurveyStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/survey-stage-" + std::to_string(getpid());
    fs::create_directories(dir_);
    // R's monitor.csv as a delivery: wijk numbers as PSU codes within gemeente strata.
    survey::testing::Csv monitor = survey::testing::ReadCsv(survey::testing::GoldenDir() + "monitor.csv");
    auto col = [&](const char* name) {
      return static_cast<size_t>(std::find(monitor.header.begin(), monitor.header.end(), name) -
                                 monitor.header.begin());
    };
    // Wijk k of a gemeente becomes its k-th wijk in the region file (wrapping round where the file has fewer).
    const RegionTable regions = io::LoadRegionFile(testing::ConfigDir() + "/regions/twente-synthetic-2024.csv").value();
    auto wijk_code = [&](const std::string& gemeente, const std::string& number) {
      std::vector<const Region*> wijken = regions.Children(gemeente);
      return wijken[(std::stoul(number) - 1) % wijken.size()]->code;
    };
    // Every contract column; the items the golden data lacks stay empty.
    const auto& columns = sources::FindContract("gezondheidsmonitor")->extract.columns;
    std::ofstream out(dir_ + "/monitor-2024.csv");
    for (size_t c = 0; c < columns.size(); ++c) out << (c ? ";" : "") << columns[c].name;
    out << "\n";
    respondents_ = monitor.rows.size();
    for (size_t r = 0; r < monitor.rows.size(); ++r) {
      const auto& row = monitor.rows[r];
      std::map<std::string, std::string> cells = {{"respondent_id", "r" + std::to_string(r)},
                                                  {"jaar", "2024"},
                                                  {"gemeente", row[col("gemeente")]},
                                                  {"wijk", wijk_code(row[col("gemeente")], row[col("wijk")])},
                                                  {"stratum", row[col("gemeente")]},
                                                  {"psu", row[col("wijk")]},
                                                  {"gewicht", row[col("gewicht")]},
                                                  {"leeftijd", "40"},
                                                  {"geslacht", "man"},
                                                  {"inkomen_kwintiel", row[col("inkomen_q")]},
                                                  {"eenzaam", row[col("eenzaam")]},
                                                  {"mantelzorger", row[col("mantelzorger")]},
                                                  {"opleiding", row[col("opleiding")]}};
      for (size_t c = 0; c < columns.size(); ++c) out << (c ? ";" : "") << cells[columns[c].name];
      out << "\n";
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  SurveyRequest Request(const std::string& out) {
    SurveyRequest request;
    request.report.ids = "psu";
    request.report.strata = "stratum";
    request.report.weights = "gewicht";
    request.report.nest = true;
    request.report.mean = "eenzaam";
    request.report.by = "gemeente+inkomen_kwintiel";
    request.out = out;
    return request;
  }

  static std::string Read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::string dir_;
  size_t respondents_ = 0;
};

TEST_F(SurveyStageTest, AStoredWaveGivesRsEstimatesAndWhatTheFileGives) {
  FixedClock clock(Date{2025, 6, 30});
  Workspace workspace = testing::TestWorkspace("memory:", &clock);
  auto ingested = Ingest(workspace, {.source = "gezondheidsmonitor", .files = {dir_ + "/monitor-2024.csv"}});
  ASSERT_TRUE(ingested.ok()) << ingested.status().ToString();
  ASSERT_EQ(ingested->TotalRejected(), 0) << ingested->files[0].first_rejects[0].reason;

  SurveyRequest from_store = Request(dir_ + "/store.csv");
  from_store.wave = 2024;
  auto stored = RunSurvey(workspace, from_store);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->respondents, respondents_);

  SurveyRequest from_file = Request(dir_ + "/file.csv");
  from_file.data = dir_ + "/monitor-2024.csv";
  auto file = RunSurvey(workspace, from_file);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(Read(dir_ + "/store.csv"), Read(dir_ + "/file.csv"));

  // R: svyby(~eenzaam, ~gemeente + inkomen_q, svydesign(ids = ~wijk, strata = ~gemeente, weights = ~gewicht,
  // nest = TRUE), svymean) — the golden case monitor_by_mean.
  survey::testing::Csv golden = survey::testing::ReadCsv(survey::testing::GoldenDir() + "estimates.csv");
  std::map<std::string, std::pair<double, double>> expected;
  for (const auto& row : golden.rows) {
    if (row[0] == "monitor_by_mean")
      expected[row[1]] = {survey::testing::RNumber(row[3]), survey::testing::RNumber(row[4])};
  }
  auto records = survey::testing::ParseCsv(Read(dir_ + "/store.csv"));
  ASSERT_EQ(records.front(), (std::vector<std::string>{"gemeente", "inkomen_kwintiel", "term", "estimate", "se",
                                                       "ci_low", "ci_high", "n"}));
  ASSERT_EQ(records.size() - 1, expected.size());
  for (size_t r = 1; r < records.size(); ++r) {
    auto it = expected.find(records[r][0] + "." + records[r][1]);
    ASSERT_NE(it, expected.end()) << records[r][0] << "." << records[r][1];
    EXPECT_TRUE(survey::testing::NearR(survey::testing::RNumber(records[r][3]), it->second.first));
    EXPECT_TRUE(survey::testing::NearR(survey::testing::RNumber(records[r][4]), it->second.second));
  }
  EXPECT_TRUE(fs::exists(dir_ + "/store.csv.json"));
}

TEST_F(SurveyStageTest, AWaveTheStoreLacksOrTwoInputsAreRefused) {
  Workspace workspace = testing::TestWorkspace();
  SurveyRequest request = Request(dir_ + "/x.csv");
  request.wave = 2016;
  EXPECT_EQ(RunSurvey(workspace, request).status().code(), StatusCode::kNotFound);
  request.data = dir_ + "/monitor-2024.csv";
  EXPECT_EQ(RunSurvey(workspace, request).status().code(), StatusCode::kInvalidArgument);
  request.wave.reset();
  request.data.clear();
  EXPECT_EQ(RunSurvey(workspace, request).status().code(), StatusCode::kInvalidArgument);
}

// The catalogue's survey indicator from the store agrees with `samenzicht survey` on the same wave
// (svyciprop, logit interval, by gemeente and for the whole wave), and its income gap with IncomeGap.
TEST_F(SurveyStageTest, SurveyIndicatorsAgreeWithTheSurveyCommandOnTheSameWave) {
  FixedClock clock(Date{2025, 6, 30});
  Workspace workspace = testing::TestWorkspace("memory:", &clock);
  ASSERT_TRUE(Ingest(workspace, {.source = "gezondheidsmonitor", .files = {dir_ + "/monitor-2024.csv"}}).ok());
  auto computed = ComputeIndicators(workspace, {.indicators = {"eenzaam_pct", "eenzaam_pct_kloof_inkomen"}});
  ASSERT_TRUE(computed.ok()) << computed.status().ToString();
  ASSERT_EQ(computed->computed.size(), 2u);
  auto cells = (*workspace.Store())->indicator_values().Cells({.indicators = {"eenzaam_pct"}, .period = "2024"});
  ASSERT_TRUE(cells.ok());

  for (const char* by : {"gemeente", "wijk", ""}) {
    SurveyRequest request;
    request.wave = 2024;
    request.report.ids = "psu";
    request.report.strata = "stratum";
    request.report.weights = "gewicht";
    request.report.nest = true;
    request.report.ciprop = "eenzaam";
    request.report.ci_method = "logit";
    request.report.by = by;
    request.out = dir_ + "/ciprop.csv";
    ASSERT_TRUE(RunSurvey(workspace, request).ok());
    auto records = survey::testing::ParseCsv(Read(request.out));
    const size_t offset = std::string(by).empty() ? 0 : 1;  // the by-column comes first
    ASSERT_GE(records.size(), 2u);
    for (size_t r = 1; r < records.size(); ++r) {
      const std::string region = offset ? records[r][0] : "CR23";
      const store::IndicatorCell* cell = nullptr;
      for (const auto& c : *cells) {
        if (c.region == region && c.breakdown == "totaal") cell = &c;
      }
      ASSERT_NE(cell, nullptr) << region;
      EXPECT_EQ(cell->level, std::string(by) == "wijk" ? RegionLevel::kWijk
                             : offset                  ? RegionLevel::kGemeente
                                                       : RegionLevel::kRegio);
      EXPECT_NEAR(*cell->value, 100 * survey::testing::RNumber(records[r][offset + 1]), 1e-9) << region;
      // A wijk that is one PSU has a design-based se of 0 and no logit interval (R: NA); the cell then has none.
      for (auto [bound, column] : {std::pair{&cell->lower, offset + 3}, std::pair{&cell->upper, offset + 4}}) {
        const double want = survey::testing::RNumber(records[r][column]);
        if (std::isnan(want)) {
          EXPECT_FALSE(bound->has_value()) << region;
        } else {
          ASSERT_TRUE(bound->has_value()) << region;
          EXPECT_NEAR(**bound, 100 * want, 1e-9) << region;
        }
      }
      EXPECT_EQ(*cell->respondents, std::stoll(records[r][offset + 5])) << region;
    }
  }
  // Breakdown cells exist per income quintile.
  bool quintile = false;
  for (const auto& c : *cells) quintile |= c.breakdown == "inkomen_kwintiel=5";
  EXPECT_TRUE(quintile);

  // The gap for Twente: highest minus lowest quintile, as survey::IncomeGap on the whole wave.
  auto frame = SurveyFrameFromStore(**workspace.Store(), 2024);
  ASSERT_TRUE(frame.ok());
  survey::DesignSpec spec{.ids = {"psu"}, .strata = "stratum", .weights = "gewicht", .nest = true};
  auto design = survey::Design::Create(*frame, spec);
  ASSERT_TRUE(design.ok());
  auto gap = survey::IncomeGap(*design, *frame, "eenzaam", "inkomen_kwintiel", {});
  ASSERT_TRUE(gap.ok()) << gap.status().ToString();
  auto gaps =
      (*workspace.Store())->indicator_values().Cells({.indicators = {"eenzaam_pct_kloof_inkomen"}, .region = "CR23"});
  ASSERT_EQ(gaps->size(), 1u);
  // IncomeGap is lowest − highest as svyby sorts (a − b with a the first level): the catalogue's is highest − lowest.
  EXPECT_NEAR(std::fabs(*gaps->front().value), 100 * std::fabs(gap->difference), 1e-9);
  EXPECT_NEAR(*gaps->front().upper - *gaps->front().lower, 100 * (gap->ci_high - gap->ci_low), 1e-9);
}

// kalibratie = true: the wave post-stratified to bevolking. Every respondent here is a man of 40, so the
// weighted respondents of each gemeente become its population of men aged 25-44; an unknown cell or a
// year without population is refused with the cell or year named.
TEST_F(SurveyStageTest, ACalibratedSurveyIndicatorWeighsEachGemeenteToItsPopulation) {
  const std::string config = dir_ + "/config";
  fs::copy(testing::ConfigDir(), config, fs::copy_options::recursive);
  {
    std::ifstream in(config + "/indicatoren/meedoen.toml");
    std::stringstream text;
    text << in.rdbuf();
    std::string toml = text.str();
    const std::string marker = "variabele = \"eenzaam\"\n";
    ASSERT_NE(toml.find(marker), std::string::npos);
    toml.replace(toml.find(marker), marker.size(), marker + "kalibratie = true\n");
    // The sources line of eenzaam_pct: the first after its id and before its [indicator.enquete] block,
    // whatever else the indicator's table holds.
    const std::string sources = "bronnen = [\"gezondheidsmonitor\"]";
    const size_t block = toml.find("id = \"eenzaam_pct\"");
    ASSERT_NE(block, std::string::npos);
    const size_t at = toml.find(sources, block);
    ASSERT_NE(at, std::string::npos);
    ASSERT_LT(at, toml.find(marker));
    toml.replace(at, sources.size(), "bronnen = [\"gezondheidsmonitor\", \"bevolking\"]");
    std::ofstream(config + "/indicatoren/meedoen.toml") << toml;
  }
  FixedClock clock(Date{2025, 6, 30});
  auto opened = Workspace::Open({.config_dir = config, .store_url = "memory:", .clock = &clock});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Workspace& workspace = *opened;
  ASSERT_TRUE(Ingest(workspace, {.source = "gezondheidsmonitor", .files = {dir_ + "/monitor-2024.csv"}}).ok());

  // Population: every gemeente but Tubbergen (GM1700) has (100 + its rank) men aged 25-44 in 2024.
  const std::vector<std::string> gemeenten = {"GM0141", "GM0147", "GM0153", "GM0158", "GM0163", "GM0164", "GM0168",
                                              "GM0173", "GM0183", "GM0189", "GM1700", "GM1735", "GM1742", "GM1774"};
  auto write_population = [&](const std::string& path, bool with_tubbergen, int year) {
    std::ofstream pop(path);
    pop << "jaar;regio;leeftijdsklasse;geslacht;aantal\n";
    for (size_t g = 0; g < gemeenten.size(); ++g) {
      if (gemeenten[g] == "GM1700" && !with_tubbergen) continue;
      pop << year << ";" << gemeenten[g] << ";25-44;man;" << 100 + g << "\n";
      pop << year << ";" << gemeenten[g] << ";25-44;vrouw;" << 500 << "\n";
    }
  };
  write_population(dir_ + "/bevolking-2023.csv", true, 2023);
  ASSERT_TRUE(Ingest(workspace, {.source = "bevolking", .files = {dir_ + "/bevolking-2023.csv"}}).ok());
  auto no_year = ComputeIndicators(workspace, {.indicators = {"eenzaam_pct"}});
  ASSERT_EQ(no_year.status().code(), StatusCode::kDataError);
  EXPECT_NE(no_year.status().message().find("2024"), std::string::npos) << no_year.status().message();

  write_population(dir_ + "/bevolking-2024.csv", false, 2024);
  ASSERT_TRUE(Ingest(workspace, {.source = "bevolking", .files = {dir_ + "/bevolking-2024.csv"}}).ok());
  auto no_cell = ComputeIndicators(workspace, {.indicators = {"eenzaam_pct"}});
  ASSERT_EQ(no_cell.status().code(), StatusCode::kDataError);
  EXPECT_NE(no_cell.status().message().find("GM1700|25-44|man"), std::string::npos) << no_cell.status().message();

  std::ofstream(dir_ + "/tubbergen.csv") << "jaar;regio;leeftijdsklasse;geslacht;aantal\n2024;GM1700;25-44;man;77\n";
  ASSERT_TRUE(Ingest(workspace, {.source = "bevolking", .files = {dir_ + "/tubbergen.csv"}}).ok());
  auto computed = ComputeIndicators(workspace, {.indicators = {"eenzaam_pct"}});
  ASSERT_TRUE(computed.ok()) << computed.status().ToString();
  auto cells =
      (*workspace.Store())->indicator_values().Cells({.indicators = {"eenzaam_pct"}, .level = RegionLevel::kGemeente});
  ASSERT_TRUE(cells.ok());
  int checked = 0;
  for (const store::IndicatorCell& cell : *cells) {
    if (cell.breakdown != "totaal") continue;
    const size_t g = std::find(gemeenten.begin(), gemeenten.end(), cell.region) - gemeenten.begin();
    const double population = cell.region == "GM1700" ? 77 : 100 + g;
    // Every respondent answered: the weighted respondents are the gemeente's population.
    EXPECT_NEAR(*cell.denominator, population, 1e-6) << cell.region;
    ++checked;
  }
  EXPECT_EQ(checked, 14);
}

}  // namespace
}  // namespace sz::pipeline
