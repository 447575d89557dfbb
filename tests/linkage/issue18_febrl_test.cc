// Issue 18 regression test: on the public FEBRL sets, link-eval with the keyed field-level encodings
// keeps the issue's aims — F1 ≥ 0.95 with precision ≥ 0.98 and blocking recall ≥ 99.5% — within a pair
// budget like the record-level one (BENCHMARKS.md, FEBRL). The key is random per run, so the bounds
// leave room below the measured figures (F1 1.000 and 0.998, blocking recall 1.000 and 0.996).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

const std::string kBinary = std::string(SZ_BINARY_DIR) + "/src/cli/samenzicht";

nlohmann::json LinkEval(const std::string& dataset) {
  std::string input = std::string(SZ_SHARED_DIR) + "/refdata/febrl/" + dataset + ".csv";
  std::string json_path = (std::filesystem::temp_directory_path() / ("sz_issue18_" + dataset + ".json")).string();
  std::string command = kBinary + " link-eval --input " + input +
                        " --map given_name=given_name,surname=surname,birth_date=date_of_birth,postcode=postcode,"
                        "house_number=street_number,street=address_1,locality=suburb,bsn=soc_sec_id"
                        " --truth-column rec_id --truth-regex 'rec-(\\d+)-' --threads 2 --json " +
                        json_path + " > /dev/null 2>&1";
  int status = std::system(command.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << command;
  std::ifstream in(json_path);
  nlohmann::json json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  std::filesystem::remove(json_path);
  return json;
}

TEST(Issue18FebrlTest, FieldLevelLinkageMeetsTheAims) {
  if (!std::filesystem::exists(kBinary)) GTEST_SKIP() << "samenzicht not built";
  struct Case {
    const char* dataset;
    // The pairs compared depend on the random key (the CLK blocking passes): over 40 runs each (7 Dec
    // 2026) 1,719–2,736 and 40,602–56,553, and one CI run compared 61,521 on dataset2. Record-level runs
    // compared up to 2,243 and 50,965. The bound, about 1.5 times those, catches a pass gone wide, not
    // the key's spread.
    int64_t max_pairs;
  };
  for (const Case& test_case : {Case{"dataset1", 4000}, Case{"dataset2", 75000}}) {
    if (!std::filesystem::exists(std::string(SZ_SHARED_DIR) + "/refdata/febrl/" + test_case.dataset + ".csv")) {
      GTEST_SKIP() << "FEBRL data not present";
    }
    nlohmann::json json = LinkEval(test_case.dataset);
    ASSERT_TRUE(json.is_object()) << test_case.dataset;
    double true_pairs = json["true_pairs"].get<double>();
    double blocking_recall = json["true_pairs_compared"].get<double>() / true_pairs;
    EXPECT_GE(blocking_recall, 0.995) << test_case.dataset;
    EXPECT_GE(json["precision"].get<double>(), 0.98) << test_case.dataset;
    EXPECT_GE(json["f1"].get<double>(), 0.95) << test_case.dataset;
    EXPECT_LE(json["pairs_compared"].get<int64_t>(), test_case.max_pairs) << test_case.dataset;
  }
}

}  // namespace
