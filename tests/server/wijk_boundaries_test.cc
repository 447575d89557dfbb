// LoadWijkBoundaries (server/wijk_boundaries.h): keeps the region's wijken and only the arcs they use,
// renumbered with reversed arcs kept reversed, names the region's wijken without a boundary, and
// refuses files that are not such a topology with a message naming the file.
#include "server/wijk_boundaries.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace sz::server {
namespace {

using nlohmann::json;

RegionTable SmallRegion() {
  RegionTable t;
  EXPECT_TRUE(t.Add({"CR23", "Twente", RegionLevel::kRegio, ""}).ok());
  EXPECT_TRUE(t.Add({"GM0168", "Losser", RegionLevel::kGemeente, "CR23"}).ok());
  EXPECT_TRUE(t.Add({"WK016800", "Losser Centrum", RegionLevel::kWijk, "GM0168"}).ok());
  EXPECT_TRUE(t.Add({"WK016801", "Overdinkel", RegionLevel::kWijk, "GM0168"}).ok());
  EXPECT_TRUE(t.Add({"WK016802", "Glane", RegionLevel::kWijk, "GM0168"}).ok());
  return t;
}

std::string Write(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "/wijkgrenzen-" + std::to_string(getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Arcs 0..4; WK016800 uses 0 and 1 reversed, WK016801 (a MultiPolygon) uses 1 and 3, a wijk of
// another gemeente uses 2 and a buurt uses 4: those two are dropped with their arcs.
const char* kTopology = R"({
  "type": "Topology",
  "transform": {"scale": [0.001, 0.001], "translate": [6.8, 52.2]},
  "arcs": [[[0, 0], [10, 0]], [[10, 0], [0, 10]], [[50, 50], [1, 1]], [[20, 20], [5, 5], [-5, 0]], [[9, 9], [1, 1]]],
  "objects": {"wijk_2024": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "properties": {"statcode": "WK016800", "statnaam": "CBS-naam"}, "arcs": [[0, -2]]},
    {"type": "MultiPolygon", "properties": {"statcode": "WK016801"}, "arcs": [[[1]], [[3]]]},
    {"type": "Polygon", "properties": {"statcode": "WK015300"}, "arcs": [[2]]},
    {"type": "Polygon", "properties": {"statcode": "BU01680000"}, "arcs": [[4]]},
    {"type": null, "properties": {"statcode": "WK016802"}}
  ]}}
})";

TEST(LoadWijkBoundaries, KeepsTheRegionsWijkenAndOnlyTheArcsTheyUse) {
  const RegionTable regions = SmallRegion();
  Result<WijkBoundaries> b = LoadWijkBoundaries(Write("goed.json", kTopology), regions);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->matched, 2);
  EXPECT_EQ(b->ignored, 3);
  EXPECT_EQ(b->missing, std::vector<std::string>{"WK016802"});
  const json t = json::parse(b->topojson);
  EXPECT_EQ(t["type"], "Topology");
  EXPECT_EQ(t["transform"]["translate"], json({6.8, 52.2}));
  ASSERT_EQ(t["arcs"].size(), 3u);  // 0, 1 and 3 of the file, in order of first use
  EXPECT_EQ(t["arcs"][0], json::parse("[[0, 0], [10, 0]]"));
  EXPECT_EQ(t["arcs"][1], json::parse("[[10, 0], [0, 10]]"));
  EXPECT_EQ(t["arcs"][2], json::parse("[[20, 20], [5, 5], [-5, 0]]"));
  const json& g = t["objects"]["wijken"]["geometries"];
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0]["id"], "WK016800");
  EXPECT_EQ(g[0]["properties"]["statnaam"], "Losser Centrum");  // the region file's name
  EXPECT_EQ(g[0]["properties"]["gemeente"], "GM0168");
  EXPECT_EQ(g[0]["arcs"], json::parse("[[0, -2]]"));  // ~1 stays ~1
  EXPECT_EQ(g[1]["type"], "MultiPolygon");
  EXPECT_EQ(g[1]["arcs"], json::parse("[[[1]], [[2]]]"));  // file arc 3 is now arc 2
}

TEST(LoadWijkBoundaries, RefusesWhatIsNotSuchATopologyNamingTheFile) {
  const RegionTable regions = SmallRegion();
  struct Case {
    std::string name, text, expected;
  };
  for (
      const Case& c : std::vector<Case>{
          {"geen-json.json", "{\"type\": \"Topology\",", "geen geldige JSON"},
          {"geojson.json", R"({"type": "FeatureCollection", "features": []})", "geen TopoJSON-topologie"},
          {"geen-arcs.json",
           R"({"type": "Topology", "objects": {"w": {"type": "GeometryCollection", "geometries": []}}})",
           "geen TopoJSON-topologie"},
          {"andere-regio.json",
           R"({"type": "Topology", "arcs": [[[0,0],[1,1]]], "objects": {"w": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "properties": {"statcode": "WK036300"}, "arcs": [[0]]}]}}})",
           "geen enkele grens hoort bij een wijk van de regio"},
          {"boog-weg.json",
           R"({"type": "Topology", "arcs": [[[0,0],[1,1]]], "objects": {"w": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "properties": {"statcode": "WK016800"}, "arcs": [[0, -3]]}]}}})",
           "boognummer -3 bestaat niet"},
          {"arcs-tekst.json",
           R"({"type": "Topology", "arcs": [], "objects": {"w": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "properties": {"statcode": "WK016800"}, "arcs": "0"}]}}})",
           "geen geldige arcs"}}) {
    const std::string path = Write(c.name, c.text);
    Result<WijkBoundaries> b = LoadWijkBoundaries(path, regions);
    ASSERT_FALSE(b.ok()) << c.name;
    EXPECT_EQ(b.status().code(), StatusCode::kInvalidArgument) << c.name;
    EXPECT_NE(b.status().message().find(path), std::string::npos) << b.status().message();
    EXPECT_NE(b.status().message().find(c.expected), std::string::npos) << b.status().message();
  }
  Result<WijkBoundaries> missing = LoadWijkBoundaries("/bestaat/niet.topojson", regions);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/bestaat/niet.topojson: het bestand met wijkgrenzen is niet te lezen"),
            std::string::npos);
}

}  // namespace
}  // namespace sz::server
