// VT classification (CBS hermelding / vervolgmelding / nieuw) on hand-made linked inputs, and against a
// slow all-pairs reference on random inputs.
#include "indicators/vt_classification.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "involvement_builder.h"

namespace sz::indicators {
namespace {

using testing::Advies;
using testing::D;
using testing::Melding;
using testing::Row;

std::map<std::string, VtClassification> Classify(const std::vector<LinkedInvolvement>& rows) {
  Result<std::vector<VtClassification>> result = ClassifyVtRegistrations(rows);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  std::map<std::string, VtClassification> by_id;
  if (result.ok()) {
    for (const VtClassification& entry : *result) by_id[entry.record_id] = entry;
  }
  return by_id;
}

VtClass ClassOf(const std::vector<LinkedInvolvement>& rows, const std::string& id) {
  return Classify(rows).at(id).vt_class;
}

TEST(VtClassificationTest, NoEarlierRegistrationIsNieuw) {
  EXPECT_EQ(ClassOf({Melding("M1", "2024-03-01", "", "P1", "H1")}, "M1"), VtClass::kNieuw);
}

TEST(VtClassificationTest, EarlierOpenCaseIsVervolgmelding) {
  std::vector<LinkedInvolvement> rows = {Melding("M0", "2023-01-01", "", "P1", "H1"),
                                         Melding("M1", "2024-03-01", "", "P1", "H1")};
  EXPECT_EQ(ClassOf(rows, "M1"), VtClass::kVervolgmelding);
  EXPECT_EQ(ClassOf(rows, "M0"), VtClass::kNieuw);
}

TEST(VtClassificationTest, ClosingDateEqualToMeldingDateIsVervolgmelding) {
  EXPECT_EQ(
      ClassOf({Melding("M0", "2024-01-01", "2024-03-01", "P1", "H1"), Melding("M1", "2024-03-01", "", "P1", "H1")},
              "M1"),
      VtClass::kVervolgmelding);
  EXPECT_EQ(
      ClassOf({Melding("M0", "2024-01-01", "2024-02-29", "P1", "H1"), Melding("M1", "2024-03-01", "", "P1", "H1")},
              "M1"),
      VtClass::kHermelding);
}

TEST(VtClassificationTest, ClosedExactlyThreeYearsBackIsHermelding) {
  EXPECT_EQ(
      ClassOf({Melding("M0", "2020-06-01", "2021-03-01", "P1", "H1"), Melding("M1", "2024-03-01", "", "P1", "H1")},
              "M1"),
      VtClass::kHermelding);
  EXPECT_EQ(
      ClassOf({Melding("M0", "2020-06-01", "2021-02-28", "P1", "H1"), Melding("M1", "2024-03-01", "", "P1", "H1")},
              "M1"),
      VtClass::kNieuw);
}

TEST(VtClassificationTest, TwentyNinthOfFebruaryLooksBackToTwentyEighth) {
  EXPECT_EQ(
      ClassOf({Melding("M0", "2020-06-01", "2021-02-28", "P1", "H1"), Melding("M1", "2024-02-29", "", "P1", "H1")},
              "M1"),
      VtClass::kHermelding);
  EXPECT_EQ(
      ClassOf({Melding("M0", "2020-06-01", "2021-02-27", "P1", "H1"), Melding("M1", "2024-02-29", "", "P1", "H1")},
              "M1"),
      VtClass::kNieuw);
}

TEST(VtClassificationTest, ReceivedLongAgoButClosedWithinThreeYearsIsHermelding) {
  // "Known in the past 3 years" is about involvement, not about the date of receipt.
  EXPECT_EQ(
      ClassOf({Melding("M0", "2019-01-01", "2021-06-01", "P1", "H1"), Melding("M1", "2024-03-01", "", "P1", "H1")},
              "M1"),
      VtClass::kHermelding);
}

TEST(VtClassificationTest, SameDayRegistrationDoesNotCount) {
  std::vector<LinkedInvolvement> rows = {Melding("M0", "2024-03-01", "", "P1", "H1"),
                                         Melding("M1", "2024-03-01", "", "P1", "H1")};
  EXPECT_EQ(ClassOf(rows, "M0"), VtClass::kNieuw);
  EXPECT_EQ(ClassOf(rows, "M1"), VtClass::kNieuw);
}

TEST(VtClassificationTest, EarlierAdviesCounts) {
  EXPECT_EQ(ClassOf({Advies("A0", "2023-01-01", "2023-01-05", "P1", "H1"), Melding("M1", "2024-03-01", "", "P1", "H1")},
                    "M1"),
            VtClass::kHermelding);
}

TEST(VtClassificationTest, OnlyTheSamePersonCountsNotTheHousehold) {
  EXPECT_EQ(ClassOf({Melding("M0", "2023-01-01", "", "P2", "H1"), Melding("M1", "2024-03-01", "", "P1", "H1")}, "M1"),
            VtClass::kNieuw);
}

TEST(VtClassificationTest, SeveralPersonsOfDifferentStatusVervolgWins) {
  std::vector<LinkedInvolvement> rows = {
      Melding("M0", "2022-01-01", "2022-06-01", "P1", "H1"),  // P1: known, closed → hermelding
      Melding("M2", "2024-01-01", "", "P2", "H2"),            // P2: open → vervolg
      Melding("M1", "2024-03-01", "", "P1", "H1").Nr(1),     Melding("M1", "2024-03-01", "", "P2", "H2").Nr(2),
      Melding("M1", "2024-03-01", "", "P3", "H1").Nr(3),  // P3: unknown
      Melding("M3", "2024-04-01", "", "P3", "H1").Nr(1),     Melding("M3", "2024-04-01", "", "P4", "H1").Nr(2)};
  std::map<std::string, VtClassification> classes = Classify(rows);
  EXPECT_EQ(classes.at("M1").vt_class, VtClass::kVervolgmelding);
  EXPECT_EQ(classes.at("M3").vt_class, VtClass::kVervolgmelding);  // M1 is open for P3
  Row hermelding_only = Melding("M1", "2024-03-01", "", "P3", "H1").Nr(3);
  std::vector<LinkedInvolvement> without_open = {Melding("M0", "2022-01-01", "2022-06-01", "P1", "H1"),
                                                 Melding("M1", "2024-03-01", "", "P1", "H1").Nr(1), hermelding_only};
  EXPECT_EQ(ClassOf(without_open, "M1"), VtClass::kHermelding);
}

TEST(VtClassificationTest, KnownAtAnotherDeskByPersonAndHousehold) {
  std::vector<LinkedInvolvement> rows = {
      Row("zorgwekkend_gedrag", "Z1", "2021-03-01", "P1", "H1"),  // exactly 3 years back: counts
      Melding("M1", "2024-03-01", "", "P1", "H1"),
      Row("zorgwekkend_gedrag", "Z2", "2021-02-28", "P2", "H2"),  // 3 years + 1 day: does not
      Melding("M2", "2024-03-01", "", "P2", "H2"),
      Row("wmo", "W1", "2015-01-01", "P4", "H3").Soort("begeleiding"),  // running provision of a housemate
      Melding("M3", "2024-03-01", "", "P3", "H3"),
      Row("jeugdhulp", "J1", "2019-01-01", "P5", "H4").End("2021-03-01").Rol("jeugdige"),  // ended exactly 3y back
      Melding("M4", "2024-03-01", "", "P5", "H4"),
      Row("woningvervuiling", "O1", "2024-03-01", "P6", "H5"),  // same day: not before
      Melding("M5", "2024-03-01", "", "P6", "H5"),
      Row("wonen_verblijf", "B1", "2023-01-01", "P7", "H7"),  // person in two households
      Melding("M6", "2024-03-01", "", "P7", "H6"),
  };
  std::map<std::string, VtClassification> classes = Classify(rows);
  EXPECT_TRUE(classes.at("M1").known_elsewhere_person);
  EXPECT_TRUE(classes.at("M1").known_elsewhere_household);
  EXPECT_FALSE(classes.at("M2").known_elsewhere_person);
  EXPECT_FALSE(classes.at("M2").known_elsewhere_household);
  EXPECT_FALSE(classes.at("M3").known_elsewhere_person);
  EXPECT_TRUE(classes.at("M3").known_elsewhere_household);
  EXPECT_TRUE(classes.at("M4").known_elsewhere_person);
  EXPECT_FALSE(classes.at("M5").known_elsewhere_person);
  EXPECT_FALSE(classes.at("M5").known_elsewhere_household);
  EXPECT_TRUE(classes.at("M6").known_elsewhere_person);
  EXPECT_FALSE(classes.at("M6").known_elsewhere_household);  // H7 is not the melding's household
  for (const auto& [id, entry] : classes) EXPECT_EQ(entry.vt_class, VtClass::kNieuw) << id;
}

TEST(VtClassificationTest, MeasuresCountMeldingenOnlyPerRegionAndPeriod) {
  std::vector<LinkedInvolvement> rows = {
      Melding("M0", "2023-11-01", "", "P1", "H1"),                                      // nieuw, 2023-Q4
      Melding("M1", "2024-01-10", "", "P1", "H1"),                                      // vervolg
      Melding("M2", "2024-02-10", "", "P2", "H2").Gemeente("GM0164").Wijk("WK016401"),  // nieuw
      Advies("A1", "2024-02-11", "2024-02-12", "P3", "H3"),                             // advies: not counted
      Melding("M3", "2024-05-10", "", "P3", "H3").Wijk("WK016401"),  // hermelding; wijk outside gemeente → no wijk
  };
  Result<MeasureTable> table = VtClassificationMeasures(rows, MeasureOptions{});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  const MeasureRow* row = FindRow(*table, "vt_meldingen_klasse", "vervolgmelding", "CR23", "2024");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->numerator, 1);
  EXPECT_EQ(row->denominator, 3);  // M1, M2, M3 (A1 is an advies, M0 is 2023)
  EXPECT_DOUBLE_EQ(row->value, 1.0 / 3);
  row = FindRow(*table, "vt_meldingen_klasse", "hermelding", "CR23", "2024-Q2");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->numerator, 1);
  EXPECT_EQ(row->denominator, 1);
  row = FindRow(*table, "vt_meldingen_klasse", "nieuw", "GM0153", "2024-Q1");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->numerator, 0);
  EXPECT_EQ(row->denominator, 1);
  row = FindRow(*table, "vt_meldingen_klasse", "nieuw", "WK016401", "2024-Q1");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->numerator, 1);
  EXPECT_EQ(row->level, RegionLevel::kWijk);
  EXPECT_EQ(FindRow(*table, "vt_meldingen_klasse", "hermelding", "WK016401", "2024-Q2"), nullptr);
  row = FindRow(*table, "vt_meldingen_klasse", "nieuw", "WK015301", "2023");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->numerator, 1);
  EXPECT_EQ(row->period_kind, PeriodKind::kYear);
}

TEST(VtClassificationTest, InvalidInputIsAnError) {
  std::vector<LinkedInvolvement> unknown = {Row("politie", "X1", "2024-01-01", "P1", "H1")};
  EXPECT_EQ(ClassifyVtRegistrations(unknown).status().code(), StatusCode::kInvalidArgument);
  std::vector<LinkedInvolvement> inconsistent = {Melding("M1", "2024-01-01", "", "P1", "H1").Nr(1),
                                                 Melding("M1", "2024-01-02", "", "P2", "H1").Nr(2)};
  EXPECT_EQ(ClassifyVtRegistrations(inconsistent).status().code(), StatusCode::kDataError);
  std::vector<LinkedInvolvement> duplicate = {Melding("M1", "2024-01-01", "", "P1", "H1"),
                                              Melding("M1", "2024-01-01", "", "P2", "H1")};
  EXPECT_EQ(ClassifyVtRegistrations(duplicate).status().code(), StatusCode::kDataError);
  std::vector<LinkedInvolvement> backwards = {Melding("M1", "2024-01-01", "2023-12-31", "P1", "H1")};
  EXPECT_EQ(ClassifyVtRegistrations(backwards).status().code(), StatusCode::kDataError);
  std::vector<LinkedInvolvement> no_person = {Melding("M1", "2024-01-01", "", "", "H1")};
  EXPECT_EQ(ClassifyVtRegistrations(no_person).status().code(), StatusCode::kDataError);
}

// Slow reference: every pair of registrations, straight from the definition in the header.
VtClass ReferenceClass(const std::vector<LinkedInvolvement>& rows, const LinkedInvolvement& melding) {
  bool vervolg = false, hermelding = false;
  Date window = melding.event_date;
  window.year -= 3;
  if (window.month == 2 && window.day == 29 && !IsLeapYear(window.year)) window.day = 28;
  for (const LinkedInvolvement& mine : rows) {
    if (mine.source != "veilig_thuis" || mine.record_id != melding.record_id) continue;
    for (const LinkedInvolvement& other : rows) {
      if (other.source != "veilig_thuis" || other.person_id != mine.person_id) continue;
      if (!(other.event_date < melding.event_date)) continue;
      if (!other.end_date || *other.end_date >= melding.event_date)
        vervolg = true;
      else if (*other.end_date >= window)
        hermelding = true;
    }
  }
  return vervolg ? VtClass::kVervolgmelding : (hermelding ? VtClass::kHermelding : VtClass::kNieuw);
}

TEST(VtClassificationTest, AgreesWithAllPairsReferenceOnRandomInput) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::vector<LinkedInvolvement> rows;
    for (int reg = 0; reg < 60; ++reg) {
      Date date = Date{2018, 1, 1}.AddDays(rng() % 2500);
      std::string end = rng() % 5 == 0 ? "" : date.AddDays(rng() % 400).ToIso();
      int persons = 1 + rng() % 3;
      for (int nr = 1; nr <= persons; ++nr) {
        std::string person = "P" + std::to_string(rng() % 25);
        rows.push_back(Melding("M" + std::to_string(reg), date.ToIso(), end, person, "H" + person).Nr(nr));
        if (rng() % 3 == 0) rows.back().soort = "advies";
      }
    }
    // Registration fields must agree within a registration.
    for (LinkedInvolvement& row : rows) {
      for (const LinkedInvolvement& first : rows) {
        if (first.record_id == row.record_id) {
          row.soort = first.soort;
          break;
        }
      }
    }
    std::map<std::string, VtClassification> classes = Classify(rows);
    for (const LinkedInvolvement& row : rows) {
      EXPECT_EQ(classes.at(row.record_id).vt_class, ReferenceClass(rows, row)) << row.record_id << " round " << round;
    }
  }
}

}  // namespace
}  // namespace sz::indicators
