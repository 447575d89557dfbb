#include "indicators/linked_values.h"

#include <gtest/gtest.h>

#include <cmath>

#include "indicators/catalog_file.h"

namespace sz::indicators {
namespace {

MeasureRow Row(const char* measure, const char* category, RegionLevel level, const char* region, PeriodKind kind,
               const char* period, double num, double den, double value) {
  return MeasureRow{measure, category, level, region, kind, period, num, den, value};
}

Indicator Shipped(const std::string& id) {
  Result<Catalog> catalog = LoadCatalog(std::string(SZ_SOURCE_DIR) + "/config/indicatoren");
  EXPECT_TRUE(catalog.ok()) << catalog.status().ToString();
  const Indicator* indicator = catalog.ok() ? FindIndicator(*catalog, id) : nullptr;
  EXPECT_NE(indicator, nullptr) << id;
  return indicator ? *indicator : Indicator{};
}

TEST(LinkedValuesTest, ACategoryOfAMeasureBecomesPercentCellsWithWilsonIntervals) {
  MeasureTable table = {
      Row("vt_meldingen_klasse", "hermelding", RegionLevel::kGemeente, "GM0153", PeriodKind::kYear, "2024", 7, 40,
          0.175),
      Row("vt_meldingen_klasse", "nieuw", RegionLevel::kGemeente, "GM0153", PeriodKind::kYear, "2024", 20, 40, 0.5),
      Row("vt_meldingen_klasse", "hermelding", RegionLevel::kRegio, "CR23", PeriodKind::kQuarter, "2024-Q1", 0, 0,
          std::nan("")),
      Row("organisaties_per_gezin", "gemiddelde", RegionLevel::kGemeente, "GM0153", PeriodKind::kYear, "2024", 30, 20,
          1.5),
  };
  auto cells = LinkedValues(Shipped("vt_hermelding_pct"), table);
  ASSERT_TRUE(cells.ok()) << cells.status().ToString();
  ASSERT_EQ(cells->size(), 2u);
  const IndicatorValue& twente = (*cells)[0];  // level kRegio sorts first
  EXPECT_EQ(twente.region, "CR23");
  EXPECT_FALSE(twente.value.has_value()) << "no meldingen: no share";
  const IndicatorValue& enschede = (*cells)[1];
  EXPECT_EQ(enschede.breakdown, "totaal");
  EXPECT_EQ(enschede.numerator, 7);
  EXPECT_EQ(enschede.denominator, 40);
  EXPECT_DOUBLE_EQ(*enschede.value, 17.5);
  // R: prop.test(7, 40, correct = FALSE)$conf.int × 100
  EXPECT_NEAR(*enschede.lower, 8.7454137460359196, 1e-10);
  EXPECT_NEAR(*enschede.upper, 31.9499903317877032, 1e-10);

  auto mean = LinkedValues(Shipped("organisaties_per_gezin_12m"), table);
  ASSERT_TRUE(mean.ok());
  ASSERT_EQ(mean->size(), 1u);
  EXPECT_DOUBLE_EQ(*(*mean)[0].value, 1.5);
  EXPECT_FALSE((*mean)[0].lower.has_value()) << "interval geen";
}

TEST(LinkedValuesTest, WithoutACategoryEveryCategoryIsABreakdown) {
  MeasureTable table = {
      Row("meldpunt_overlap", "veilig_thuis|wmo", RegionLevel::kGemeente, "GM0153", PeriodKind::kYear, "2024", 5, 100,
          0.05),
      Row("meldpunt_overlap", "wmo|wmo", RegionLevel::kGemeente, "GM0153", PeriodKind::kYear, "2024", 60, 100, 0.6),
      Row("huishoudens_meerdere_meldpunten", "", RegionLevel::kGemeente, "GM0153", PeriodKind::kYear, "2024", 9, 100,
          0.09),
  };
  auto overlap = LinkedValues(Shipped("meldpunt_overlap"), table);
  ASSERT_TRUE(overlap.ok());
  ASSERT_EQ(overlap->size(), 2u);
  EXPECT_EQ((*overlap)[0].breakdown, "categorie=veilig_thuis|wmo");
  EXPECT_DOUBLE_EQ(*(*overlap)[1].value, 60);
  auto households = LinkedValues(Shipped("huishoudens_2plus_meldpunten_12m_pct"), table);
  ASSERT_TRUE(households.ok());
  ASSERT_EQ(households->size(), 1u);
  EXPECT_EQ((*households)[0].breakdown, "totaal");
  EXPECT_EQ(LinkedValues(Shipped("eenzaam_pct"), table).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sz::indicators
