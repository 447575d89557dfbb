// End-to-end checks of `samenzicht keygen` and `samenzicht encode` through the built executable.
// Skipped when the executable has not been built (privacy_tests does not depend on it).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "privacy/key.h"

namespace sz::privacy {
namespace {

const std::string kBinary = std::string(SZ_BINARY_DIR) + "/src/cli/samenzicht";

struct CommandRun {
  int exit_code;
  std::string output;
};

CommandRun RunCommand(const std::string& arguments) {
  std::string command = kBinary + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  char buffer[512];
  while (pipe != nullptr && fgets(buffer, sizeof(buffer), pipe) != nullptr) output += buffer;
  int status = pipe != nullptr ? pclose(pipe) : -1;
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

class CommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kBinary)) GTEST_SKIP() << "samenzicht not built";
    dir_ = std::filesystem::temp_directory_path() / ("sz_privacy_commands_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
};

TEST_F(CommandsTest, KeygenWritesKeyPrintsOnlyFingerprintAndRefusesOverwrite) {
  std::string path = (dir_ / "desk.key").string();
  CommandRun first = RunCommand("keygen --out " + path);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  Result<Key> key = Key::ReadFile(path);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_NE(first.output.find(key->Fingerprint()), std::string::npos);
  EXPECT_EQ(first.output.find(HexEncode(key->bytes())), std::string::npos) << "the key must never be printed";
  EXPECT_EQ(first.output.find(HexEncode(key->bytes()).substr(0, 16)), std::string::npos);
  struct stat info;
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);

  CommandRun second = RunCommand("keygen --out " + path);
  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE(second.output.find("bestaat al"), std::string::npos) << second.output;
  Result<Key> unchanged = Key::ReadFile(path);
  ASSERT_TRUE(unchanged.ok());
  EXPECT_TRUE(*unchanged == *key);
}

TEST_F(CommandsTest, EncodeReproducesClkhashFile) {
  const std::string ref = std::string(SZ_SHARED_DIR) + "/refdata/clk";
  std::string out = (dir_ / "clks.txt").string();
  CommandRun run = RunCommand("encode --schema " + ref + "/schema_v3_example.json --secret 'correct horse battery staple' " +
                       ref + "/records.csv -o " + out);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::istringstream expected(ReadFile(ref + "/expected_clks.txt"));
  std::string expected_clks, line;
  while (std::getline(expected, line)) {
    if (!line.empty()) expected_clks += line.substr(line.rfind(' ') + 1) + "\n";
  }
  EXPECT_EQ(ReadFile(out), expected_clks);

  // Header names must match the schema's identifiers.
  std::string renamed = (dir_ / "renamed.csv").string();
  {
    std::ofstream file(renamed);
    file << "id,voornaam,surname,date_of_birth,postcode,street_number\nr1,anna,jansen,19800101,7511,12\n";
  }
  CommandRun mismatch = RunCommand("encode --schema " + ref + "/schema_v3_example.json --secret s " + renamed + " -o " + out);
  EXPECT_EQ(mismatch.exit_code, 2) << mismatch.output;
  EXPECT_NE(mismatch.output.find("--no-header-check"), std::string::npos);
  CommandRun accepted = RunCommand("encode --no-header-check --schema " + ref + "/schema_v3_example.json --secret s " + renamed +
                            " -o " + out);
  EXPECT_EQ(accepted.exit_code, 0) << accepted.output;

  // A bad value names the line and feature, not the value.
  std::string bad = (dir_ / "bad.csv").string();
  {
    std::ofstream file(bad);
    file << "rec_id,given_name,surname,date_of_birth,postcode,street_number\nr1,anna,jansen,19801301,7511,12\n";
  }
  CommandRun invalid = RunCommand("encode --schema " + ref + "/schema_v3_example.json --secret s " + bad + " -o " + out);
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_NE(invalid.output.find("regel 2"), std::string::npos) << invalid.output;
  EXPECT_NE(invalid.output.find("date_of_birth"), std::string::npos) << invalid.output;
  EXPECT_EQ(invalid.output.find("19801301"), std::string::npos) << invalid.output;
}

}  // namespace
}  // namespace sz::privacy
