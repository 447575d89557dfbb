#include "signals/messages.h"

#include <gtest/gtest.h>

namespace sz::signals {
namespace {

TEST(SignalMessages, DutchNumbers) {
  EXPECT_EQ(msg::Number(9.44), "9,4");
  EXPECT_EQ(msg::Number(23), "23");
  EXPECT_EQ(msg::Number(2.0, 3), "2");
  EXPECT_EQ(msg::Number(-0.01), "0");
  EXPECT_EQ(msg::Probability(0.0123), "0,012");
  EXPECT_EQ(msg::Probability(0.5), "0,5");
  EXPECT_EQ(msg::Probability(1e-7), "< 0,0001");
}

TEST(SignalMessages, ExplanationSaysWhatWhenExpectedThresholdAndMethod) {
  const std::string text = msg::SeriesExplanation({.region = "Hengelo",
                                                   .subject = "meldingen zorgwekkend gedrag",
                                                   .category = "categorie overlast",
                                                   .periods = 6,
                                                   .weekly = true,
                                                   .from = "2024-W05",
                                                   .to = "2024-W10",
                                                   .observed = 23,
                                                   .expected = 9.04,
                                                   .threshold = 15.55,
                                                   .method = "farringtonFlexible (Noufaily)",
                                                   .q_value = 0.0123});
  EXPECT_EQ(text,
            "In Hengelo kwamen in 6 weken (2024-W05 t/m 2024-W10) 23 meldingen zorgwekkend gedrag (categorie "
            "overlast) binnen, verwacht 9; de drempel was 15,6 (farringtonFlexible (Noufaily), q = 0,012).");
  const std::string one = msg::SeriesExplanation(
      {.region = "Losser", .subject = "x", .periods = 1, .weekly = false, .from = "2024-03", .to = "2024-03"});
  EXPECT_NE(one.find("In Losser kwamen in 2024-03 0 x binnen"), std::string::npos);
  const std::string tiny = msg::SeriesExplanation({.region = "Losser", .subject = "x", .q_value = 1e-9});
  EXPECT_NE(tiny.find(", q < 0,0001)."), std::string::npos) << tiny;
  EXPECT_EQ(msg::AlsoRose("Hengelo", {"a", "b"}), "In dezelfde periode steeg in Hengelo ook: a; b.");
  // A small positive expectation is not written as 0.
  EXPECT_EQ(msg::Number(0.04), "minder dan 0,1");
  EXPECT_EQ(msg::Number(0.4, 0), "minder dan 1");
  EXPECT_EQ(msg::Number(0), "0");
  EXPECT_EQ(msg::Number(-0.01), "0");
  EXPECT_EQ(msg::Number(0.06), "0,1");
}

TEST(SignalMessages, LoadExplanationNamesDeskForecastThresholdAndLastWeek) {
  EXPECT_EQ(msg::LoadExplanation({.desk = "Veilig Thuis Twente",
                                  .region = "Twente",
                                  .weeks = 4,
                                  .from = "2026-W05",
                                  .to = "2026-W08",
                                  .peak = 212.4,
                                  .threshold = 200,
                                  .capacity = true,
                                  .last_week = 155}),
            "Bij Veilig Thuis Twente komen in Twente volgens de voorspelling in 4 weken (2026-W05 t/m 2026-W08) tot "
            "212 meldingen per week binnen, boven de capaciteit van 200 per week; in de laatste volledige week waren "
            "het er 155.");
  const std::string own = msg::LoadExplanation(
      {.desk = "Wmo", .region = "Losser", .weeks = 1, .from = "2026-W05", .to = "2026-W05", .threshold = 18.26});
  EXPECT_NE(own.find("in week 2026-W05"), std::string::npos) << own;
  EXPECT_NE(own.find("het eigen 90e percentiel van de afgelopen twee jaar (18,3 per week)"), std::string::npos) << own;
}

}  // namespace
}  // namespace sz::signals
