// Factsheets (pipeline/report.h): what a gemeente's sheet shows is what its audience may see (a
// suppressed key figure is "." with its reason, never the analysts' value); signals and targets only
// for the analysts; errors before anything is written; a PDF printer that cannot run is named.
#include "pipeline/report.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "pipeline/compute.h"
#include "pipeline/export.h"
#include "pipeline/ingest.h"
#include "pipeline/publish.h"
#include "pipeline/targets.h"
#include "support/extract_files.h"
#include "support/workspace.h"

namespace sz::pipeline {
namespace {

namespace fs = std::filesystem;

const char* kIndicator = "vt_meldingen_kindermishandeling_per_1000_minderjarigen";
const char* kTitle = "Meldingen kindermishandeling bij Veilig Thuis per 1.000 minderjarigen";

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/report-test-" + std::to_string(getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
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
    ASSERT_TRUE(ComputeIndicators(workspace_, {.indicators = {kIndicator}}).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The key-figure row of kIndicator in `html`.
  static std::string Row(const std::string& html) {
    const size_t at = html.find(std::string("<th scope=\"row\">") + kTitle + "</th>");
    if (at == std::string::npos) return "";
    return html.substr(at, html.find("</tr>", at) - at);
  }

  // The 2023 cell of kIndicator for `gemeente` as `audience` reads it.
  ExportedCell Cell2023(const std::string& gemeente, const std::string& audience) {
    auto cells = SelectCells(
        workspace_,
        {.indicators = {kIndicator}, .region = gemeente, .period = "2023", .breakdown = "totaal", .audience = audience},
        false);
    EXPECT_TRUE(cells.ok()) << cells.status().ToString();
    EXPECT_EQ(cells.ok() ? cells->size() : 0u, 1u);
    return cells.ok() && !cells->empty() ? cells->front() : ExportedCell{};
  }

  FixedClock clock_{Date{2025, 6, 30}};
  Workspace workspace_ = testing::TestWorkspace("memory:", &clock_);
  std::string dir_;
};

size_t Column(const std::string& name) {
  const auto& names = ExportColumns();
  return std::find(names.begin(), names.end(), name) - names.begin();
}

// The factsheet's display of a number: 0 decimals from 100, 1 from 1, else 2, with a decimal comma.
std::string Dutch(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", std::fabs(v) >= 100 ? 0 : (std::fabs(v) >= 1 || v == 0) ? 1 : 2, v);
  std::string text = buffer;
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

TEST_F(ReportTest, AGemeenteSheetShowsThePublishedFiguresAndADotWithItsReasonForASuppressedOne) {
  EXPECT_EQ(FactsheetHtml(workspace_, "GM0168", "").status().code(), StatusCode::kFailedPrecondition);  // unpublished
  ASSERT_TRUE(PublishIndicators(workspace_).ok());
  int suppressed = 0, shown = 0;
  for (const char* gm : {"GM0141", "GM0147", "GM1774", "GM0153", "GM0158", "GM0163", "GM0164", "GM1735", "GM0168",
                         "GM0173", "GM1742", "GM0183", "GM1700", "GM0189"}) {
    SCOPED_TRACE(gm);
    FactsheetFile summary;
    Result<std::string> html = FactsheetHtml(workspace_, gm, "", &summary);
    ASSERT_TRUE(html.ok()) << html.status().ToString();
    EXPECT_EQ(summary.audience, std::string("gemeente:") + gm);
    EXPECT_NE(html->find("<html lang=\"nl\">"), std::string::npos);
    const std::string row = Row(*html);
    ASSERT_FALSE(row.empty()) << "the key figure of " << kIndicator;
    const ExportedCell published = Cell2023(gm, "gemeente:" + std::string(gm));
    if (published.text[Column("waarde")] == ".") {
      ++suppressed;
      EXPECT_NE(row.find("<td class=\"num\">.</td>"), std::string::npos) << row;
      EXPECT_NE(html->find(published.text[Column("reden")]), std::string::npos) << "the reason is named";
      EXPECT_GE(summary.suppressed, 1);
      // The analysts' sheet of the same gemeente shows the computed value, and says not to spread it.
      Result<std::string> analyst = FactsheetHtml(workspace_, gm, "analist");
      ASSERT_TRUE(analyst.ok());
      EXPECT_NE(analyst->find("niet verspreiden"), std::string::npos);
      const std::optional<double> computed = Cell2023(gm, "analist").number[Column("waarde")];
      ASSERT_TRUE(computed.has_value());
      EXPECT_NE(Row(*analyst).find(">" + Dutch(*computed) + " per 1.000 minderjarigen<"), std::string::npos);
    } else {
      ++shown;
      const std::optional<double> value = published.number[Column("waarde")];
      ASSERT_TRUE(value.has_value());
      EXPECT_NE(row.find(">" + Dutch(*value) + " per 1.000 minderjarigen<"), std::string::npos) << row;
    }
    // The sheet never carries an unpublished figure: signals are only named, targets are projected
    // from the cells published to the gemeente.
    EXPECT_NE(html->find("Signalen staan alleen in de factsheet voor analisten"), std::string::npos);
    EXPECT_EQ(summary.signals, 0);
    Result<std::vector<TargetRow>> targets =
        ComputeTargets(workspace_, {.gemeente = gm, .audience = "gemeente:" + std::string(gm)});
    ASSERT_TRUE(targets.ok()) << targets.status().ToString();
    EXPECT_EQ(summary.targets, static_cast<int>(targets->size()));
  }
  // 400 registrations over 14 gemeenten: some counts are small enough to be suppressed, some not.
  EXPECT_GT(suppressed, 0);
  EXPECT_GT(shown, 0);
}

TEST_F(ReportTest, ThePublicSheetOfEveryGemeenteAndItsFiles) {
  ASSERT_TRUE(PublishIndicators(workspace_).ok());
  const std::string out = dir_ + "/sheets";
  Result<std::vector<FactsheetFile>> files =
      WriteFactsheets(workspace_, {.all = true, .audience = "publiek", .out_dir = out, .pdf = false});
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  ASSERT_EQ(files->size(), 14u);
  for (const FactsheetFile& f : *files) {
    EXPECT_EQ(f.audience, "publiek");
    EXPECT_TRUE(fs::exists(f.html)) << f.html;
    EXPECT_TRUE(fs::exists(f.html + ".json"));
    EXPECT_TRUE(f.pdf.empty());
    EXPECT_GE(f.indicators, 1);
  }
  EXPECT_EQ(files->front().html, out + "/factsheet-GM0141.html");
}

TEST_F(ReportTest, ErrorsNameWhatIsWrongAndWriteNothing) {
  ASSERT_TRUE(PublishIndicators(workspace_).ok());
  const std::string out = dir_ + "/sheets";
  EXPECT_EQ(WriteFactsheets(workspace_, {.out_dir = out}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(WriteFactsheets(workspace_, {.gemeenten = {"GM9999"}, .out_dir = out}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(WriteFactsheets(workspace_, {.gemeenten = {"WK016800"}, .out_dir = out}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(
      WriteFactsheets(workspace_, {.gemeenten = {"GM0168"}, .audience = "iedereen", .out_dir = out}).status().code(),
      StatusCode::kInvalidArgument);
  // A second, bad gemeente stops the run before the first sheet is written.
  EXPECT_FALSE(WriteFactsheets(workspace_, {.gemeenten = {"GM0168", "GM9999"}, .out_dir = out}).ok());
  EXPECT_FALSE(fs::exists(out));
  Result<std::vector<FactsheetFile>> no_printer =
      WriteFactsheets(workspace_, {.gemeenten = {"GM0168"}, .out_dir = out, .chromium = dir_ + "/geen-chromium"});
  ASSERT_EQ(no_printer.status().code(), StatusCode::kIoError);
  EXPECT_NE(no_printer.status().message().find("geen-chromium"), std::string::npos);
  EXPECT_FALSE(fs::exists(out + "/factsheet-GM0168.pdf"));
  EXPECT_FALSE(fs::exists(out + "/factsheet-GM0168.pdf.tmp"));
}

}  // namespace
}  // namespace sz::pipeline
