#include "indicators/disclosure_file.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace sz::indicators {
namespace {

Indicator OfKind(IndicatorKind kind) {
  Indicator indicator;
  indicator.id = "x";
  indicator.kind = kind;
  return indicator;
}

TEST(DisclosureFileTest, WithoutAFileTheDutchDefaultsHold) {
  Result<DisclosureConfig> config = LoadDisclosureConfig("/niet/bestaand/openbaarmaking.toml");
  ASSERT_TRUE(config.ok()) << config.status().message();
  const DisclosureSettings rules = ResolveDisclosure(*config, OfKind(IndicatorKind::kRate));
  EXPECT_EQ(rules.min_count, 10);
  EXPECT_EQ(rules.min_denominator, 50);
  EXPECT_EQ(rules.min_respondents, 50);
  EXPECT_EQ(rules.round_wijk_to, 5);
  EXPECT_EQ(rules.wijk_period_months, 12);  // wijken per year, as CBS publishes them
  EXPECT_EQ(config->min_width, 10);
}

TEST(DisclosureFileTest, TheIndicatorOverridesItsKindWhichOverridesTheStandard) {
  Result<DisclosureConfig> config = ParseDisclosureConfig(R"(
[standaard]
min_aantal = 5
afronden_wijk = 1
min_breedte = 20
[soort.enquete]
min_respondenten = 100
[soort.verhouding]
min_aantal = 7
fijnste_periode_wijk = "kwartaal"
)",
                                                          "openbaarmaking.toml");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->min_width, 20);
  Indicator survey = OfKind(IndicatorKind::kSurvey);
  EXPECT_EQ(ResolveDisclosure(*config, survey).min_respondents, 100);
  EXPECT_EQ(ResolveDisclosure(*config, survey).min_count, 5);
  survey.disclosure.min_respondents = 30;
  EXPECT_EQ(ResolveDisclosure(*config, survey).min_respondents, 30);
  const DisclosureSettings rate = ResolveDisclosure(*config, OfKind(IndicatorKind::kRate));
  EXPECT_EQ(rate.min_count, 7);
  EXPECT_EQ(rate.round_wijk_to, 1);
  EXPECT_EQ(rate.min_denominator, 50);  // not set anywhere: the Dutch default
  EXPECT_EQ(rate.wijk_period_months, 3);
  EXPECT_EQ(ResolveDisclosure(*config, survey).wijk_period_months, 12);
}

TEST(DisclosureFileTest, ProblemsNameTheFileLineAndColumn) {
  Result<DisclosureConfig> config = ParseDisclosureConfig(R"([standaard]
min_aantal = 0
[soort.onbekend]
min_aantal = 3
[soort.enquete]
min_breedte = 4
fijnste_periode_wijk = "week"
)",
                                                          "openbaarmaking.toml");
  ASSERT_EQ(config.status().code(), StatusCode::kDataError);
  const std::string& message = config.status().message();
  EXPECT_NE(message.find("4 fouten"), std::string::npos) << message;
  EXPECT_NE(message.find("openbaarmaking.toml:7:24: "), std::string::npos) << message;
  EXPECT_NE(message.find("maand, kwartaal, jaar"), std::string::npos) << message;
  EXPECT_NE(message.find("openbaarmaking.toml:2:14: "), std::string::npos) << message;
  EXPECT_NE(message.find("openbaarmaking.toml:3:8: "), std::string::npos) << message;
  EXPECT_NE(message.find("openbaarmaking.toml:6:1: "), std::string::npos) << message;
  EXPECT_EQ(ParseDisclosureConfig("[standaard\n", "f.toml").status().code(), StatusCode::kDataError);
}

TEST(DisclosureFileTest, TheShippedFileReads) {
  Result<DisclosureConfig> config =
      LoadDisclosureConfig(std::filesystem::path(SZ_SOURCE_DIR) / "config" / "openbaarmaking.toml");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(ResolveDisclosure(*config, OfKind(IndicatorKind::kLinked)).min_count, 10);
}

}  // namespace
}  // namespace sz::indicators
