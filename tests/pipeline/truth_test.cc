// The synthetic truth's reader (pipeline/truth.h) on small files of its own.
#include "pipeline/truth.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace sz::pipeline {
namespace {

TEST(TruthTest, ReadsTruePersonsInTheInvolvementsOrder) {
  std::filesystem::path path =
      std::filesystem::path(::testing::TempDir()) / ("truth-" + std::to_string(getpid()) + ".csv");
  {
    std::ofstream out(path);
    out << "source,record_id,betrokkene_nr,person_id,household_id\n"
        << "veilig_thuis,VT-1,1,P7,H1\n"
        << "wmo,W-9,2,P7,H2\n"
        << "wmo,W-9,3,P8,H2\n"
        << "jeugdhulp,J-1,1,P9,H3\n";
  }
  std::vector<InvolvementKey> keys = {{"wmo", "W-9", 2}, {"veilig_thuis", "VT-1", 1}, {"wmo", "W-9", 3}};
  Result<TruePersons> truth = ReadTruePersons(path.string(), keys);
  ASSERT_TRUE(truth.ok()) << truth.status().ToString();
  // Labels in the order the involvements first name them; the row for J-1 matches no involvement.
  EXPECT_EQ(truth->person, (std::vector<uint32_t>{0, 0, 1}));
  EXPECT_EQ(truth->household, (std::vector<uint32_t>{0, 1, 0}));
  keys[1].betrokkene_nr = 3;
  Result<TruePersons> missing = ReadTruePersons(path.string(), keys);
  EXPECT_EQ(missing.status().code(), StatusCode::kDataError);
  EXPECT_NE(missing.status().message().find("VT-1"), std::string::npos) << missing.status().message();
  EXPECT_EQ(ReadTruePersons("/nonexistent/truth.csv", keys).status().code(), StatusCode::kNotFound);
  std::filesystem::remove(path);
}

TEST(TruthTest, ReadsOutbreaksAndNamesABadWeek) {
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / ("outbreaks-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir / "truth");
  {
    std::ofstream out(dir / "truth" / "outbreaks.csv");
    out << "ziekte;gemeente;eerste_week;laatste_week;extra_gevallen\n"
        << "mazelen;GM0153;2024-W05;2024-W08;12\n";
  }
  Result<std::vector<TrueOutbreak>> outbreaks = ReadOutbreakTruth(dir.string());
  ASSERT_TRUE(outbreaks.ok()) << outbreaks.status().ToString();
  ASSERT_EQ(outbreaks->size(), 1u);
  EXPECT_EQ((*outbreaks)[0].gemeente, "GM0153");
  EXPECT_EQ((*outbreaks)[0].first, (IsoWeek{2024, 5}));
  EXPECT_EQ((*outbreaks)[0].last, (IsoWeek{2024, 8}));
  {
    std::ofstream out(dir / "truth" / "outbreaks.csv");
    out << "ziekte;gemeente;eerste_week;laatste_week\nmazelen;GM0153;week vijf;2024-W08\n";
  }
  Result<std::vector<TrueOutbreak>> bad = ReadOutbreakTruth(dir.string());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  EXPECT_NE(bad.status().message().find("regel 2"), std::string::npos) << bad.status().message();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sz::pipeline
