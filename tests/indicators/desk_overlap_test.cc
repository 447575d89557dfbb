// Households known at ≥ 2 desks and the desk-overlap matrix on a hand-made linked input.
#include "indicators/desk_overlap.h"

#include <gtest/gtest.h>

#include "involvement_builder.h"

namespace sz::indicators {
namespace {

using testing::Melding;
using testing::Row;

std::vector<LinkedInvolvement> Input() {
  return {
      Melding("M1", "2024-02-01", "2024-03-01", "P1", "H1"),
      Row("zorgwekkend_gedrag", "Z1", "2024-11-15", "P2", "H1").Gemeente("GM0164").Wijk("WK016401"),
      Row("wmo", "W1", "2022-05-01", "P3", "H2").Soort("begeleiding").Aanbieder("A1").Wijk("WK015302"),
      Row("zorgwekkend_gedrag", "Z2", "2023-12-31", "P4", "H3"),
      Melding("M2", "2023-06-01", "2024-01-01", "P5", "H4"),  // closed on the window's first day: still active
  };
}

void ExpectCell(const MeasureTable& table, const std::string& measure, const std::string& category,
                const std::string& region, const std::string& period, double numerator, double denominator) {
  const MeasureRow* row = FindRow(table, measure, category, region, period);
  ASSERT_NE(row, nullptr) << measure << " " << category << " " << region << " " << period;
  EXPECT_EQ(row->numerator, numerator) << measure << " " << category << " " << region << " " << period;
  EXPECT_EQ(row->denominator, denominator) << measure << " " << category << " " << region << " " << period;
}

TEST(DeskOverlapTest, HouseholdsAtTwoOrMoreDesksPerYearAndRollingQuarter) {
  Result<MeasureTable> table = DeskOverlapMeasures(Input(), MeasureOptions{});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "CR23", "2024", 1, 3);  // H1 of H1, H2, H4
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "CR23", "2023", 0, 3);  // H2, H3, H4
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "CR23", "2022", 0, 1);
  // 2024-Q1: the 12 months 2023-04-01 … 2024-03-31 hold H1 (VT), H2, H3 (ZG on 2023-12-31) and H4.
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "CR23", "2024-Q1", 0, 4);
  // 2024-Q4: 2024-01-01 … 2024-12-31, as the year.
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "CR23", "2024-Q4", 1, 3);
  // H1 is counted where its latest registration of the window was: Z1 in GM0164 / WK016401.
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "GM0164", "2024", 1, 1);
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "WK016401", "2024", 1, 1);
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "GM0153", "2024", 0, 2);
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "WK015302", "2024", 0, 1);
  EXPECT_EQ(FindRow(*table, "huishoudens_meerdere_meldpunten", "", "CR23", "2021"), nullptr);
}

TEST(DeskOverlapTest, MatrixWithDiagonal) {
  Result<MeasureTable> table = DeskOverlapMeasures(Input(), MeasureOptions{});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ExpectCell(*table, "meldpunt_overlap", "veilig_thuis|zorgwekkend_gedrag", "CR23", "2024", 1, 3);
  ExpectCell(*table, "meldpunt_overlap", "veilig_thuis|veilig_thuis", "CR23", "2024", 2, 3);
  ExpectCell(*table, "meldpunt_overlap", "wmo|wmo", "CR23", "2024", 1, 3);
  ExpectCell(*table, "meldpunt_overlap", "jeugdhulp|wmo", "CR23", "2024", 0, 3);
  ExpectCell(*table, "meldpunt_overlap", "zorgwekkend_gedrag|zorgwekkend_gedrag", "CR23", "2023", 1, 3);
  // Only the upper triangle: (a, b) with a before b in kDeskSources.
  EXPECT_EQ(FindRow(*table, "meldpunt_overlap", "zorgwekkend_gedrag|veilig_thuis", "CR23", "2024"), nullptr);
}

TEST(DeskOverlapTest, DataEndLimitsTheWindows) {
  MeasureOptions options;
  options.data_end = testing::D("2023-12-31");
  options.period_kinds = {PeriodKind::kYear};
  Result<MeasureTable> table = DeskOverlapMeasures(Input(), options);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(FindRow(*table, "huishoudens_meerdere_meldpunten", "", "CR23", "2024"), nullptr);
  EXPECT_EQ(FindRow(*table, "huishoudens_meerdere_meldpunten", "", "CR23", "2023-Q4"), nullptr);
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "CR23", "2023", 0, 3);
}

TEST(DeskOverlapTest, RegistrationWithPersonsOfSeveralHouseholdsCountsForEach) {
  // A melding about a father (household H1) and his child (living with the mother, H2); the child also
  // has a jeugdhulp trajectory in H2; the father is known at woningvervuiling in H1.
  std::vector<LinkedInvolvement> rows = {
      Melding("M1", "2024-03-01", "2024-04-01", "F", "H1").Nr(1),
      Melding("M1", "2024-03-01", "2024-04-01", "K", "H2").Nr(2),
      Row("jeugdhulp", "J1", "2024-05-01", "K", "H2").Rol("jeugdige").Aanbieder("A1").End("2024-08-01"),
      Row("woningvervuiling", "O1", "2024-06-01", "F", "H1"),
      Row("zorgwekkend_gedrag", "Z1", "2024-07-01", "X", "H3"),
  };
  MeasureOptions options;
  options.period_kinds = {PeriodKind::kYear};
  Result<MeasureTable> table = DeskOverlapMeasures(rows, options);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ExpectCell(*table, "huishoudens_meerdere_meldpunten", "", "CR23", "2024", 2, 3);  // H1 and H2, not H3
  ExpectCell(*table, "meldpunt_overlap", "veilig_thuis|jeugdhulp", "CR23", "2024", 1, 3);
  ExpectCell(*table, "meldpunt_overlap", "veilig_thuis|woningvervuiling", "CR23", "2024", 1, 3);
  ExpectCell(*table, "meldpunt_overlap", "woningvervuiling|jeugdhulp", "CR23", "2024", 0, 3);  // different households
}

}  // namespace
}  // namespace sz::indicators
