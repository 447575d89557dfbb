// samenzicht indicators: the catalogue listed and checked as a user runs it, with the exit codes of
// the README (0 sound, 2 a wrong entry, 1 a usage error).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "support/run_command.h"

namespace sz {
namespace {

using testing::RunSamenzicht;

const std::string kConfig = std::string(SZ_SOURCE_DIR) + "/config";

TEST(IndicatorsCommandTest, ListsAndChecksTheShippedCatalogue) {
  auto check = RunSamenzicht("indicators --check --config-dir " + kConfig);
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("indicatoren in 4 bestanden, in orde"), std::string::npos) << check.output;

  auto opgroeien = RunSamenzicht("indicators --thema opgroeien --config-dir " + kConfig);
  EXPECT_EQ(opgroeien.exit_code, 0) << opgroeien.output;
  EXPECT_NE(opgroeien.output.find("vt_hermelding_pct"), std::string::npos);
  EXPECT_NE(opgroeien.output.find("30 (voorbeeld)"), std::string::npos) << "the example 2030 target is marked";
  EXPECT_EQ(opgroeien.output.find("eenzaam_pct"), std::string::npos);

  EXPECT_EQ(RunSamenzicht("indicators --thema jeugd --config-dir " + kConfig).exit_code, 1);
}

TEST(IndicatorsCommandTest, AWrongEntryExitsWithTwoNamingFileAndLine) {
  const std::string dir = ::testing::TempDir() + "/indicators-cli-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::copy(kConfig, dir, std::filesystem::copy_options::recursive);
  const std::string file = dir + "/indicatoren/opgroeien.toml";
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const std::string from = "geweldsvorm = \"kindermishandeling\" }";
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  text.replace(at, from.size(), "geweldsvorm = \"kindermishandelingg\" }");
  std::ofstream(file) << text;

  // Found through SAMENZICHT_CONFIG, as an installation would, and through --config-dir.
  auto via_env = RunSamenzicht("indicators --check", "SAMENZICHT_CONFIG=" + dir);
  EXPECT_EQ(via_env.exit_code, 2) << via_env.output;
  auto broken = RunSamenzicht("indicators --check --config-dir " + dir);
  EXPECT_EQ(broken.exit_code, 2) << broken.output;
  EXPECT_NE(broken.output.find(file + ":" + std::to_string(line) + ":"), std::string::npos) << broken.output;
  EXPECT_NE(broken.output.find("'kindermishandelingg' is geen toegestane waarde van veilig_thuis.geweldsvorm"),
            std::string::npos)
      << broken.output;
  EXPECT_NE(broken.output.find("1 fout in de indicatorcatalogus"), std::string::npos) << broken.output;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sz
