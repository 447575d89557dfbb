#include "indicators/signal_file.h"

#include <gtest/gtest.h>

namespace sz::indicators {
namespace {

TEST(SignalFileTest, DefaultsWithoutAFileAndTheShippedFileAgrees) {
  Result<SignalConfig> none = LoadSignalConfig("/nonexistent/signalen.toml");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->fdr_q, 0.05);
  EXPECT_EQ(none->window_weeks, 4);
  Result<SignalConfig> shipped = LoadSignalConfig(std::string(SZ_SOURCE_DIR) + "/config/signalen.toml");
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  EXPECT_EQ(shipped->fdr_q, none->fdr_q);
  EXPECT_EQ(shipped->window_weeks, none->window_weeks);
  EXPECT_EQ(shipped->window_months, none->window_months);
  EXPECT_EQ(shipped->max_gap, none->max_gap);
}

TEST(SignalFileTest, ValuesAreReadAndBadOnesNamedWithLineAndColumn) {
  Result<SignalConfig> set = ParseSignalConfig("fdr_q = 0.1\nventer = 3\n", "s.toml");
  EXPECT_EQ(set.status().code(), StatusCode::kDataError);
  EXPECT_NE(set.status().message().find("s.toml:2:1: onbekende sleutel 'venter'"), std::string::npos)
      << set.status().message();
  Result<SignalConfig> good = ParseSignalConfig("fdr_q = 0.1\nvenster_weken = 8\nmax_tussenruimte = 0\n", "s.toml");
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(good->fdr_q, 0.1);
  EXPECT_EQ(good->window_weeks, 8);
  EXPECT_EQ(good->max_gap, 0);
  Result<SignalConfig> bad = ParseSignalConfig("fdr_q = 1.5\nvenster_maanden = 0\n", "s.toml");
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  EXPECT_NE(bad.status().message().find("s.toml:1:9: fdr_q moet een getal tussen 0 en 1"), std::string::npos)
      << bad.status().message();
  EXPECT_NE(bad.status().message().find("2 fouten"), std::string::npos);
}

TEST(SignalFileTest, CapacityPerSourceIsReadAndChecked) {
  Result<SignalConfig> good = ParseSignalConfig("[capaciteit]\nveilig_thuis = 200\nwmo = 12.5\n", "s.toml");
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(good->capacity.at("veilig_thuis"), 200);
  EXPECT_EQ(good->capacity.at("wmo"), 12.5);
  Result<SignalConfig> bad = ParseSignalConfig("[capaciteit]\nveilig_thuiss = 200\nwmo = 0\n", "s.toml");
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  EXPECT_NE(bad.status().message().find("s.toml:2:1: capaciteit.veilig_thuiss: onbekende bron"), std::string::npos)
      << bad.status().message();
  EXPECT_NE(bad.status().message().find("s.toml:3:7: capaciteit.wmo moet een getal boven 0"), std::string::npos)
      << bad.status().message();
}

}  // namespace
}  // namespace sz::indicators
