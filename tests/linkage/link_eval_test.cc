// End-to-end: `samenzicht link-eval` (src/cli/link_eval_command.cc) on a public benchmark file and on
// bad usage. Runs the built executable; skipped when it has not been built in this build directory.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

const std::string kBinary = std::string(SZ_BINARY_DIR) + "/src/cli/samenzicht";
const std::string kFebrl1 = std::string(SZ_SHARED_DIR) + "/refdata/febrl/dataset1.csv";

int RunSamenzicht(const std::string& arguments) {
  int status = std::system((kBinary + " " + arguments + " > /dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(LinkEvalTest, FebrlDataset1ThroughThePipeline) {
  if (!std::filesystem::exists(kBinary)) GTEST_SKIP() << "samenzicht not built";
  if (!std::filesystem::exists(kFebrl1)) GTEST_SKIP() << "FEBRL data not present";
  std::string json_path = (std::filesystem::temp_directory_path() / "sz_link_eval_test.json").string();
  ASSERT_EQ(RunSamenzicht("link-eval --input " + kFebrl1 +
                          " --map given_name=given_name,surname=surname,birth_date=date_of_birth,postcode=postcode,"
                          "house_number=street_number,street=address_1,locality=suburb,bsn=soc_sec_id"
                          " --truth-column rec_id --truth-regex 'rec-(\\d+)-' --threads 1 --json " +
                          json_path),
            0);
  std::ifstream in(json_path);
  nlohmann::json json = nlohmann::json::parse(in);
  EXPECT_EQ(json["true_pairs"].get<int64_t>(), 500);  // the README's count: the regex groups records
  EXPECT_EQ(json["records"].get<int64_t>(), 1000);
  EXPECT_LT(json["pairs_compared"].get<int64_t>(), 1000 * 999 / 2 / 20);
  for (const char* key : {"precision", "recall", "f1"}) {
    EXPECT_GE(json[key].get<double>(), 0.5) << key;
    EXPECT_LE(json[key].get<double>(), 1.0) << key;
  }
  // Blocking recall (issue 18): the share of the true pairs that blocking lets through to comparison.
  ASSERT_TRUE(json.contains("blocking_recall"));
  EXPECT_DOUBLE_EQ(json["blocking_recall"].get<double>(),
                   json["true_pairs_compared"].get<double>() / json["true_pairs"].get<double>());
  EXPECT_GT(json["blocking_recall"].get<double>(), 0.5);
  std::filesystem::remove(json_path);
}

// Term-frequency adjustment (issue 18 item 2, linkage/term_frequency.h): on by default on the field-level
// path, off with --no-tf-adjustment; the JSON says which.
TEST(LinkEvalTest, TermFrequencyAdjustmentOnByDefaultAndOff) {
  if (!std::filesystem::exists(kBinary)) GTEST_SKIP() << "samenzicht not built";
  if (!std::filesystem::exists(kFebrl1)) GTEST_SKIP() << "FEBRL data not present";
  std::string json_path = (std::filesystem::temp_directory_path() / "sz_link_eval_tf_test.json").string();
  for (bool off : {false, true}) {
    ASSERT_EQ(RunSamenzicht("link-eval --input " + kFebrl1 +
                            " --map given_name=given_name,surname=surname,birth_date=date_of_birth,postcode=postcode,"
                            "house_number=street_number,street=address_1,locality=suburb,bsn=soc_sec_id"
                            " --truth-column rec_id --truth-regex 'rec-(\\d+)-' --threads 1 --json " +
                            json_path + (off ? " --no-tf-adjustment" : "")),
              0);
    std::ifstream in(json_path);
    nlohmann::json json = nlohmann::json::parse(in);
    ASSERT_TRUE(json.contains("term_frequency_adjustment"));
    EXPECT_EQ(json["term_frequency_adjustment"].get<bool>(), !off);
    EXPECT_GE(json["f1"].get<double>(), 0.95) << (off ? "off" : "on");
  }
  std::filesystem::remove(json_path);
}

TEST(LinkEvalTest, UsageErrors) {
  if (!std::filesystem::exists(kBinary)) GTEST_SKIP() << "samenzicht not built";
  const std::string data = std::string(SZ_TEST_DATA_DIR) + "/linkage/persons.csv";
  // Unknown field, missing column, regex without a group: usage errors (exit 1).
  EXPECT_EQ(RunSamenzicht("link-eval --input " + data + " --map nickname=voornamen --truth-column id"), 1);
  EXPECT_EQ(RunSamenzicht("link-eval --input " + data + " --map surname=naam --truth-column id"), 1);
  EXPECT_EQ(
      RunSamenzicht("link-eval --input " + data + " --map surname=achternaam --truth-column id --truth-regex 'p'"), 1);
  // A truth value the regex does not match: bad data (exit 2).
  EXPECT_EQ(
      RunSamenzicht("link-eval --input " + data + " --map surname=achternaam --truth-column id --truth-regex 'x(\\d)'"),
      2);
}

TEST(LinkEvalTest, DutchFileRuns) {
  if (!std::filesystem::exists(kBinary)) GTEST_SKIP() << "samenzicht not built";
  const std::string data = std::string(SZ_TEST_DATA_DIR) + "/linkage/persons.csv";
  // Semicolon separator, Dutch and ISO dates, tussenvoegsel in either position, one BSN.
  EXPECT_EQ(
      RunSamenzicht("link-eval --input " + data +
                    " --map given_name=voornamen,surname=achternaam,birth_date=geboortedatum,sex=geslacht,"
                    "postcode=postcode,house_number=huisnummer,bsn=bsn --truth-column id --truth-regex '^(p\\d+)-'"),
      0);
}

}  // namespace
