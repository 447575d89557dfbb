// The compute stage and the export (pipeline/compute.h, pipeline/export.h): ingested rows become stored
// cells equal to the indicators module's own computation on the same rows, recomputing replaces them,
// and the export writes one row per cell with the issue's columns.
#include "pipeline/compute.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "indicators/catalog_file.h"
#include "indicators/rate.h"
#include "pipeline/export.h"
#include "pipeline/ingest.h"
#include "pipeline/publish.h"
#include "sources/contract.h"
#include "support/extract_files.h"
#include "support/workspace.h"
#include "support/zip_reader.h"

namespace sz::pipeline {
namespace {

namespace fs = std::filesystem;

const char* kIndicator = "vt_meldingen_kindermishandeling_per_1000_minderjarigen";

class ComputeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/compute-test-" + std::to_string(getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // 400 VT rows: the helper varies soort, geweldsvorm, gemeente and dates over 2023.
    testing::WriteExtract(dir_ + "/vt.csv", "veilig_thuis", 400, "0123456789abcdef");
    std::ofstream pop(dir_ + "/bevolking.csv");
    pop << "jaar;regio;leeftijdsklasse;geslacht;aantal\n";
    for (const char* gm : {"GM0141", "GM0147", "GM1774", "GM0153", "GM0158", "GM0163", "GM0164", "GM1735", "GM0168",
                           "GM0173", "GM1742", "GM0183", "GM1700", "GM0189"}) {
      for (const char* band : {"0-3", "4-11", "12-17", "18-24"}) pop << "2023;" << gm << ";" << band << ";man;250\n";
    }
    pop.close();
    ASSERT_TRUE(Ingest(workspace_, {.source = "veilig_thuis", .files = {dir_ + "/vt.csv"}}).ok());
    ASSERT_TRUE(Ingest(workspace_, {.source = "bevolking", .files = {dir_ + "/bevolking.csv"}}).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<store::IndicatorCell> Stored(const std::string& id) {
    auto store = workspace_.Store();
    EXPECT_TRUE(store.ok());
    auto cells = (*store)->indicator_values().Cells({.indicators = {id}});
    EXPECT_TRUE(cells.ok()) << cells.status().ToString();
    return cells.ok() ? *cells : std::vector<store::IndicatorCell>{};
  }

  FixedClock clock_{Date{2025, 6, 30}};
  Workspace workspace_ = testing::TestWorkspace("memory:", &clock_);
  std::string dir_;
};

TEST_F(ComputeTest, StoredCellsEqualTheModulesComputationOnTheSameRows) {
  auto report = ComputeIndicators(workspace_, {.indicators = {kIndicator}});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->computed.size(), 1u);
  EXPECT_GT(report->cells, 0);
  EXPECT_TRUE(report->not_computed.empty());

  // The reference: the module's function over the rows scanned from the same store.
  store::Store* store = *workspace_.Store();
  indicators::SourceRows vt{.contract = sources::FindContract("veilig_thuis")};
  indicators::SourceRows pop{.contract = sources::FindContract("bevolking")};
  for (indicators::SourceRows* rows : {&vt, &pop}) {
    ASSERT_TRUE(store->records()
                    .Scan(*rows->contract,
                          [&](std::span<const Value> row) {
                            rows->rows.emplace_back(row.begin(), row.end());
                            return Status::Ok();
                          })
                    .ok());
  }
  auto catalog = indicators::LoadCatalog(testing::ConfigDir() + "/indicatoren");
  ASSERT_TRUE(catalog.ok());
  auto expected = indicators::ComputeRate(*indicators::FindIndicator(*catalog, kIndicator), vt, pop,
                                          **workspace_.Regions(), "CR23");
  ASSERT_TRUE(expected.ok());
  std::vector<store::IndicatorCell> cells = Stored(kIndicator);
  ASSERT_EQ(cells.size(), expected->size());
  for (size_t i = 0; i < cells.size(); ++i) {
    const indicators::IndicatorValue& want = (*expected)[i];
    EXPECT_EQ(cells[i].region, want.region);
    EXPECT_EQ(cells[i].period, want.period);
    EXPECT_EQ(cells[i].breakdown, want.breakdown);
    EXPECT_EQ(cells[i].numerator, want.numerator);
    EXPECT_EQ(cells[i].denominator, want.denominator);
    EXPECT_EQ(cells[i].value, want.value);
    EXPECT_EQ(cells[i].run_id, report->run_id);
  }
  // Some minors' rates are real numbers (the data has meldingen kindermishandeling in 2023).
  bool some_value = false;
  for (const auto& cell : cells) some_value |= cell.value.has_value() && *cell.value > 0;
  EXPECT_TRUE(some_value);

  auto run = store->indicator_values().LatestRun();
  ASSERT_TRUE(run.ok() && run->has_value());
  EXPECT_EQ((*run)->id, report->run_id);
  EXPECT_EQ((*run)->cells, report->cells);
  EXPECT_EQ((*run)->catalog_sha256.size(), 64u);
  EXPECT_EQ((*run)->link_run_id, 0);
}

TEST_F(ComputeTest, LinkedIndicatorsWaitForALinkageAndRecomputingReplaces) {
  auto first = ComputeIndicators(workspace_, {});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  bool hermelding_waits = false;
  for (const auto& [id, reason] : first->not_computed) {
    if (id == "vt_hermelding_pct") hermelding_waits = reason.find("nog niet gekoppeld") != std::string::npos;
  }
  EXPECT_TRUE(hermelding_waits);
  const size_t cells = Stored(kIndicator).size();
  auto second = ComputeIndicators(workspace_, {.full = true});
  ASSERT_TRUE(second.ok());
  EXPECT_GT(second->run_id, first->run_id);
  EXPECT_TRUE(second->unchanged.empty());
  std::vector<store::IndicatorCell> again = Stored(kIndicator);
  EXPECT_EQ(again.size(), cells) << "the second run replaces, it does not add";
  for (const auto& cell : again) EXPECT_EQ(cell.run_id, second->run_id);
  EXPECT_EQ(ComputeIndicators(workspace_, {.indicators = {"bestaat_niet"}}).status().code(), StatusCode::kNotFound);
}

// Without `full`, an indicator whose inputs did not change keeps its cells; one whose source got a
// new file is computed again, and its cells equal a full computation of the same store.
TEST_F(ComputeTest, AnIncrementalRunRecomputesOnlyTheIndicatorsWhoseInputsChanged) {
  auto first = ComputeIndicators(workspace_, {});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_FALSE(first->computed.empty());
  auto same = ComputeIndicators(workspace_, {});
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->computed.empty()) << same->computed.front().id;
  EXPECT_EQ(same->unchanged.size(), first->computed.size());
  EXPECT_EQ(Stored(kIndicator).front().run_id, first->run_id);

  // A new month of Veilig Thuis: the VT indicators are computed again, the bevolking-only ones are not.
  testing::WriteExtract(dir_ + "/vt-2.csv", "veilig_thuis", 30, "0123456789abcdef", nullptr, /*row_offset=*/1000);
  ASSERT_TRUE(Ingest(workspace_, {.source = "veilig_thuis", .files = {dir_ + "/vt-2.csv"}}).ok());
  auto next = ComputeIndicators(workspace_, {});
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  std::set<std::string> recomputed;
  for (const ComputedIndicator& c : next->computed) recomputed.insert(c.id);
  EXPECT_TRUE(recomputed.count(kIndicator));
  EXPECT_TRUE(recomputed.count("levering_volledigheid_pct"));  // reports on veilig_thuis too
  for (const std::string& id : next->unchanged) EXPECT_FALSE(recomputed.count(id));
  EXPECT_FALSE(next->unchanged.empty());

  auto strip = [](std::vector<store::IndicatorCell> cells) {
    for (store::IndicatorCell& cell : cells) cell.run_id = 0;
    return cells;
  };
  std::vector<store::IndicatorCell> incremental = strip((*workspace_.Store())->indicator_values().Cells({}).value());
  auto full = ComputeIndicators(workspace_, {.full = true});
  ASSERT_TRUE(full.ok());
  EXPECT_TRUE(full->unchanged.empty());
  std::vector<store::IndicatorCell> recomputed_all = strip((*workspace_.Store())->indicator_values().Cells({}).value());
  ASSERT_EQ(incremental.size(), recomputed_all.size());
  for (size_t i = 0; i < incremental.size(); ++i) ASSERT_EQ(incremental[i], recomputed_all[i]) << i;
}

TEST_F(ComputeTest, ExportWritesOneRowPerCellWithTheIssuesColumns) {
  EXPECT_EQ(ExportCells(workspace_, {.out = dir_ + "/x.csv"}).status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(ComputeIndicators(workspace_, {.indicators = {kIndicator}}).ok());
  auto dutch =
      ExportCells(workspace_, {.out = dir_ + "/waarden.csv", .indicators = {kIndicator}, .gemeente = "GM0153"});
  ASSERT_TRUE(dutch.ok()) << dutch.status().ToString();
  std::ifstream in(dir_ + "/waarden.csv");
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  ASSERT_GE(all.size(), 3u);
  EXPECT_EQ(all.substr(0, 3), "\xEF\xBB\xBF") << "Dutch Excel: UTF-8 with BOM";
  std::istringstream lines(all.substr(3));
  std::string header;
  std::getline(lines, header);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  EXPECT_EQ(header,
            "indicator;titel;thema;regio;regio_naam;niveau;periode;uitsplitsing;teller;noemer;waarde;ondergrens;"
            "bovengrens;eenheid;n;status;reden;bron;berekend_op");
  int64_t rows = 0;
  bool decimal_comma = false;
  for (std::string line; std::getline(lines, line);) {
    ++rows;
    const bool enschede = line.find(";GM0153;Enschede;gemeente;") != std::string::npos;
    const bool its_wijk = line.find(";WK0153") != std::string::npos && line.find(";wijk;") != std::string::npos;
    EXPECT_TRUE(enschede || its_wijk) << "only Enschede and its wijken: " << line;
    EXPECT_NE(line.find(";alleen_analist;"), std::string::npos);
    EXPECT_NE(line.find("2025-06-30T00:00:00Z"), std::string::npos) << "berekend_op from the workspace clock";
    decimal_comma |= line.find(",") != std::string::npos;
  }
  EXPECT_EQ(rows, dutch->rows);
  EXPECT_GT(rows, 0);
  EXPECT_TRUE(decimal_comma);
  EXPECT_TRUE(fs::exists(dir_ + "/waarden.csv.json"));

  auto plain = ExportCells(workspace_, {.out = dir_ + "/plain.csv", .level = RegionLevel::kRegio, .dialect = "plain"});
  ASSERT_TRUE(plain.ok());
  std::ifstream plain_in(dir_ + "/plain.csv");
  std::string plain_header;
  std::getline(plain_in, plain_header);
  EXPECT_EQ(plain_header.rfind("indicator,titel,thema,", 0), 0u);
  EXPECT_EQ(ExportCells(workspace_, {.out = dir_ + "/y.csv", .gemeente = "GM9999"}).status().code(),
            StatusCode::kNotFound);
}

TEST_F(ComputeTest, WeeklyRegistrationsPerDeskWithAForecast) {
  auto report = ComputeIndicators(workspace_, {.indicators = {"meldingen_per_week"}});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->computed.size(), 1u);
  std::vector<store::IndicatorCell> cells = Stored("meldingen_per_week");
  // Twente's observed weeks add up to the distinct VT registrations; 13 forecast weeks follow.
  double observed = 0;
  int forecast = 0;
  std::string last_observed, first_forecast;
  for (const auto& cell : cells) {
    if (cell.region != "CR23") continue;
    if (cell.breakdown == "bron=veilig_thuis") {
      observed += cell.numerator.value_or(0);
      last_observed = std::max(last_observed, cell.period);
    }
    if (cell.breakdown == "bron=veilig_thuis&reeks=voorspelling") {
      if (first_forecast.empty() || cell.period < first_forecast) first_forecast = cell.period;
      ++forecast;
      EXPECT_FALSE(cell.numerator.has_value());
      ASSERT_TRUE(cell.value && cell.lower && cell.upper);
      EXPECT_LE(*cell.lower, *cell.value);
      EXPECT_GE(*cell.upper, *cell.value);
    }
  }
  EXPECT_EQ(forecast, 13);
  // The data end on Friday 27 October 2023: that week is incomplete, so it is forecast too.
  EXPECT_EQ(last_observed, "2023-W43");
  EXPECT_EQ(first_forecast, "2023-W43");
  std::set<std::string> ids;
  store::Store* store = *workspace_.Store();
  const auto& table = sources::FindContract("veilig_thuis")->extract;
  ASSERT_TRUE(store->records()
                  .Scan(*sources::FindContract("veilig_thuis"),
                        [&](std::span<const Value> row) {
                          ids.insert(row[table.IndexOf("melding_id")].ToString());
                          return Status::Ok();
                        })
                  .ok());
  EXPECT_EQ(observed, static_cast<double>(ids.size()));
}

TEST_F(ComputeTest, XlsxHasADefinitionsSheetAndOneSheetPerIndicatorWithNumbersAsNumbers) {
  testing::WriteExtract(dir_ + "/jeugdhulp.csv", "jeugdhulp", 200, "0123456789abcdef");
  ASSERT_TRUE(Ingest(workspace_, {.source = "jeugdhulp", .files = {dir_ + "/jeugdhulp.csv"}}).ok());
  ASSERT_TRUE(
      ComputeIndicators(workspace_, {.indicators = {kIndicator, "uithuisplaatsingen_per_1000_minderjarigen"}}).ok());
  const std::string out = dir_ + "/waarden.xlsx";
  auto report = ExportCells(workspace_, {.out = out, .level = RegionLevel::kRegio, .format = "xlsx"});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(fs::exists(out + ".tmp"));
  std::map<std::string, std::string> zip = testing::ReadZip(out);
  ASSERT_TRUE(zip.count("[Content_Types].xml")) << "not a valid XLSX";
  const std::string& workbook = zip["xl/workbook.xml"];
  EXPECT_NE(workbook.find("name=\"definities\""), std::string::npos) << workbook;
  // The indicator's id is 54 characters: its sheet name is cut to Excel's 31.
  EXPECT_NE(workbook.find("name=\"vt_meldingen_kindermishandeling\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"uithuisplaatsingen_per_1000_min\""), std::string::npos) << workbook;
  ASSERT_TRUE(zip.count("xl/worksheets/sheet3.xml"));
  // Row 2 of an indicator's sheet: teller (column I) is a number cell, not a shared string.
  const std::string& sheet = zip["xl/worksheets/sheet2.xml"];
  const size_t cell = sheet.find("<c r=\"I2\"");
  ASSERT_NE(cell, std::string::npos) << sheet.substr(0, 2000);
  EXPECT_EQ(sheet.substr(cell, sheet.find('>', cell) - cell).find("t=\"s\""), std::string::npos) << "a number";
  EXPECT_NE(zip["xl/sharedStrings.xml"].find("alleen_analist"), std::string::npos);

  // Unknown formats are refused; a bad path leaves nothing behind.
  EXPECT_EQ(ExportCells(workspace_, {.out = dir_ + "/x.ods", .format = "ods"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ExportCells(workspace_, {.out = dir_ + "/geen-map/x.xlsx", .format = "xlsx"}).status().code(),
            StatusCode::kIoError);
}

}  // namespace
}  // namespace sz::pipeline

namespace sz::pipeline {
namespace {

TEST_F(ComputeTest, PublishingNeedsAComputationAndGivesTheSamePublicationTwice) {
  EXPECT_EQ(PublishIndicators(workspace_).status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(ComputeIndicators(workspace_, {.indicators = {kIndicator}}).ok());
  Result<PublishReport> first = PublishIndicators(workspace_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  store::Store* store = *workspace_.Store();
  auto cells = store->publications().Cells({});
  ASSERT_TRUE(cells.ok());
  // Every computed cell but the weeks, and at wijk level the years only (fijnste_periode_wijk).
  size_t computed = 0;
  for (const store::IndicatorCell& cell : Stored(kIndicator)) {
    computed +=
        cell.period.find("-W") == std::string::npos && (cell.level != RegionLevel::kWijk || cell.period.size() == 4);
  }
  EXPECT_EQ(cells->size(), computed);
  EXPECT_EQ(first->cells, static_cast<int64_t>(computed));
  EXPECT_GT(first->suppressed_primary, 0);  // 400 rows over 14 gemeenten and their wijken: small counts
  for (const store::PublishedCell& cell : *cells) {
    if (!store::IsSuppressed(cell.status)) continue;
    EXPECT_FALSE(cell.numerator || cell.denominator || cell.value || cell.lower || cell.upper);
    EXPECT_FALSE(cell.reason.empty());
  }
  bool forecast_listed = false, survey_listed = false;
  for (const auto& [id, reason] : first->not_published) {
    forecast_listed |= id == "meldingen_per_week";
    survey_listed |= id == "eenzaam_pct";
  }
  EXPECT_TRUE(forecast_listed);  // its kind has no rules yet
  EXPECT_FALSE(survey_listed);   // survey estimates are published by their respondents
  Result<PublishReport> second = PublishIndicators(workspace_);
  ASSERT_TRUE(second.ok());
  EXPECT_GT(second->publication_id, first->publication_id);
  EXPECT_EQ(*store->publications().Cells({}), *cells);
  // The second publish took every part's protection from the first one's memo: no audit, same cells.
  EXPECT_GT(first->parts, 0);
  EXPECT_EQ(first->parts_reused, 0);
  EXPECT_EQ(second->parts, first->parts);
  EXPECT_EQ(second->parts_reused, second->parts);
  EXPECT_EQ(second->solves, 0);
  // --full protects every part afresh, to the same publication.
  Result<PublishReport> third = PublishIndicators(workspace_, {.full = true});
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->parts_reused, 0);
  EXPECT_GT(third->solves, 0);
  EXPECT_EQ(*store->publications().Cells({}), *cells);
}

// Rows of a plain-dialect export, split into their fields.
std::vector<std::vector<std::string>> ReadPlainRows(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream fs(line);
    std::string field;
    while (std::getline(fs, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.push_back("");
    rows.push_back(fields);
  }
  return rows;
}

TEST_F(ComputeTest, AnAudienceExportReadsOnlyThePublishedCellsItMaySee) {
  ASSERT_TRUE(ComputeIndicators(workspace_, {.indicators = {kIndicator}}).ok());
  const std::string out = dir_ + "/gemeente.csv";
  ExportRequest request{.out = out, .dialect = "plain", .audience = "gemeente:GM0153"};
  EXPECT_EQ(ExportCells(workspace_, request).status().code(), StatusCode::kFailedPrecondition);  // nothing published
  ASSERT_TRUE(PublishIndicators(workspace_).ok());
  ASSERT_TRUE(ExportCells(workspace_, request).ok());
  // Columns: 3 regio, 5 niveau, 8 teller, 9 noemer, 10 waarde, 11/12 interval, 15 status, 16 reden.
  int suppressed = 0, wijken = 0;
  const auto rows = ReadPlainRows(out);
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) {
    ASSERT_GE(row.size(), 17u);
    if (row[5] == "wijk") {
      ++wijken;
      EXPECT_EQ(row[3].substr(0, 6), "WK0153") << "another gemeente's wijk";
    }
    EXPECT_NE(row[15], "alleen_analist");
    if (row[15].rfind("onderdrukt", 0) == 0) {
      ++suppressed;
      EXPECT_EQ(row[10], ".");
      EXPECT_TRUE(row[8].empty() && row[9].empty() && row[11].empty() && row[12].empty());
      EXPECT_FALSE(row[16].empty());
    } else if (!row[8].empty()) {
      const double count = std::stod(row[8]);
      EXPECT_TRUE(count == 0 || count >= 10) << "a count of 1..9 left the analysts: " << row[8];
    }
  }
  EXPECT_GT(wijken, 0);
  EXPECT_GT(suppressed, 0);
  ExportRequest publiek{.out = dir_ + "/publiek.csv", .dialect = "plain", .audience = "publiek"};
  ASSERT_TRUE(ExportCells(workspace_, publiek).ok());
  for (const auto& row : ReadPlainRows(publiek.out)) EXPECT_NE(row[5], "wijk");
  ExportRequest unknown{.out = dir_ + "/x.csv", .audience = "iedereen"};
  EXPECT_EQ(ExportCells(workspace_, unknown).status().code(), StatusCode::kInvalidArgument);
  // A newer computation makes the publication outdated: nothing leaves until it is published again.
  ASSERT_TRUE(ComputeIndicators(workspace_, {.indicators = {kIndicator}, .full = true}).ok());
  EXPECT_EQ(ExportCells(workspace_, request).status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(PublishIndicators(workspace_).ok());
  EXPECT_TRUE(ExportCells(workspace_, request).ok());
}

}  // namespace
}  // namespace sz::pipeline
