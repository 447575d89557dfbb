#include "core/region.h"

#include <gtest/gtest.h>

namespace sz {
namespace {

RegionTable SmallTable() {
  RegionTable table;
  EXPECT_TRUE(table.Add({"NL01", "Nederland", RegionLevel::kLand, ""}).ok());
  EXPECT_TRUE(table.Add({"CR23", "Twente", RegionLevel::kRegio, "NL01"}).ok());
  EXPECT_TRUE(table.Add({"GM0153", "Enschede", RegionLevel::kGemeente, "CR23"}).ok());
  EXPECT_TRUE(table.Add({"WK015301", "Noord", RegionLevel::kWijk, ""}).ok());  // parent from the code
  EXPECT_TRUE(table.Add({"BU01530102", "Noord Es", RegionLevel::kBuurt, "WK015301"}).ok());
  return table;
}

TEST(RegionTest, HierarchyLookups) {
  RegionTable table = SmallTable();
  ASSERT_NE(table.GemeenteOf("BU01530102"), nullptr);
  EXPECT_EQ(table.GemeenteOf("BU01530102")->name, "Enschede");
  EXPECT_EQ(table.WijkOf("BU01530102")->code, "WK015301");
  EXPECT_EQ(table.GemeenteOf("GM0153")->code, "GM0153");
  EXPECT_EQ(table.GemeenteOf("CR23"), nullptr);
  EXPECT_EQ(table.Find("WK015301")->parent_code, "GM0153");
  EXPECT_EQ(table.Children("GM0153").size(), 1u);
  EXPECT_EQ(table.AtLevel(RegionLevel::kGemeente).size(), 1u);
}

TEST(RegionTest, RejectsInconsistentRegions) {
  RegionTable table = SmallTable();
  EXPECT_EQ(table.Add({"GM0153", "Twice", RegionLevel::kGemeente, "CR23"}).code(), StatusCode::kDataError);
  EXPECT_FALSE(table.Add({"WK014101", "Orphan", RegionLevel::kWijk, ""}).ok());           // GM0141 unknown
  EXPECT_FALSE(table.Add({"WK015302", "Wrong parent", RegionLevel::kWijk, "CR23"}).ok());  // code says GM0153
  EXPECT_FALSE(table.Add({"GM0164", "Hengelo", RegionLevel::kWijk, "CR23"}).ok());         // level vs code
}

TEST(RegionTest, CodesImplyParents) {
  EXPECT_EQ(ImpliedParentCode("BU01530102"), "WK015301");
  EXPECT_EQ(ImpliedParentCode("WK015301"), "GM0153");
  EXPECT_EQ(ImpliedParentCode("GM0153"), "");
  EXPECT_FALSE(LevelFromCode("GM15").ok());
}

}  // namespace
}  // namespace sz
