// samenzicht signals as a user runs it: the list, show and triage subcommands (and signals-eval's
// missing --data) on a store without signals, with their Dutch messages and exit codes (the journey with real signals
// is tests/pipeline/signals_test.cc and the demo).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "support/run_command.h"

namespace sz {
namespace {

using testing::RunSamenzicht;

TEST(SignalsCommandTest, ListShowAndTriageOnAStoreWithoutSignals) {
  const std::string dir = ::testing::TempDir() + "/signals-cli-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db = " --db sqlite:" + dir + "/s.db --config-dir " + std::string(SZ_SOURCE_DIR) + "/config";

  auto list = RunSamenzicht("signals" + db);
  EXPECT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("0 signalen"), std::string::npos) << list.output;

  auto json = RunSamenzicht("signals --json " + dir + "/lijst.json" + db);
  EXPECT_EQ(json.exit_code, 0) << json.output;
  EXPECT_TRUE(std::filesystem::exists(dir + "/lijst.json"));

  auto show = RunSamenzicht("signals show 3" + db);
  EXPECT_EQ(show.exit_code, 3) << show.output;
  EXPECT_NE(show.output.find("er is geen signaal 3"), std::string::npos) << show.output;

  auto triage = RunSamenzicht("signals triage 3 --status open" + db);
  EXPECT_EQ(triage.exit_code, 1) << triage.output;
  EXPECT_NE(triage.output.find("onbekende status 'open'"), std::string::npos) << triage.output;

  auto missing = RunSamenzicht("signals triage 3" + db);
  EXPECT_EQ(missing.exit_code, 1) << missing.output;

  auto detect = RunSamenzicht("signals detect" + db);
  EXPECT_EQ(detect.exit_code, 2) << detect.output;
  EXPECT_NE(detect.output.find("samenzicht:"), std::string::npos) << detect.output;

  auto bad_status = RunSamenzicht("signals --status open" + db);
  EXPECT_EQ(bad_status.exit_code, 1) << bad_status.output;

  auto eval = RunSamenzicht("signals-eval" + db);
  EXPECT_EQ(eval.exit_code, 1) << eval.output;
  EXPECT_NE(eval.output.find("geef --data MAP"), std::string::npos) << eval.output;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sz
