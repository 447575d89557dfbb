// Tests of the synthetic Netherlands (issue 18, item 6): at --scale above 1 the generator keeps Twente
// and adds synthetic gemeenten, wijken and buurten at the Netherlands' density, in CBS code format.
#include "synth/internal/netherlands.h"

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <set>

#include "io/region_file.h"
#include "synth/config.h"

namespace sz::synth::internal {
namespace {

RegionTable Twente() {
  Result<RegionTable> regions =
      io::LoadRegionFile(std::string(SZ_SOURCE_DIR) + "/config/regions/twente-synthetic-2024.csv");
  EXPECT_TRUE(regions.ok()) << regions.status().ToString();
  return std::move(regions).value();
}

SynthConfig Config() {
  Result<SynthConfig> config = LoadSynthConfig(std::string(SZ_SOURCE_DIR) + "/config/synthetic-twente.json");
  EXPECT_TRUE(config.ok()) << config.status().ToString();
  return std::move(config).value();
}

bool Digits(const std::string& text, size_t from) {
  if (from >= text.size()) return false;
  for (size_t i = from; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

TEST(SyntheticNetherlandsTest, Scale28HasTheNetherlandsDensities) {
  const RegionTable twente = Twente();
  const SynthConfig config = Config();
  Result<NationalPlan> plan = ExtendToNetherlands(config, twente, 28);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  const RegionTable& nl = plan->regions;

  const size_t gemeenten = nl.AtLevel(RegionLevel::kGemeente).size();
  const size_t wijken = nl.AtLevel(RegionLevel::kWijk).size();
  const size_t buurten = nl.AtLevel(RegionLevel::kBuurt).size();
  // The Netherlands (2024): 342 gemeenten, about 3,300 wijken and 14,500 buurten for 17.9 million.
  EXPECT_GE(gemeenten, 250u);
  EXPECT_LE(gemeenten, 450u);
  EXPECT_GE(wijken, 3000u);
  EXPECT_LE(wijken, 3600u);
  EXPECT_GE(static_cast<double>(buurten) / wijken, 3.5);
  EXPECT_LE(static_cast<double>(buurten) / wijken, 5.5);

  // Twente is kept whole: its gemeenten, wijken and buurten, codes and names.
  for (RegionLevel level : {RegionLevel::kGemeente, RegionLevel::kWijk, RegionLevel::kBuurt}) {
    for (const Region* region : twente.AtLevel(level)) {
      const Region* kept = nl.Find(region->code);
      ASSERT_NE(kept, nullptr) << region->code;
      EXPECT_EQ(kept->name, region->name);
    }
  }
  const Region* regio = nl.AtLevel(RegionLevel::kRegio).front();
  EXPECT_EQ(regio->name, "Synthetisch Nederland");

  // Population: Twente at scale 1 plus 27 Twentes in synthetic gemeenten of real sizes.
  double twente_population = 0, synthetic_population = 0, largest = 0, smallest = 1e12;
  for (const auto& [code, inhabitants] : plan->config.population.gemeenten) {
    if (plan->synthetic.count(code) != 0) {
      synthetic_population += inhabitants;
      largest = std::max(largest, inhabitants);
      smallest = std::min(smallest, inhabitants);
    } else {
      EXPECT_EQ(inhabitants, config.population.gemeenten.at(code)) << code;
      twente_population += inhabitants;
    }
  }
  EXPECT_DOUBLE_EQ(twente_population, plan->twente_population);
  EXPECT_NEAR(synthetic_population, 27 * twente_population, 1.0);
  EXPECT_GE(smallest, 1000);
  EXPECT_LE(largest, 930000);
  EXPECT_EQ(plan->synthetic.size() + config.population.gemeenten.size(), gemeenten);

  // Synthetic codes in CBS format, inside their parents, 1 to 99 wijken per gemeente; names unique.
  std::set<std::string> names;
  for (const Region* gemeente : nl.AtLevel(RegionLevel::kGemeente)) {
    EXPECT_TRUE(names.insert(gemeente->name).second) << gemeente->name;
    if (plan->synthetic.count(gemeente->code) == 0) continue;
    EXPECT_EQ(gemeente->code.size(), 6u);
    EXPECT_TRUE(gemeente->code.rfind("GM", 0) == 0 && Digits(gemeente->code, 2)) << gemeente->code;
    EXPECT_GE(std::stoi(gemeente->code.substr(2)), kFirstSyntheticGemeente);
    EXPECT_EQ(gemeente->parent_code, regio->code);
    std::vector<const Region*> children = nl.Children(gemeente->code);
    EXPECT_GE(children.size(), 1u);
    EXPECT_LE(children.size(), 99u);
    for (const Region* wijk : children) {
      EXPECT_EQ(wijk->code.size(), 8u);
      EXPECT_TRUE(wijk->code.rfind("WK" + gemeente->code.substr(2), 0) == 0 && Digits(wijk->code, 2)) << wijk->code;
      std::vector<const Region*> buurten_of_wijk = nl.Children(wijk->code);
      EXPECT_GE(buurten_of_wijk.size(), 1u);
      for (const Region* buurt : buurten_of_wijk) {
        EXPECT_EQ(buurt->code.size(), 10u);
        EXPECT_TRUE(buurt->code.rfind("BU" + wijk->code.substr(2), 0) == 0 && Digits(buurt->code, 2)) << buurt->code;
      }
    }
  }
}

TEST(SyntheticNetherlandsTest, DependsOnTheScaleOnlyAndGrowsWithIt) {
  const RegionTable twente = Twente();
  const SynthConfig config = Config();
  Result<NationalPlan> first = ExtendToNetherlands(config, twente, 4);
  Result<NationalPlan> second = ExtendToNetherlands(config, twente, 4);
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_EQ(first->regions.size(), second->regions.size());
  for (RegionLevel level : {RegionLevel::kGemeente, RegionLevel::kWijk, RegionLevel::kBuurt}) {
    std::vector<const Region*> a = first->regions.AtLevel(level), b = second->regions.AtLevel(level);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i]->code, b[i]->code);
      EXPECT_EQ(a[i]->name, b[i]->name);
    }
  }
  EXPECT_EQ(first->config.population.gemeenten, second->config.population.gemeenten);

  Result<NationalPlan> larger = ExtendToNetherlands(config, twente, 8);
  ASSERT_TRUE(larger.ok());
  EXPECT_GT(larger->regions.AtLevel(RegionLevel::kWijk).size(),
            2 * first->regions.AtLevel(RegionLevel::kWijk).size() - 88);
  // The wijken follow the population: one per about 5,400 inhabitants outside Twente.
  const double outside = 7 * first->twente_population;
  const double synthetic_wijken =
      larger->regions.AtLevel(RegionLevel::kWijk).size() - twente.AtLevel(RegionLevel::kWijk).size();
  EXPECT_NEAR(outside / synthetic_wijken, kInhabitantsPerWijk, 0.15 * kInhabitantsPerWijk);
}

TEST(SyntheticNetherlandsTest, RefusesScaleOneAndTablesWithoutRegio) {
  const SynthConfig config = Config();
  EXPECT_EQ(ExtendToNetherlands(config, Twente(), 1.0).status().code(), StatusCode::kInvalidArgument);
  RegionTable bare;
  ASSERT_TRUE(bare.Add({"GM0153", "Enschede", RegionLevel::kGemeente, ""}).ok());
  Result<NationalPlan> plan = ExtendToNetherlands(config, bare, 2.0);
  EXPECT_EQ(plan.status().code(), StatusCode::kDataError);
  EXPECT_NE(plan.status().message().find("regio"), std::string::npos);
}

TEST(SyntheticNetherlandsTest, SyntheticPostcodesAvoidTwente) {
  std::set<int> seen;
  for (int n = 0; n < SyntheticPc4Count(); ++n) {
    const int pc4 = SyntheticPc4(n);
    EXPECT_GE(pc4, 1000);
    EXPECT_LE(pc4, 9999);
    EXPECT_FALSE(pc4 >= 7400 && pc4 <= 7699) << pc4;
    EXPECT_TRUE(seen.insert(pc4).second) << pc4;
  }
  EXPECT_EQ(seen.size(), 8700u);
}

}  // namespace
}  // namespace sz::synth::internal
