// Design::Create: the rules of svydesign() that the golden files cannot show (errors and their codes).
#include "survey/design.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::survey {
namespace {

SurveyFrame Frame(std::vector<std::vector<std::string>> rows) {
  auto frame = SurveyFrame::FromRows({"stratum", "psu", "w", "fpc", "y"}, rows);
  EXPECT_TRUE(frame.ok()) << frame.status().ToString();
  return std::move(frame).value();
}

TEST(SurveyDesign, MissingDesignValueIsDataErrorNamingRow) {
  SurveyFrame frame = Frame({{"a", "1", "2", "10", "1"}, {"a", "", "2", "10", "2"}, {"b", "3", "2", "10", "3"}});
  auto design = Design::Create(frame, {.ids = {"psu"}, .strata = "stratum", .weights = "w", .fpc = {}});
  ASSERT_FALSE(design.ok());
  EXPECT_EQ(design.status().code(), StatusCode::kDataError);
  EXPECT_NE(design.status().message().find("gegevensrij 2 in kolom 'psu'"), std::string::npos)
      << design.status().message();
}

TEST(SurveyDesign, OnePsuIsAnError) {
  SurveyFrame frame = Frame({{"a", "1", "2", "10", "1"}, {"a", "1", "2", "10", "2"}});
  auto design = Design::Create(frame, {.ids = {"psu"}, .strata = "", .weights = "w", .fpc = {}});
  EXPECT_EQ(design.status().code(), StatusCode::kDataError);
  EXPECT_NE(design.status().message().find("maar één primaire steekproefeenheid (PSU)"), std::string::npos);
}

TEST(SurveyDesign, PsuInTwoStrataNeedsNest) {
  SurveyFrame frame = Frame(
      {{"a", "1", "2", "10", "1"}, {"a", "2", "2", "10", "2"}, {"b", "1", "2", "10", "3"}, {"b", "2", "2", "10", "4"}});
  DesignSpec spec{.ids = {"psu"}, .strata = "stratum", .weights = "w", .fpc = {}};
  auto design = Design::Create(frame, spec);
  EXPECT_EQ(design.status().code(), StatusCode::kDataError);
  EXPECT_NE(design.status().message().find("nest=TRUE"), std::string::npos);
  spec.nest = true;
  auto nested = Design::Create(frame, spec);
  ASSERT_TRUE(nested.ok()) << nested.status().ToString();
  EXPECT_EQ(nested->stages()[0].sampled_in_stratum, (std::vector<int>{2, 2}));
}

TEST(SurveyDesign, FpcRules) {
  // Population sizes > 1; fractions ≤ 1 give N = n/f; the weights follow N/n when no weights are given.
  SurveyFrame frame = Frame(
      {{"a", "1", "2", "10", "1"}, {"a", "2", "2", "10", "2"}, {"b", "3", "2", "4", "3"}, {"b", "4", "2", "4", "4"}});
  auto design = Design::Create(frame, {.ids = {"psu"}, .strata = "stratum", .weights = "", .fpc = {"fpc"}});
  ASSERT_TRUE(design.ok()) << design.status().ToString();
  EXPECT_EQ(design->weights(), (std::vector<double>{5, 5, 2, 2}));
  EXPECT_EQ(design->stages()[0].population_in_stratum, (std::vector<double>{10, 4}));
  // N < n.
  SurveyFrame too_small = Frame({{"a", "1", "2", "1.5", "1"}, {"a", "2", "2", "1.5", "2"}, {"b", "3", "2", "4", "3"}});
  auto bad = Design::Create(too_small, {.ids = {"psu"}, .strata = "stratum", .weights = "w", .fpc = {"fpc"}});
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  EXPECT_NE(bad.status().message().find("meer dan 100% bemonsterd"), std::string::npos);
  // Fractions and counts mixed.
  SurveyFrame mixed = Frame({{"a", "1", "2", "0.5", "1"}, {"a", "2", "2", "0.5", "2"}, {"b", "3", "2", "4", "3"}});
  auto mix = Design::Create(mixed, {.ids = {"psu"}, .strata = "stratum", .weights = "w", .fpc = {"fpc"}});
  EXPECT_NE(mix.status().message().find("overal ≥ 1 (populatiegroottes) of overal ≤ 1 (steekproeffracties)"),
            std::string::npos);
}

TEST(SurveyDesign, LonelyPsuNamesParse) {
  EXPECT_EQ(ParseLonelyPsu("adjust").value(), LonelyPsu::kAdjust);
  EXPECT_EQ(ParseLonelyPsu("Average").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sz::survey
