// The scan's zones, baselines and a scan of the latest weeks for dwarsverbanden (signals/crossdesk.h).
#include "signals/crossdesk.h"

#include <gtest/gtest.h>

#include <random>

namespace sz::signals {
namespace {

// Gemeente A with four wijken, B with one, C with two; residents 1,000 per wijk.
CrossDeskGrid Grid(int streams, int weeks) {
  CrossDeskGrid grid;
  grid.wijken = {"WK000100", "WK000101", "WK000102", "WK000103", "WK000200", "WK000300", "WK000301"};
  grid.gemeenten = {"GM0001", "GM0001", "GM0001", "GM0001", "GM0002", "GM0003", "GM0003"};
  grid.residents.assign(grid.wijken.size(), 1000);
  grid.streams = streams;
  grid.weeks = weeks;
  grid.counts.assign(grid.wijken.size() * streams * weeks, 0);
  return grid;
}

double& At(CrossDeskGrid& grid, int wijk, int stream, int week) {
  return grid.counts[(static_cast<size_t>(wijk) * grid.streams + stream) * grid.weeks + week];
}

TEST(CrossDeskZonesTest, EachWijkWithItsNeighboursAndEachGemeente) {
  const std::vector<CrossDeskZone> zones = CrossDeskZones(Grid(2, 10));
  std::vector<std::pair<std::string, std::vector<int>>> got;
  for (const CrossDeskZone& z : zones) got.emplace_back(z.centre, z.wijken);
  const std::vector<std::pair<std::string, std::vector<int>>> want = {
      {"WK000100", {0}},       {"WK000100", {0, 1}}, {"WK000101", {1}},    {"WK000101", {0, 1, 2}},  {"WK000102", {2}},
      {"WK000102", {1, 2, 3}}, {"WK000103", {3}},    {"WK000103", {2, 3}}, {"GM0001", {0, 1, 2, 3}}, {"WK000200", {4}},
      {"WK000300", {5}},       {"WK000301", {6}},    {"GM0003", {5, 6}}};
  EXPECT_EQ(got, want);
}

TEST(CrossDeskBaselinesTest, OwnHistoryAndTheGemeentesShareOverTwiceTheHistory) {
  CrossDeskGrid grid = Grid(1, 10);
  grid.residents = {1000, 3000, 0, 0, 500, 1000, 1000};
  // history = weeks 2..5 (end 9, horizon 4, history 4); counts outside it must not count.
  At(grid, 0, 0, 2) = 2;
  At(grid, 0, 0, 5) = 2;
  At(grid, 1, 0, 3) = 4;
  At(grid, 0, 0, 1) = 100;  // before the history
  At(grid, 0, 0, 7) = 100;  // inside the scanned weeks
  Result<std::vector<double>> b = CrossDeskBaselines(grid, 9, 4, 4);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  // GM0001: 8 reports, 4,000 residents. Wijk 0: own 4, borrowed 8 · 1/4 = 2 → (4 + 2) / 8.
  EXPECT_DOUBLE_EQ((*b)[0], 6.0 / 8);
  EXPECT_DOUBLE_EQ((*b)[1], (4 + 6.0) / 8);
  EXPECT_DOUBLE_EQ((*b)[2], 0.5 / 8);  // nothing own, no residents: the floor
  EXPECT_DOUBLE_EQ((*b)[4], 0.5 / 8);
  EXPECT_EQ(CrossDeskBaselines(grid, 9, 4, 7).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(CrossDeskBaselines(grid, 10, 4, 4).status().code(), StatusCode::kInvalidArgument);
}

TEST(CrossDeskScanTest, FindsTwoDesksRisingTogetherInOneWijk) {
  CrossDeskGrid grid = Grid(3, 80);
  std::mt19937_64 rng(7);
  std::poisson_distribution<int> quiet(0.3);
  for (double& c : grid.counts) c = quiet(rng);
  for (int week = 76; week < 80; ++week) {  // the last four weeks, desks 0 and 2 in wijk 5
    At(grid, 5, 0, week) += 2;
    At(grid, 5, 2, week) += 2;
  }
  const std::vector<CrossDeskZone> zones = CrossDeskZones(grid);
  Result<std::vector<ScanCluster>> clusters =
      ScanCrossDeskAt(grid, zones, 79, {.scan = {.replications = 199, .max_clusters = 3}});
  ASSERT_TRUE(clusters.ok()) << clusters.status().ToString();
  ASSERT_FALSE(clusters->empty());
  const ScanCluster& top = clusters->front();
  EXPECT_EQ(zones[top.zone].centre.substr(0, 6), "WK0003") << zones[top.zone].centre;
  EXPECT_NE(std::find(zones[top.zone].wijken.begin(), zones[top.zone].wijken.end(), 5), zones[top.zone].wijken.end());
  EXPECT_EQ(top.streams, (std::vector<int>{0, 2}));
  EXPECT_GE(top.window, 3);
  EXPECT_LE(top.window, 6);
  EXPECT_LE(top.p_value, 0.01);
  EXPECT_LT(top.p_gumbel, 0.001);
  // The same data a week before the rise: nothing comes near.
  Result<std::vector<ScanCluster>> before =
      ScanCrossDeskAt(grid, zones, 75, {.scan = {.replications = 199, .max_clusters = 3}});
  ASSERT_TRUE(before.ok());
  for (const ScanCluster& c : *before) EXPECT_GT(c.p_value, 0.01);
}

}  // namespace
}  // namespace sz::signals
