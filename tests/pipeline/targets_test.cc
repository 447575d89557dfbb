// samenzicht doelen (pipeline/targets.h): yearly stored cells of an indicator with a 2030 target
// become a trend, a projection and a status; partial years, quarters and breakdowns are left out.
#include "pipeline/targets.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/workspace.h"

namespace sz::pipeline {
namespace {

TEST(TargetsStageTest, YearlyCellsGiveTheTrendProjectionAndStatus) {
  FixedClock clock(Date{2025, 6, 30});
  Workspace workspace = testing::TestWorkspace("memory:", &clock);
  store::Store* store = *workspace.Store();
  std::vector<store::IndicatorCell> cells;
  std::vector<indicators::YearValue> expected;
  auto cell = [](const char* region, RegionLevel level, std::string period, double value,
                 const char* breakdown = "totaal") {
    store::IndicatorCell c;
    c.indicator = "vt_hermelding_pct";
    c.level = level;
    c.region = region;
    c.period = std::move(period);
    c.breakdown = breakdown;
    c.value = value;
    return c;
  };
  for (int year = 2016; year <= 2024; ++year) {
    const double value = 40 - 1.2 * (year - 2016) + (year % 2 ? 0.5 : -0.5);
    cells.push_back(cell("GM0168", RegionLevel::kGemeente, std::to_string(year), value));
    expected.push_back({year, value});
  }
  cells.push_back(cell("GM0168", RegionLevel::kGemeente, "2025", 99));     // this year: partial, left out
  cells.push_back(cell("GM0168", RegionLevel::kGemeente, "2024-Q1", 99));  // not a year
  cells.push_back(cell("GM0168", RegionLevel::kGemeente, "2024", 99, "categorie=x"));
  cells.push_back(cell("GM0153", RegionLevel::kGemeente, "2024", 30));  // another gemeente
  {
    auto tx = store->Begin();
    auto run = store->indicator_values().AddRun({.computed_at = "2025-06-30T00:00:00Z"});
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE(store->indicator_values().ReplaceIndicator(*run, "vt_hermelding_pct", cells).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  const std::string out = ::testing::TempDir() + "/doelen-" + std::to_string(getpid()) + ".csv";
  auto rows = ComputeTargets(workspace, {.gemeente = "GM0168", .out = out});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  const TargetRow& row = rows->front();
  EXPECT_EQ(row.region_name, "Losser");
  EXPECT_EQ(row.target, 30);
  EXPECT_TRUE(row.example);
  EXPECT_EQ(row.national_reference, 38.0);
  auto want = indicators::ProjectTarget(expected, {.value = 30}, indicators::Direction::kLowerIsBetter);
  ASSERT_TRUE(want.ok());
  EXPECT_EQ(row.trend.years, 9);
  EXPECT_DOUBLE_EQ(*row.trend.projected, *want->projected);
  EXPECT_EQ(row.trend.status, "op_koers") << "falling 1.2 a year: well under 30 by 2030";
  std::ifstream in(out);
  std::string header;
  std::getline(in, header);
  EXPECT_NE(header.find("indicator;titel;regio;regio_naam;niveau;basisjaar;basiswaarde"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(out + ".json"));
  std::filesystem::remove(out);
  std::filesystem::remove(out + ".json");
  EXPECT_EQ(ComputeTargets(workspace, {.gemeente = "GM9999"}).status().code(), StatusCode::kNotFound);
  // Any other audience reads the published cells: none here yet.
  EXPECT_EQ(ComputeTargets(workspace, {.gemeente = "GM0168", .audience = "gemeente:GM0168"}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ComputeTargets(workspace, {.audience = "iedereen"}).status().code(), StatusCode::kInvalidArgument);
  Workspace empty = testing::TestWorkspace();
  EXPECT_EQ(ComputeTargets(empty, {}).status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sz::pipeline
