// The combined computation and the CSV output of a measure table.
#include "indicators/measure_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "indicators/cross_desk_measures.h"
#include "indicators/desk_overlap.h"
#include "indicators/vt_classification.h"
#include "involvement_builder.h"

namespace sz::indicators {
namespace {

using testing::Melding;
using testing::Row;

std::vector<LinkedInvolvement> Input() {
  return {Melding("M1", "2024-01-10", "2024-02-01", "P1", "H1"), Melding("M2", "2024-05-10", "", "P1", "H1"),
          Row("jeugdhulp", "J1", "2024-03-01", "P2", "H1").Rol("jeugdige").Placement().Aanbieder("A1")};
}

TEST(MeasureTableTest, CombinedTableHoldsEveryMeasureSorted) {
  Result<MeasureTable> table = ComputeCrossDeskMeasures(Input(), MeasureOptions{});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  for (const char* measure :
       {"vt_meldingen_klasse", "vt_meldingen_bekend_ander_meldpunt", "huishoudens_meerdere_meldpunten",
        "meldpunt_overlap", "organisaties_per_gezin", "plaatsingen_per_geplaatst_kind",
        "plaatsingen_voorafgegaan_door_vt", "dagen_tot_volgende_melding"}) {
    bool found = false;
    for (const MeasureRow& row : *table) found = found || row.measure == measure;
    EXPECT_TRUE(found) << measure;
  }
  MeasureTable sorted = *table;
  SortRows(sorted);
  ASSERT_EQ(sorted.size(), table->size());
  for (size_t row_idx = 0; row_idx < sorted.size(); ++row_idx) {
    EXPECT_EQ(sorted[row_idx].measure + sorted[row_idx].category + sorted[row_idx].region_code + sorted[row_idx].period,
              (*table)[row_idx].measure + (*table)[row_idx].category + (*table)[row_idx].region_code +
                  (*table)[row_idx].period);
  }
  // The same cells as the single-measure functions.
  Result<MeasureTable> vt = VtClassificationMeasures(Input(), MeasureOptions{});
  ASSERT_TRUE(vt.ok());
  for (const MeasureRow& row : *vt) {
    const MeasureRow* combined = FindRow(*table, row.measure, row.category, row.region_code, row.period);
    ASSERT_NE(combined, nullptr);
    EXPECT_EQ(combined->numerator, row.numerator);
    EXPECT_EQ(combined->denominator, row.denominator);
  }
  const MeasureRow* hermelding = FindRow(*table, "vt_meldingen_klasse", "hermelding", "CR23", "2024");
  ASSERT_NE(hermelding, nullptr);
  EXPECT_EQ(hermelding->numerator, 1);
  EXPECT_EQ(hermelding->denominator, 2);
  const MeasureRow* preceded =
      FindRow(*table, "plaatsingen_voorafgegaan_door_vt", "kind_of_huishouden", "CR23", "2024");
  ASSERT_NE(preceded, nullptr);
  EXPECT_EQ(preceded->numerator, 1);  // M1 of P1 in the child's household H1
}

TEST(MeasureTableTest, WritesCsvWithNumeratorDenominatorAndValue) {
  MeasureTable table = {
      MeasureRow{"vt_meldingen_klasse", "hermelding", RegionLevel::kGemeente, "GM0153", PeriodKind::kQuarter, "2024-Q1",
                 3, 8, 0.375},
      MeasureRow{"dagen_tot_volgende_melding", "veilig_thuis", RegionLevel::kRegio, "CR23", PeriodKind::kYear, "2024",
                 0, 2, std::nan("")},
  };
  std::string path = (std::filesystem::temp_directory_path() / "indicators_measure_table_test.csv").string();
  Status status = WriteMeasuresCsv(table, path);
  ASSERT_TRUE(status.ok()) << status.ToString();
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_EQ(text.str(),
            "maat;categorie;regioniveau;regio;periodesoort;periode;teller;noemer;waarde\n"
            "vt_meldingen_klasse;hermelding;gemeente;GM0153;kwartaal;2024-Q1;3;8;0.375\n"
            "dagen_tot_volgende_melding;veilig_thuis;regio;CR23;jaar;2024;0;2;\n");
  std::filesystem::remove(path);
  EXPECT_EQ(WriteMeasuresCsv(table, "/nonexistent-dir/x.csv").code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace sz::indicators
