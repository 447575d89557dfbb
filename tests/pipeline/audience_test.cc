#include "pipeline/audience.h"

#include <gtest/gtest.h>

namespace sz::pipeline {
namespace {

RegionTable Twente() {
  RegionTable regions;
  EXPECT_TRUE(regions.Add({.code = "CR23", .name = "Twente", .level = RegionLevel::kRegio}).ok());
  EXPECT_TRUE(regions.Add({.code = "GM0153", .name = "Enschede", .level = RegionLevel::kGemeente}).ok());
  EXPECT_TRUE(regions.Add({.code = "GM0168", .name = "Losser", .level = RegionLevel::kGemeente}).ok());
  EXPECT_TRUE(regions.Add({.code = "WK015301", .name = "Centrum", .level = RegionLevel::kWijk}).ok());
  return regions;
}

TEST(AudienceTest, ReadsTheFourFormsAndRefusesTheRestInDutch) {
  const RegionTable regions = Twente();
  EXPECT_EQ(ParseAudience("publiek", regions)->kind, AudienceKind::kPublic);
  EXPECT_EQ(ParseAudience("analist", regions)->kind, AudienceKind::kAnalyst);
  EXPECT_EQ(*ParseAudience("gemeente:GM0168", regions), (Audience{AudienceKind::kGemeente, "GM0168"}));
  EXPECT_EQ(*ParseAudience("meldpunt:veilig_thuis", regions), (Audience{AudienceKind::kDesk, "veilig_thuis"}));
  EXPECT_EQ(ParseAudience("meldpunt:veilig_thuis", regions)->ToString(), "meldpunt:veilig_thuis");
  EXPECT_EQ(ParseAudience("gemeente:GM9999", regions).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ParseAudience("gemeente:WK015301", regions).status().code(), StatusCode::kNotFound);
  Result<Audience> not_a_desk = ParseAudience("meldpunt:bevolking", regions);
  EXPECT_EQ(not_a_desk.status().code(), StatusCode::kNotFound);
  EXPECT_NE(not_a_desk.status().message().find("veilig_thuis"), std::string::npos);
  Result<Audience> bad = ParseAudience("iedereen", regions);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("gemeente:GMxxxx"), std::string::npos);
  EXPECT_EQ(ParseAudience("gemeente:", regions).status().code(), StatusCode::kInvalidArgument);
}

TEST(AudienceTest, EachAudienceSeesItsOwnWijkenAndTheGemeenteLevelOfAll) {
  const RegionTable regions = Twente();
  const std::vector<std::string> vt = {"veilig_thuis"}, linked = {"veilig_thuis", "wmo"};
  const std::vector<std::string> vt_rate = {"veilig_thuis", "bevolking"}, population = {"bevolking"};
  const Audience publiek = *ParseAudience("publiek", regions);
  const Audience enschede = *ParseAudience("gemeente:GM0153", regions);
  const Audience losser = *ParseAudience("gemeente:GM0168", regions);
  const Audience desk = *ParseAudience("meldpunt:veilig_thuis", regions);
  const Audience other_desk = *ParseAudience("meldpunt:wmo", regions);
  const Audience analist = *ParseAudience("analist", regions);
  for (const Audience* audience : {&publiek, &enschede, &losser, &desk, &other_desk, &analist}) {
    EXPECT_TRUE(MaySee(*audience, RegionLevel::kRegio, "CR23", vt));
    EXPECT_TRUE(MaySee(*audience, RegionLevel::kGemeente, "GM0168", linked));
  }
  EXPECT_FALSE(MaySee(publiek, RegionLevel::kWijk, "WK015301", vt));
  EXPECT_TRUE(MaySee(enschede, RegionLevel::kWijk, "WK015301", vt));
  EXPECT_FALSE(MaySee(losser, RegionLevel::kWijk, "WK015301", vt));
  EXPECT_TRUE(MaySee(desk, RegionLevel::kWijk, "WK015301", vt));
  EXPECT_FALSE(MaySee(desk, RegionLevel::kWijk, "WK015301", linked));  // cross-desk: gemeente level only
  EXPECT_FALSE(MaySee(other_desk, RegionLevel::kWijk, "WK015301", vt));
  // A rate over the population is still the desk's own: bevolking is no desk's data.
  EXPECT_TRUE(MaySee(desk, RegionLevel::kWijk, "WK015301", vt_rate));
  EXPECT_FALSE(MaySee(other_desk, RegionLevel::kWijk, "WK015301", vt_rate));
  EXPECT_FALSE(MaySee(desk, RegionLevel::kWijk, "WK015301", population));
  EXPECT_TRUE(MaySee(analist, RegionLevel::kWijk, "WK015301", linked));
}

}  // namespace
}  // namespace sz::pipeline
