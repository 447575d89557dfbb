// The health monitor as GGDs deliver it (SPSS .sav with value labels) gives the same estimates as the
// same wave delivered as CSV: both written by the generator, estimated through `samenzicht survey`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/run_command.h"

namespace sz {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SurveySavTest, SavAndCsvOfTheSameWaveGiveTheSameEstimates) {
  std::string dir = ::testing::TempDir() + "/survey-sav-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  auto generated = testing::RunSamenzicht("generate --out " + dir + " --seed 3 --scale 0.05 --years 2024-2024");
  ASSERT_EQ(generated.exit_code, 0) << generated.output;
  std::string design = " --ids psu --strata stratum --weights gewicht --by gemeente+opleiding";
  for (const char* estimate : {"--mean roker+geslacht", "--ciprop mantelzorger --ci-method beta", "--total obesitas"}) {
    SCOPED_TRACE(estimate);
    auto sav = testing::RunSamenzicht("survey --data " + dir + "/gezondheidsmonitor/monitor-2024.sav" + design + " " +
                                      estimate + " --out " + dir + "/sav.csv");
    ASSERT_EQ(sav.exit_code, 0) << sav.output;
    auto csv = testing::RunSamenzicht("survey --data " + dir + "/gezondheidsmonitor/monitor-2024.csv" + design + " " +
                                      estimate + " --out " + dir + "/csv.csv");
    ASSERT_EQ(csv.exit_code, 0) << csv.output;
    std::string from_sav = Read(dir + "/sav.csv"), from_csv = Read(dir + "/csv.csv");
    EXPECT_GT(from_sav.size(), 500u);
    EXPECT_EQ(from_sav, from_csv);
  }
}

}  // namespace
}  // namespace sz
