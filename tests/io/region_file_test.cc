#include "io/region_file.h"

#include <gtest/gtest.h>

#include <fstream>

namespace sz::io {
namespace {

TEST(RegionFileTest, ShippedFileHasTheFourteenGemeentenWithRealCodes) {
  auto table = LoadRegionFile(std::string(SZ_SOURCE_DIR) + "/config/regions/twente-synthetic-2024.csv");
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  auto gemeenten = table->AtLevel(RegionLevel::kGemeente);
  ASSERT_EQ(gemeenten.size(), 14u);
  std::map<std::string, std::string> expected = {
      {"GM0141", "Almelo"},        {"GM0147", "Borne"},        {"GM1774", "Dinkelland"}, {"GM0153", "Enschede"},
      {"GM0158", "Haaksbergen"},   {"GM0163", "Hellendoorn"},  {"GM0164", "Hengelo"},    {"GM1735", "Hof van Twente"},
      {"GM0168", "Losser"},        {"GM0173", "Oldenzaal"},    {"GM1742", "Rijssen-Holten"},
      {"GM0183", "Tubbergen"},     {"GM1700", "Twenterand"},   {"GM0189", "Wierden"}};
  for (const Region* gemeente : gemeenten) {
    EXPECT_EQ(expected[gemeente->code], gemeente->name);
    EXPECT_EQ(gemeente->parent_code, "CR23");
    EXPECT_GE(table->Children(gemeente->code).size(), 3u) << gemeente->name;
  }
  for (const Region* wijk : table->AtLevel(RegionLevel::kWijk)) EXPECT_FALSE(table->Children(wijk->code).empty());
}

TEST(RegionFileTest, CbsStyleListWithoutLevelsAndParents) {
  std::string path = ::testing::TempDir() + "/cbs-style.csv";
  std::ofstream(path) << "code,naam\nGM0153,Enschede\nWK015300,Centrum\nBU01530000,Binnenstad\n";
  auto table = LoadRegionFile(path);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->GemeenteOf("BU01530000")->name, "Enschede");
}

TEST(RegionFileTest, ErrorsNameFileLineAndColumn) {
  std::string path = ::testing::TempDir() + "/bad-regions.csv";
  std::ofstream(path) << "code;naam;niveau;ouder\nGM0153;Enschede;gemeente;\nWK014100;Almelo Centrum;wijk;\n";
  auto table = LoadRegionFile(path);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("regel 3"), std::string::npos) << table.status().message();
  EXPECT_NE(table.status().message().find("GM0141"), std::string::npos);
  std::ofstream(path) << "naam\nEnschede\n";
  EXPECT_FALSE(LoadRegionFile(path).ok());
}

}  // namespace
}  // namespace sz::io
