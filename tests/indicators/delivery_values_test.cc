// Delivery indicators (indicators/delivery_values.h) on hand-computed cases: completeness as the share
// of expected weeks, months or years with rows, timeliness as R's median of the days to ingest.
#include "indicators/delivery_values.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::indicators {
namespace {

Indicator Delivery(DeliveryMeasure measure, double factor) {
  Indicator indicator;
  indicator.id = measure == DeliveryMeasure::kCompleteness ? "levering_volledigheid_pct" : "levering_tijdigheid_dagen";
  indicator.kind = IndicatorKind::kDelivery;
  indicator.delivery = DeliverySpec{.measure = measure};
  indicator.factor = factor;
  indicator.periods = {CatalogPeriod::kMonth, CatalogPeriod::kYear};
  indicator.levels = {RegionLevel::kRegio, RegionLevel::kGemeente};
  return indicator;
}

const IndicatorValue* Find(const std::vector<IndicatorValue>& cells, const std::string& region,
                           const std::string& period, const std::string& source) {
  for (const IndicatorValue& cell : cells) {
    if (cell.region == region && cell.period == period && cell.breakdown == "bron=" + source) return &cell;
  }
  return nullptr;
}

TEST(DeliveryValues, CompletenessCountsTheMonthsWithRowsAmongTheExpectedOnes) {
  // A monthly desk delivering January–April 2024 in Twente; Hengelo (GM0164) misses March.
  DeliveredSource vt{.source = "veilig_thuis", .unit = DeliveryUnit::kMonth};
  const Date ingested{2024, 6, 1};
  for (int month : {1, 2, 3, 4}) vt.rows.push_back({"GM0153", Date{2024, month, 10}, ingested});
  for (int month : {1, 2, 4}) vt.rows.push_back({"GM0164", Date{2024, month, 20}, ingested});
  auto cells = DeliveryValues(Delivery(DeliveryMeasure::kCompleteness, 100), {vt}, {}, "CR23");
  ASSERT_TRUE(cells.ok()) << cells.status().ToString();
  const IndicatorValue* hengelo = Find(*cells, "GM0164", "2024", "veilig_thuis");
  ASSERT_NE(hengelo, nullptr);
  EXPECT_EQ(*hengelo->numerator, 3);
  EXPECT_EQ(*hengelo->denominator, 4);  // January to April: the source's first to last month
  EXPECT_DOUBLE_EQ(*hengelo->value, 75);
  EXPECT_DOUBLE_EQ(*Find(*cells, "GM0164", "2024-03", "veilig_thuis")->value, 0);
  EXPECT_DOUBLE_EQ(*Find(*cells, "GM0164", "2024-04", "veilig_thuis")->value, 100);
  EXPECT_DOUBLE_EQ(*Find(*cells, "GM0153", "2024", "veilig_thuis")->value, 100);
  EXPECT_DOUBLE_EQ(*Find(*cells, "CR23", "2024", "veilig_thuis")->value, 100);
  EXPECT_EQ(Find(*cells, "CR23", "2024-05", "veilig_thuis"), nullptr);  // after the last delivery
  // A gemeente the desk never delivered for: 0 of 4 months.
  auto with_losser = DeliveryValues(Delivery(DeliveryMeasure::kCompleteness, 100), {vt}, {"GM0153", "GM0168"}, "CR23");
  ASSERT_TRUE(with_losser.ok());
  const IndicatorValue* losser = Find(*with_losser, "GM0168", "2024", "veilig_thuis");
  ASSERT_NE(losser, nullptr);
  EXPECT_EQ(*losser->numerator, 0);
  EXPECT_EQ(*losser->denominator, 4);
}

TEST(DeliveryValues, WeeksBelongToTheMonthOfTheirThursdayAndWavesAreExpectedOnlyWhereDelivered) {
  // Weekly counts 2024-W01 … 2024-W06 (Sundays 7 Jan … 11 Feb); Enschede misses W02.
  DeliveredSource infect{.source = "infectieziekten", .unit = DeliveryUnit::kWeek};
  for (int week : {1, 3, 4, 5, 6}) infect.rows.push_back({"GM0153", Date{2024, 1, 7}.AddDays(7 * (week - 1)), {}});
  infect.rows.push_back({"GM0141", Date{2024, 1, 14}, {}});  // W02, elsewhere
  // A survey delivered in 2020 and 2024 only: 2021–2023 are not expected.
  DeliveredSource monitor{.source = "gezondheidsmonitor", .unit = DeliveryUnit::kYear};
  monitor.rows.push_back({"GM0153", Date{2020, 12, 31}, {}});
  monitor.rows.push_back({"GM0153", Date{2024, 12, 31}, {}});
  monitor.rows.push_back({"GM0141", Date{2024, 12, 31}, {}});
  auto cells = DeliveryValues(Delivery(DeliveryMeasure::kCompleteness, 100), {infect, monitor}, {}, "CR23");
  ASSERT_TRUE(cells.ok());
  // January holds W01–W04 (Thursdays 4, 11, 18, 25 Jan), February W05 (1 Feb) and W06.
  const IndicatorValue* january = Find(*cells, "GM0153", "2024-01", "infectieziekten");
  ASSERT_NE(january, nullptr);
  EXPECT_EQ(*january->numerator, 3);
  EXPECT_EQ(*january->denominator, 4);
  EXPECT_EQ(*Find(*cells, "GM0153", "2024-02", "infectieziekten")->denominator, 2);
  EXPECT_DOUBLE_EQ(*Find(*cells, "CR23", "2024", "infectieziekten")->value, 100);
  EXPECT_DOUBLE_EQ(*Find(*cells, "GM0141", "2024", "gezondheidsmonitor")->value, 100);
  EXPECT_EQ(Find(*cells, "GM0141", "2020", "gezondheidsmonitor")->value, 0);
  EXPECT_EQ(Find(*cells, "GM0153", "2022", "gezondheidsmonitor"), nullptr);     // no wave: not expected
  EXPECT_EQ(Find(*cells, "GM0153", "2024-12", "gezondheidsmonitor"), nullptr);  // no months of a yearly source
}

TEST(DeliveryValues, TimelinessIsTheMedianOfTheDaysFromARowsDateToItsIngest) {
  DeliveredSource vt{.source = "veilig_thuis", .unit = DeliveryUnit::kMonth};
  vt.rows.push_back({"GM0153", Date{2024, 1, 1}, Date{2024, 1, 11}});  // 10 days
  vt.rows.push_back({"GM0153", Date{2024, 1, 5}, Date{2024, 2, 4}});   // 30
  vt.rows.push_back({"GM0153", Date{2024, 1, 31}, Date{2024, 2, 4}});  // 4
  vt.rows.push_back({"GM0164", Date{2024, 2, 1}, Date{2024, 2, 4}});   // 3
  auto cells = DeliveryValues(Delivery(DeliveryMeasure::kTimeliness, 1), {vt}, {}, "CR23");
  ASSERT_TRUE(cells.ok());
  EXPECT_DOUBLE_EQ(*Find(*cells, "GM0153", "2024-01", "veilig_thuis")->value, 10);  // median of 4, 10, 30
  EXPECT_EQ(*Find(*cells, "GM0153", "2024-01", "veilig_thuis")->denominator, 3);
  EXPECT_FALSE(Find(*cells, "GM0153", "2024-01", "veilig_thuis")->numerator.has_value());
  EXPECT_DOUBLE_EQ(*Find(*cells, "CR23", "2024", "veilig_thuis")->value, 7);  // (4 + 10) / 2 of 3, 4, 10, 30
  EXPECT_DOUBLE_EQ(*Find(*cells, "GM0164", "2024-02", "veilig_thuis")->value, 3);
}

TEST(DeliveryValues, MedianIsRsMedian) {
  std::vector<double> odd{5, 1, 3}, even{4, 1, 3, 2}, none;
  EXPECT_DOUBLE_EQ(Median(odd), 3);
  EXPECT_DOUBLE_EQ(Median(even), 2.5);
  EXPECT_TRUE(std::isnan(Median(none)));
}

TEST(DeliveryValues, RefusesAnotherKind) {
  Indicator other = Delivery(DeliveryMeasure::kCompleteness, 100);
  other.kind = IndicatorKind::kRate;
  EXPECT_EQ(DeliveryValues(other, {}, {}, "CR23").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sz::indicators
