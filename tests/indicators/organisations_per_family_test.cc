// Distinct organisations (desks + providers) per family in 12 months on a hand-made linked input.
#include "indicators/organisations_per_family.h"

#include <gtest/gtest.h>

#include "involvement_builder.h"

namespace sz::indicators {
namespace {

using testing::Melding;
using testing::Row;

void ExpectCell(const MeasureTable& table, const std::string& category, const std::string& period, double numerator,
                double denominator) {
  const MeasureRow* row = FindRow(table, "organisaties_per_gezin", category, "CR23", period);
  ASSERT_NE(row, nullptr) << category << " " << period;
  EXPECT_EQ(row->numerator, numerator) << category << " " << period;
  EXPECT_EQ(row->denominator, denominator) << category << " " << period;
}

TEST(OrganisationsPerFamilyTest, DesksPlusDistinctProviders) {
  std::vector<LinkedInvolvement> rows = {
      // H1: desks VT, jeugdhulp, Wmo; providers A1 (jeugdhulp and Wmo: one organisation), A2 → 5.
      Melding("M1", "2024-02-01", "", "P1", "H1"),
      Row("jeugdhulp", "J1", "2024-03-01", "P2", "H1").Rol("jeugdige").Aanbieder("A1").Soort(""),
      Row("jeugdhulp", "J2", "2024-04-01", "P2", "H1").Rol("jeugdige").Aanbieder("A2").End("2024-06-01"),
      Row("wmo", "W1", "2023-01-01", "P1", "H1").Soort("begeleiding").Aanbieder("A1").End("2024-01-15"),
      // H2: one report → 1.
      Row("zorgwekkend_gedrag", "Z1", "2024-05-05", "P3", "H2"),
      // H3: jeugdhulp (A3) and Wmo (A4) → 4.
      Row("jeugdhulp", "J3", "2024-01-01", "P9", "H3").Rol("jeugdige").Aanbieder("A3"),
      Row("wmo", "W2", "2024-02-01", "P10", "H3").Soort("vervoer").Aanbieder("A4"),
  };
  Result<MeasureTable> table = OrganisationsPerFamilyMeasures(rows, MeasureOptions{});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ExpectCell(*table, "gemiddelde", "2024", 10, 3);
  EXPECT_DOUBLE_EQ(FindRow(*table, "organisaties_per_gezin", "gemiddelde", "CR23", "2024")->value, 10.0 / 3);
  ExpectCell(*table, "1", "2024", 1, 3);
  ExpectCell(*table, "2", "2024", 0, 3);
  ExpectCell(*table, "4", "2024", 1, 3);
  ExpectCell(*table, "5+", "2024", 1, 3);
  ExpectCell(*table, "3_of_meer", "2024", 2, 3);
  // 2023: H1's Wmo provision only → desk + provider = 2.
  ExpectCell(*table, "gemiddelde", "2023", 2, 1);
  // 2024-Q1 (2023-04-01 … 2024-03-31): H1 has M1, J1, W1 → 3 desks + A1 = 4; H3 → 4; H2 not yet.
  ExpectCell(*table, "gemiddelde", "2024-Q1", 8, 2);
  ExpectCell(*table, "3_of_meer", "2024-Q1", 2, 2);
}

}  // namespace
}  // namespace sz::indicators
