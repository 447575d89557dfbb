// Median days to the next report: the Kaplan–Meier median and the measure on a hand-made input.
#include "indicators/time_to_next_report.h"

#include <gtest/gtest.h>

#include <cmath>

#include "involvement_builder.h"

namespace sz::indicators {
namespace {

using testing::Advies;
using testing::Melding;
using testing::Row;

TEST(KaplanMeierMedianTest, HandComputedCases) {
  EXPECT_DOUBLE_EQ(KaplanMeierMedian({{1, true}, {2, true}, {3, true}}), 2);
  // S = 0.5 exactly after t = 2: the midpoint to the next event time, as R's survfit.
  EXPECT_DOUBLE_EQ(KaplanMeierMedian({{1, true}, {2, true}, {3, true}, {4, true}}), 2.5);
  // Censored at 2: S(1) = 3/4, S(3) = 3/4 · 1/2 = 0.375.
  EXPECT_DOUBLE_EQ(KaplanMeierMedian({{1, true}, {2, false}, {3, true}, {4, true}}), 3);
  // Censoring at the same time as an event: the censored one is still at risk. S(5) = 3/4 · (1 − 1/3) = 0.5.
  EXPECT_DOUBLE_EQ(KaplanMeierMedian({{2, true}, {5, true}, {5, false}, {9, true}}), 7);
  EXPECT_TRUE(std::isnan(KaplanMeierMedian({{1, true}, {5, false}, {6, false}})));
  EXPECT_TRUE(std::isnan(KaplanMeierMedian({})));
}

TEST(TimeToNextReportTest, MeldingenAndAllVtRegistrationsWithCensoring) {
  std::vector<LinkedInvolvement> rows = {
      Melding("M1", "2024-01-01", "2024-01-02", "P1", "H1"),
      Advies("A1", "2024-01-05", "2024-01-06", "P1", "H1"),
      Melding("M2", "2024-01-11", "2024-01-12", "P1", "H1"),
      Melding("M3", "2024-03-01", "2024-03-02", "P1", "H1"),
      Row("zorgwekkend_gedrag", "Z1", "2024-06-01", "P2", "H2"),
      Row("zorgwekkend_gedrag", "Z2", "2024-06-01", "P2", "H2"),  // same day: not a next report
  };
  MeasureOptions options;
  options.data_end = testing::D("2024-12-31");
  Result<MeasureTable> table = TimeToNextReportMeasures(rows, options);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  // Meldingen: 10 and 50 days observed, M3 censored at 305. S(10) = 2/3, S(50) = 1/3.
  const MeasureRow* row = FindRow(*table, "dagen_tot_volgende_melding", "veilig_thuis_melding", "CR23", "2024-Q1");
  ASSERT_NE(row, nullptr);
  EXPECT_DOUBLE_EQ(row->value, 50);
  EXPECT_EQ(row->numerator, 2);
  EXPECT_EQ(row->denominator, 3);
  // All VT registrations: 4, 6, 50 observed, 305 censored. S(6) = 3/4 · 2/3 = 0.5 → (6 + 50) / 2.
  row = FindRow(*table, "dagen_tot_volgende_melding", "veilig_thuis", "GM0153", "2024");
  ASSERT_NE(row, nullptr);
  EXPECT_DOUBLE_EQ(row->value, 28);
  EXPECT_EQ(row->numerator, 3);
  EXPECT_EQ(row->denominator, 4);
  row = FindRow(*table, "dagen_tot_volgende_melding", "zorgwekkend_gedrag", "CR23", "2024-Q2");
  ASSERT_NE(row, nullptr);
  EXPECT_TRUE(std::isnan(row->value));
  EXPECT_EQ(row->numerator, 0);
  EXPECT_EQ(row->denominator, 2);
}

TEST(TimeToNextReportTest, NextReportAfterDataEndIsCensored) {
  std::vector<LinkedInvolvement> rows = {Melding("M1", "2024-01-01", "", "P1", "H1"),
                                         Melding("M2", "2024-03-01", "", "P1", "H1")};
  MeasureOptions options;
  options.data_end = testing::D("2024-01-31");
  options.period_kinds = {PeriodKind::kYear};
  Result<MeasureTable> table = TimeToNextReportMeasures(rows, options);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  const MeasureRow* row = FindRow(*table, "dagen_tot_volgende_melding", "veilig_thuis_melding", "CR23", "2024");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->numerator, 0);
  EXPECT_EQ(row->denominator, 1);  // M2 lies after the data end and is not a report of the data
}

}  // namespace
}  // namespace sz::indicators

namespace sz::indicators {
namespace {

TEST(TimeToNextReportTest, NextWithin365DaysAmongReportsWithAFullYearOfFollowUp) {
  std::vector<LinkedInvolvement> rows = {
      testing::Melding("M1", "2022-01-01", "2022-01-02", "P1", "H1"),
      testing::Melding("M2", "2022-06-01", "2022-06-02", "P1", "H1"),  // 151 days after M1
      testing::Melding("M3", "2023-07-01", "", "P1", "H1"),            // 395 days after M2
  };
  MeasureOptions options;
  options.data_end = testing::D("2023-12-31");  // a full year of follow-up: received on or before 2022-12-31
  Result<MeasureTable> table = TimeToNextReportMeasures(rows, options);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  const MeasureRow* row = FindRow(*table, "volgende_melding_binnen_365_dagen", "veilig_thuis_melding", "CR23", "2022");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->numerator, 1);
  EXPECT_EQ(row->denominator, 2);
  EXPECT_EQ(FindRow(*table, "volgende_melding_binnen_365_dagen", "veilig_thuis_melding", "CR23", "2023"), nullptr);
  row = FindRow(*table, "dagen_tot_volgende_melding", "veilig_thuis_melding", "CR23", "2022");
  ASSERT_NE(row, nullptr);
  EXPECT_DOUBLE_EQ(row->value, 273);  // S(151) = 1/2 exactly → midpoint (151 + 395) / 2
}

}  // namespace
}  // namespace sz::indicators
