// Placements per placed child and placements preceded by Veilig Thuis, on a hand-made linked input.
#include "indicators/placements.h"

#include <gtest/gtest.h>

#include "involvement_builder.h"

namespace sz::indicators {
namespace {

using testing::Advies;
using testing::Melding;
using testing::Row;

Row Placement(std::string id, std::string start, std::string end, std::string child, std::string household) {
  Row row("jeugdhulp", std::move(id), std::move(start), std::move(child), std::move(household));
  row.Rol("jeugdige").Placement().Aanbieder("PL");
  if (!end.empty()) row.End(end);
  return row;
}

std::vector<LinkedInvolvement> Input() {
  return {
      // Child C in household H1, three consecutive placements; the parent is listed second on the first.
      Row("jeugdhulp", "J0", "2022-01-01", "C", "H1").Rol("jeugdige").Aanbieder("AMB").End("2022-06-01"),
      Row("jeugdhulp", "PL1", "2023-01-10", "M", "H1").Rol("ouder").Nr(1).Placement().Aanbieder("PL").End("2023-05-01"),
      Placement("PL1", "2023-01-10", "2023-05-01", "C", "H1").Nr(2),
      Placement("PL2", "2023-05-02", "2023-12-31", "C", "H1"),
      Placement("PL3", "2024-02-01", "", "C", "H1"),
      Melding("V1", "2021-01-10", "2021-02-01", "C", "H1"),  // exactly 24 months before PL1
      Advies("V2", "2022-06-01", "2022-06-02", "S", "H1"),   // C's sibling
      // Child D: ambulant care in family H2, then placed (household H9 at the placement, another gemeente).
      Row("jeugdhulp", "J5", "2022-03-01", "D", "H2").Rol("jeugdige").Aanbieder("AMB").End("2022-09-01"),
      Placement("PL4", "2023-03-01", "2023-09-01", "D", "H9").Gemeente("GM0164").Wijk("WK016401"),
      Advies("V3", "2022-12-01", "2022-12-02", "DM", "H2"),  // D's parent in the family household
      // Child E: VT one day too early and one day after.
      Placement("PL5", "2023-06-01", "", "E", "H5"),
      Melding("V4", "2021-05-31", "2021-06-30", "E", "H5"),
      Melding("V5", "2023-06-02", "2023-07-01", "E", "H5"),
  };
}

void ExpectCell(const MeasureTable& table, const std::string& measure, const std::string& category,
                const std::string& region, const std::string& period, double numerator, double denominator) {
  const MeasureRow* row = FindRow(table, measure, category, region, period);
  ASSERT_NE(row, nullptr) << measure << " " << category << " " << region << " " << period;
  EXPECT_EQ(row->numerator, numerator) << measure << " " << category << " " << region << " " << period;
  EXPECT_EQ(row->denominator, denominator) << measure << " " << category << " " << region << " " << period;
}

TEST(PlacementsTest, PlacementsPerPlacedChild) {
  Result<MeasureTable> table = PlacementMeasures(Input(), MeasureOptions{});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  const std::string m = "plaatsingen_per_geplaatst_kind";
  ExpectCell(*table, m, "in_periode", "CR23", "2023", 4, 3);  // C: PL1, PL2; D: PL4; E: PL5
  ExpectCell(*table, m, "in_periode", "CR23", "2024", 1, 1);
  ExpectCell(*table, m, "in_periode", "CR23", "2023-Q1", 2, 2);
  ExpectCell(*table, m, "in_periode", "GM0164", "2023", 1, 1);
  ExpectCell(*table, m, "in_periode", "WK016401", "2023", 1, 1);
  ExpectCell(*table, m, "loopbaan_tot_nu", "CR23", "2023", 4, 3);
  ExpectCell(*table, m, "loopbaan_tot_nu", "CR23", "2023-Q3", 4, 3);  // PL4 ends 2023-09-01: still active
  ExpectCell(*table, m, "loopbaan_tot_nu", "CR23", "2023-Q4", 3, 2);  // C (2 so far) and E (1)
  ExpectCell(*table, m, "loopbaan_tot_nu", "CR23", "2024", 4, 2);     // C (3 so far) and E (1)
  ExpectCell(*table, m, "loopbaan_tot_nu", "CR23", "2024-Q1", 4, 2);
}

TEST(PlacementsTest, PrecededByVeiligThuisWithin24Months) {
  Result<MeasureTable> table = PlacementMeasures(Input(), MeasureOptions{});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  const std::string m = "plaatsingen_voorafgegaan_door_vt";
  // Child itself: only PL1 (V1 exactly 24 months before). V4 is a day too early, V5 comes after.
  ExpectCell(*table, m, "kind", "CR23", "2023", 1, 4);
  ExpectCell(*table, m, "kind", "CR23", "2024", 0, 1);
  // Child or household: PL1 (V1), PL2 and PL3 (V2, sibling), PL4 (V3, the family household D had before
  // the placement, although the placement row carries the foster household H9).
  ExpectCell(*table, m, "kind_of_huishouden", "CR23", "2023", 3, 4);
  ExpectCell(*table, m, "kind_of_huishouden", "CR23", "2024", 1, 1);
  ExpectCell(*table, m, "kind_of_huishouden", "GM0164", "2023-Q1", 1, 1);
}

}  // namespace
}  // namespace sz::indicators
