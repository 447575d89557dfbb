// The synthetic configuration's errors: Dutch, naming the JSON key path (or where the JSON breaks),
// and never echoing a huge key or value whole (synth/messages.h).
#include "synth/messages.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "synth/config.h"

namespace sz::synth {
namespace {

TEST(SynthMessagesTest, ConfigurationErrorsNameTheKey) {
  struct Case {
    std::string json;
    std::string message;  // a part of the message
  };
  const std::vector<Case> cases = {
      {"{ not json", "de synthetische configuratie is geen geldige JSON: fout op regel 1, kolom 4"},
      {"{\n  \"population\": {\n    \"reference_year\": 2000,\n  }\n}", "fout op regel 4, kolom 3"},
      {"[1, 2]", "de synthetische configuratie moet een JSON-object zijn"},
      {"{}", "synthetische configuratie: survey.response_income_factor moet vijf getallen hebben"},
      {R"({"survey": {"response_income_factor": [1, 1, 1, 1, 1]}})",
       "synthetische configuratie: population.gemeenten is leeg"},
      {R"({"population": {"reference_year": 1900}})",
       "synthetische configuratie: population.reference_year moet tussen 1990 en 2100 liggen (nu 1900)"},
      {R"({"population": {"reference_year": 2000.5}})", "population.reference_year moet een geheel getal zijn"},
      {R"({"population": {"gemeenten": {"GM0153": -1}}})", "population.gemeenten.GM0153 moet een getal ≥ 0 zijn"},
      {R"({"desks": {"veilig_thuis": 3}})", "synthetische configuratie: desks.veilig_thuis moet een object zijn"},
      {R"({"survey": {"waves": "2024"}})", "survey.waves moet een lijst (JSON-array) van getallen zijn"},
      {R"({"survey": {"age_strata": [1]}})", "survey.age_strata moet een lijst (JSON-array) van teksten zijn"},
      {R"({"survey": {"response_income_factor": [1, 1, 1, 1, 1]},
           "infections": {"outbreak_min_weeks": 4, "outbreak_max_weeks": 3}})",
       "infections.outbreak_max_weeks moet ≥ outbreak_min_weeks zijn"},
      {R"({"veilig_thuis": {"vervolg_probability": 0.6, "hermelding_probability": 0.6}})",
       "veilig_thuis.hermelding_probability te hoog"},
  };
  for (const Case& c : cases) {
    Result<SynthConfig> config = ParseSynthConfig(c.json);
    ASSERT_EQ(config.status().code(), StatusCode::kInvalidArgument) << c.json;
    EXPECT_NE(config.status().message().find(c.message), std::string::npos) << c.json << "\n"
                                                                            << config.status().message();
  }
}

TEST(SynthMessagesTest, HugeKeysAndJsonAreShortened) {
  const std::string huge(5'000'000, 'k');
  Result<SynthConfig> key = ParseSynthConfig(R"({"population": {"gemeenten": {")" + huge + R"(": -1}}})");
  ASSERT_FALSE(key.ok());
  EXPECT_LT(key.status().message().size(), 1000u);
  EXPECT_NE(key.status().message().find("tekens) moet een getal ≥ 0 zijn"), std::string::npos)
      << key.status().message();
  Result<SynthConfig> literal = ParseSynthConfig(R"({"population": )" + huge + "}");
  ASSERT_FALSE(literal.ok());
  EXPECT_LT(literal.status().message().size(), 1000u);
  EXPECT_NE(literal.status().message().find("geen geldige JSON"), std::string::npos);
}

TEST(SynthAgeRangeTest, ParsesBandsOnceWithAStatus) {
  struct Case {
    const char* text;
    bool ok;
    int low;
    std::optional<int> high;
  };
  const std::vector<Case> cases = {
      {"0-3", true, 0, 3},
      {"18-64", true, 18, 64},
      {"85+", true, 85, std::nullopt},
      {"0+", true, 0, std::nullopt},
      {"7-7", true, 7, 7},
      {"", false, 0, {}},
      {"18", false, 0, {}},
      {"64-18", false, 0, {}},
      {"a-b", false, 0, {}},
      {"-3", false, 0, {}},
      {"18 - 64", false, 0, {}},
      {"18-64abc", false, 0, {}},
      {"+", false, 0, {}},
      {"85++", false, 0, {}},
      {"0-999", false, 0, {}},
      {"99999999999+", false, 0, {}},
  };
  for (const Case& c : cases) {
    std::optional<AgeRange> range = ParseAgeRange(c.text);
    EXPECT_EQ(range.has_value(), c.ok) << "'" << c.text << "'";
    if (range && c.ok) {
      EXPECT_EQ(range->low, c.low) << c.text;
      EXPECT_EQ(range->high, c.high) << c.text;
    }
  }
}

TEST(SynthAgeRangeTest, ABadAgeStratumIsAnErrorNamingTheKey) {
  for (const char* stratum : {"18-abc", "75", "64-18", "18 -64"}) {
    const std::string json = std::string(R"({"survey": {"age_strata": ["18-64", ")") + stratum + R"("]}})";
    Result<SynthConfig> config = ParseSynthConfig(json);
    ASSERT_EQ(config.status().code(), StatusCode::kInvalidArgument) << stratum;
    EXPECT_NE(config.status().message().find("synthetische configuratie: survey.age_strata '"), std::string::npos)
        << config.status().message();
    EXPECT_NE(config.status().message().find("is geen leeftijdsklasse zoals 18-64 of 75+"), std::string::npos)
        << config.status().message();
  }
}

TEST(SynthAgeRangeTest, TheShippedConfigurationHasParsedBands) {
  Result<SynthConfig> config = LoadSynthConfig(std::string(SZ_SOURCE_DIR) + "/config/synthetic-twente.json");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const PopulationConfig& population = config->population;
  ASSERT_EQ(population.age_band_ranges.size(), population.age_bands.size());
  EXPECT_EQ(population.age_band_ranges.front().low, 0);
  EXPECT_EQ(population.age_band_ranges.front().high, 3);
  EXPECT_EQ(population.age_band_ranges.back().low, 85);
  EXPECT_FALSE(population.age_band_ranges.back().high.has_value());
  ASSERT_EQ(config->survey.age_strata_ranges.size(), config->survey.age_strata.size());
  EXPECT_EQ(config->survey.age_strata_ranges.back().low, 75);
  EXPECT_FALSE(config->survey.age_strata_ranges.back().high.has_value());
}

}  // namespace
}  // namespace sz::synth
