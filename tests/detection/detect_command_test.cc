// End to end: `samenzicht detect` on golden inputs gives R's numbers, and its exit codes.
// Runs the built executable (build-dir/src/cli/samenzicht); skipped when it has not been built.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "golden_reader.h"

namespace sz::detection {
namespace {

std::string Executable() { return std::string(SZ_BINARY_DIR) + "/src/cli/samenzicht"; }

int RunDetect(const std::string& args) {
  const int status = std::system((Executable() + " detect " + args + " 2>/dev/null").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class DetectCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(Executable())) GTEST_SKIP() << "samenzicht not built";
    out_ = (std::filesystem::temp_directory_path() / ("detect_command_test_" + std::to_string(::getpid()) + ".csv"))
               .string();
  }
  void TearDown() override { std::filesystem::remove(out_); }
  std::string out_;
};

void ExpectMatchesGolden(const std::string& out, const std::string& golden_case) {
  const testing::CsvTable ours = testing::ReadCsv(out);
  const testing::CsvTable want = testing::ReadCsv(testing::GoldenDir() + "/outputs/" + golden_case + ".csv");
  ASSERT_EQ(ours.rows.size(), want.rows.size());
  for (const char* column : {"t", "alarm", "expected", "upperbound", "score", "pvalue"}) {
    const std::vector<double> a = testing::Column(ours, column);
    const std::vector<double> b = testing::Column(want, column);
    if (b.empty()) continue;
    ASSERT_EQ(a.size(), b.size()) << column;
    for (size_t row = 0; row < a.size(); ++row) {
      if (std::isnan(b[row])) {
        EXPECT_TRUE(std::isnan(a[row])) << column << " row " << row;
      } else {
        EXPECT_NEAR(a[row], b[row], 1e-6 * std::fabs(b[row]) + 1e-12) << column << " row " << row;
      }
    }
  }
}

TEST_F(DetectCommandTest, NoufailyOnCampyMatchesR) {
  const std::string input = testing::GoldenDir() + "/series/campy.csv";
  ASSERT_EQ(RunDetect("--method farringtonFlexible --input " + input +
                " --frequency 52 --b 5 --w 3 --noPeriods 10 --weightsThreshold 2.58 --pastWeeksNotIncluded 26"
                " --pThresholdTrend 1 --populationOffset false --alpha 0.05 --thresholdMethod nbPlugin"
                " --range 419:522 --out " + out_),
            0);
  ExpectMatchesGolden(out_, "flexible_noufaily_nb_campy");
}

TEST_F(DetectCommandTest, OtherMethodsAndOptionSyntax) {
  ASSERT_EQ(RunDetect("--method farringtonFlexible --input " + testing::GoldenDir() +
                "/series/campy.csv --frequency 52 --powertrans 1/2 --trend false --reweight false --limit54 3,2"
                " --range 400:522 --out " + out_),
            0);
  ExpectMatchesGolden(out_, "flexible_half_notrend_campy");
  ASSERT_EQ(RunDetect("--method earsC3 --input " + testing::GoldenDir() +
                "/series/gen_sparse.csv --frequency 52 --baseline 5 --minSigma 0.5 --out " + out_),
            0);
  ExpectMatchesGolden(out_, "earsC3_options_sparse");
  ASSERT_EQ(RunDetect("--method cusum --input " + testing::GoldenDir() +
                "/series/gen_trend.csv --frequency 52 --range 300:520 --m glm --trans standard --out " + out_),
            0);
  ExpectMatchesGolden(out_, "cusum_glm_gen_trend");
  ASSERT_EQ(RunDetect("--method farrington --input " + testing::GoldenDir() + "/series/rotaBB.csv --frequency 12 --range "
                "66:144 --out " + out_),
            0);
  ExpectMatchesGolden(out_, "farrington_monthly_rotaBB");
}

TEST_F(DetectCommandTest, ReadsDutchExportsAndChecksWeeks) {
  const std::string input = out_ + ".nl.csv";
  {
    std::ofstream file(input, std::ios::binary);
    file << "\xEF\xBB\xBFjaar;week;observed;population\r\n";
    for (int week = 1; week <= 30; ++week) {
      file << "2020;" << week << ";" << (week == 5 ? "" : std::to_string(week % 4)) << ";1000,5\r\n";
    }
  }
  ASSERT_EQ(RunDetect("--method earsC1 --input " + input + " --frequency 52 --out " + out_), 0);
  const testing::CsvTable ours = testing::ReadCsv(out_);
  ASSERT_EQ(ours.rows.size(), 30u - 7u);
  EXPECT_EQ(ours.rows[0][ours.Column("upperbound")], "NA");  // t = 8: week 5 is missing
  {
    std::ofstream file(input, std::ios::binary | std::ios::app);
    file << "2020;33;1;1000\r\n";  // weeks 31 and 32 missing: a gap
  }
  EXPECT_EQ(RunDetect("--method earsC1 --input " + input + " --frequency 52 --out " + out_), 2);
  std::filesystem::remove(input);
}

TEST_F(DetectCommandTest, ExitCodes) {
  const std::string input = testing::GoldenDir() + "/series/agona.csv";
  EXPECT_EQ(RunDetect("--method farringtonFlexible --input " + input + " --frequency 52 --k 3 --out " + out_), 1);
  EXPECT_EQ(RunDetect("--method glrnb --input " + input + " --frequency 52 --out " + out_), 1);
  EXPECT_EQ(RunDetect("--method earsC1 --input " + input + " --frequency 7 --out " + out_), 1);
  EXPECT_EQ(RunDetect("--method earsC1 --input /nonexistent/series.csv --frequency 52 --out " + out_), 3);
  const std::string bad = out_ + ".in.csv";
  {
    std::ofstream file(bad);
    file << "observed\n1\n2\nthree\n";
  }
  EXPECT_EQ(RunDetect("--method earsC1 --input " + bad + " --frequency 52 --out " + out_), 2);
  std::filesystem::remove(bad);
}

}  // namespace
}  // namespace sz::detection
