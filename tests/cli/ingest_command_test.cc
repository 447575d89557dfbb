// The samenzicht command as users run it: exit codes (0 ok, 1 usage, 2 bad input, 3 environment),
// messages, and the ingest journey.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/extract_files.h"
#include "support/run_command.h"

namespace sz {
namespace {

using testing::RunSamenzicht;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/cli-test-" + std::to_string(getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  std::string Db() const { return "--db " + dir_ + "/s.db"; }
  std::string dir_;
};

TEST_F(CliTest, HelpAndUsageErrors) {
  auto help = RunSamenzicht("--help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"ingest", "schema", "summary", "rejects"}) {
    EXPECT_NE(help.output.find(command), std::string::npos) << command;
    EXPECT_EQ(RunSamenzicht(std::string(command) + " --help").exit_code, 0) << command;
  }
  EXPECT_EQ(RunSamenzicht("").exit_code, 1);
  EXPECT_EQ(RunSamenzicht("no-such-command").exit_code, 1);
  EXPECT_EQ(RunSamenzicht("ingest " + Db() + " x.csv").exit_code, 1);  // --source missing
  auto unknown = RunSamenzicht("ingest " + Db() + " --source onbekend x.csv");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("veilig_thuis"), std::string::npos);
}

TEST_F(CliTest, SchemaPrintsTableAndTemplate) {
  auto schema = RunSamenzicht("schema veilig_thuis");
  EXPECT_EQ(schema.exit_code, 0);
  EXPECT_NE(schema.output.find("bsn_pseudoniem"), std::string::npos);
  EXPECT_NE(schema.output.find("CSV-sjabloon"), std::string::npos);
  auto persons = RunSamenzicht("schema veilig_thuis --table persons");
  EXPECT_NE(persons.output.find("identiteit (BSN)"), std::string::npos);
  auto tmpl = RunSamenzicht("schema infectieziekten --template");
  EXPECT_EQ(tmpl.output, "week;gemeente;ziekte;aantal\n");
  EXPECT_EQ(RunSamenzicht("schema bevolking --table persons").exit_code, 1);
  auto list = RunSamenzicht("schema");
  EXPECT_NE(list.output.find("gezondheidsmonitor"), std::string::npos);
}

TEST_F(CliTest, IngestReportsCountsAndExitCodes) {
  std::string good = dir_ + "/good.csv";
  testing::WriteExtract(good, "infectieziekten", 20);
  auto ok = RunSamenzicht("ingest " + Db() + " --source infectieziekten " + good);
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("gelezen 20 = geaccepteerd 20 + afgewezen 0"), std::string::npos) << ok.output;

  auto again = RunSamenzicht("ingest " + Db() + " --source infectieziekten " + good);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.output.find("al ingelezen"), std::string::npos) << again.output;

  std::string bad = dir_ + "/bad.csv";
  testing::WriteExtract(
      bad, "infectieziekten", 5, "",
      [](long row, std::vector<std::string>& cells) {
        if (row == 102) cells[3] = "-1";
      },
      100);
  auto rejected = RunSamenzicht("ingest " + Db() + " --source infectieziekten " + bad);
  EXPECT_EQ(rejected.exit_code, 2) << rejected.output;
  EXPECT_NE(rejected.output.find("gelezen 5 = geaccepteerd 4 + afgewezen 1"), std::string::npos) << rejected.output;
  EXPECT_NE(rejected.output.find("regel 4, kolom aantal"), std::string::npos) << rejected.output;

  auto rejects = RunSamenzicht("rejects " + Db());
  EXPECT_NE(rejects.output.find("bad.csv:4 [aantal]"), std::string::npos) << rejects.output;

  auto missing = RunSamenzicht("ingest " + Db() + " --source infectieziekten " + dir_ + "/missing.csv");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.output.find("missing.csv: bestand niet gevonden"), std::string::npos);

  auto unwritable = RunSamenzicht("ingest --db /proc/s.db --source infectieziekten " + good);
  EXPECT_EQ(unwritable.exit_code, 3) << unwritable.output;

  auto summary = RunSamenzicht("summary " + Db());
  EXPECT_EQ(summary.exit_code, 0);
  EXPECT_NE(summary.output.find("infectieziekten"), std::string::npos);
  EXPECT_NE(summary.output.find("Enschede"), std::string::npos);
}

}  // namespace
}  // namespace sz
