// Validation against the synthetic Twente's ground truth (issue 7): with the TRUE person and household
// ids, our VT classification must reproduce the generator's truth/vt_classificatie.csv exactly, report
// by report. Runs the built `samenzicht generate` (scale 0.05, 2020–2024, seed 42), or validates the
// directory named by $SZ_INDICATORS_SYNTH_DIR.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "indicators/cross_desk_measures.h"
#include "indicators/truth_comparison.h"
#include "indicators/vt_classification.h"
#include "pipeline/truth.h"

namespace sz::indicators {
namespace {

// SZ_INDICATORS_SYNTH_DIR=DIR validates an existing generated directory instead (e.g. scale 1).
std::string GenerateOnce() {
  static std::string dir;
  if (!dir.empty()) return dir;
  if (const char* given = std::getenv("SZ_INDICATORS_SYNTH_DIR"); given != nullptr && *given != '\0') {
    dir = given;
    return dir;
  }
  std::string binary = std::string(SZ_BINARY_DIR) + "/src/cli/samenzicht";
  if (!std::filesystem::exists(binary)) return "";
  // One folder per process: ctest runs the test cases in parallel processes.
  std::string out = std::string(SZ_BINARY_DIR) + "/indicators_synth_validation_" + std::to_string(getpid());
  std::filesystem::remove_all(out);
  std::string command =
      binary + " generate --out " + out + " --seed 42 --scale 0.05 --years 2020-2024 > " + out + ".log 2>&1";
  if (std::system(command.c_str()) != 0) return "";
  dir = out;
  return dir;
}

TEST(SynthValidationTest, TrueIdsReproduceTheGeneratorsVtClassification) {
  std::string dir = GenerateOnce();
  ASSERT_FALSE(dir.empty()) << "could not run " << SZ_BINARY_DIR
                            << "/src/cli/samenzicht generate (build the samenzicht target first)";
  Result<SynthTruth> truth = pipeline::ReadSynthTruth(dir);
  ASSERT_TRUE(truth.ok()) << truth.status().ToString();
  ASSERT_GT(truth->vt.size(), 1000u);
  Result<std::vector<VtClassification>> ours = ClassifyVtRegistrations(truth->involvements);
  ASSERT_TRUE(ours.ok()) << ours.status().ToString();
  VtTruthComparison comparison = CompareWithTruth(*ours, truth->vt);
  EXPECT_EQ(comparison.missing, 0);
  EXPECT_EQ(comparison.compared, static_cast<int64_t>(truth->vt.size()));
  EXPECT_EQ(comparison.class_agreements, comparison.compared);
  EXPECT_EQ(comparison.person_elsewhere_agreements, comparison.compared);
  EXPECT_EQ(comparison.household_elsewhere_agreements, comparison.compared);
  for (const std::string& line : comparison.disagreements) ADD_FAILURE() << line;
  for (VtClass vt_class : {VtClass::kVervolgmelding, VtClass::kHermelding, VtClass::kNieuw}) {
    EXPECT_EQ(comparison.ours.counts[static_cast<int>(vt_class)], comparison.truth.counts[static_cast<int>(vt_class)]);
  }
  for (const auto& [year, shares] : comparison.by_year) {
    std::printf("%d meldingen %lld: hermelding %.4f (truth %.4f), vervolg %.4f (%.4f), nieuw %.4f (%.4f)\n", year,
                static_cast<long long>(shares.first.meldingen), shares.first.Share(VtClass::kHermelding),
                shares.second.Share(VtClass::kHermelding), shares.first.Share(VtClass::kVervolgmelding),
                shares.second.Share(VtClass::kVervolgmelding), shares.first.Share(VtClass::kNieuw),
                shares.second.Share(VtClass::kNieuw));
  }
}

TEST(SynthValidationTest, SplitPersonsAreSeenAsDisagreements) {
  // A linkage that splits persons (here: every 7th VT involvement gets a person of its own) must show up.
  std::string dir = GenerateOnce();
  ASSERT_FALSE(dir.empty());
  Result<SynthTruth> truth = pipeline::ReadSynthTruth(dir);
  ASSERT_TRUE(truth.ok()) << truth.status().ToString();
  std::vector<LinkedInvolvement> linked = truth->involvements;
  size_t split = 0;
  for (size_t row_idx = 0; row_idx < linked.size(); ++row_idx) {
    if (linked[row_idx].source == "veilig_thuis" && row_idx % 7 == 0) {
      linked[row_idx].person_id = "split-" + std::to_string(row_idx);
      ++split;
    }
  }
  ASSERT_GT(split, 0u);
  Result<std::vector<VtClassification>> ours = ClassifyVtRegistrations(linked);
  ASSERT_TRUE(ours.ok()) << ours.status().ToString();
  Result<std::vector<SynthTruthVt>> vt_truth = pipeline::ReadVtClassificationTruth(dir);
  ASSERT_TRUE(vt_truth.ok()) << vt_truth.status().ToString();
  EXPECT_EQ(vt_truth->size(), truth->vt.size());
  VtTruthComparison comparison = CompareWithTruth(*ours, *vt_truth);
  EXPECT_EQ(comparison.missing, 0);
  EXPECT_LT(comparison.class_agreements, comparison.compared);
  EXPECT_FALSE(comparison.disagreements.empty());
  // Splitting persons can only lose earlier registrations: fewer vervolg + hermelding, more nieuw.
  EXPECT_GT(comparison.ours.counts[static_cast<int>(VtClass::kNieuw)],
            comparison.truth.counts[static_cast<int>(VtClass::kNieuw)]);
}

TEST(SynthValidationTest, AllMeasuresRunOnTheSyntheticTwente) {
  std::string dir = GenerateOnce();
  ASSERT_FALSE(dir.empty());
  Result<SynthTruth> truth = pipeline::ReadSynthTruth(dir);
  ASSERT_TRUE(truth.ok()) << truth.status().ToString();
  Result<MeasureTable> table = ComputeCrossDeskMeasures(truth->involvements, MeasureOptions{});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  // The Twente 2024 hermelding count equals the truth's count of 2024 meldingen classed hermelding.
  int64_t truth_hermelding = 0, truth_meldingen = 0;
  for (const SynthTruthVt& entry : truth->vt) {
    if (entry.soort != "melding" || entry.ontvangen_op.year != 2024) continue;
    ++truth_meldingen;
    if (entry.vt_class == VtClass::kHermelding) ++truth_hermelding;
  }
  const MeasureRow* row = FindRow(*table, "vt_meldingen_klasse", "hermelding", "CR23", "2024");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->numerator, truth_hermelding);
  EXPECT_EQ(row->denominator, truth_meldingen);
  for (const char* measure :
       {"vt_meldingen_bekend_ander_meldpunt", "huishoudens_meerdere_meldpunten", "organisaties_per_gezin",
        "volgende_melding_binnen_365_dagen", "plaatsingen_per_geplaatst_kind", "plaatsingen_voorafgegaan_door_vt"}) {
    bool found = false;
    // A year's follow-up needs the year after: report the within-365-days share of 2023.
    std::string period = std::string(measure) == "volgende_melding_binnen_365_dagen" ? "2023" : "2024";
    for (const MeasureRow& r : *table) {
      if (r.measure == measure && r.region_code == "CR23" && r.period == period) {
        found = true;
        std::printf("%s %s %s: %g / %g = %.4f\n", measure, r.category.c_str(), period.c_str(), r.numerator,
                    r.denominator, r.value);
      }
    }
    EXPECT_TRUE(found) << measure;
  }
  row = FindRow(*table, "dagen_tot_volgende_melding", "veilig_thuis_melding", "CR23", "2022");
  ASSERT_NE(row, nullptr);
  std::printf("dagen_tot_volgende_melding veilig_thuis_melding 2022: median %g (%g of %g observed)\n", row->value,
              row->numerator, row->denominator);
}

}  // namespace
}  // namespace sz::indicators
