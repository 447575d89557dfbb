#include "core/sex.h"

#include <gtest/gtest.h>

namespace sz {
namespace {

TEST(SexTest, EverySpellingOfTheOneVocabulary) {
  struct Case {
    const char* text;
    std::optional<Sex> sex;
  };
  for (const Case& c : std::vector<Case>{{"man", Sex::kMan},
                                         {"M", Sex::kMan},
                                         {" Mannelijk ", Sex::kMan},
                                         {"jongen", Sex::kMan},
                                         {"V", Sex::kVrouw},
                                         {"f", Sex::kVrouw},
                                         {"Vrouw", Sex::kVrouw},
                                         {"meisje", Sex::kVrouw},
                                         {"", Sex::kUnknown},
                                         {"onbekend", Sex::kUnknown},
                                         {"O", Sex::kUnknown},
                                         {"x", Sex::kOther},
                                         {"non-binair", Sex::kOther},
                                         {"q", std::nullopt},
                                         {"mannen", std::nullopt}}) {
    EXPECT_EQ(ParseSex(c.text), c.sex) << c.text;
  }
  EXPECT_EQ(SexName(Sex::kMan), "man");
  EXPECT_EQ(SexName(Sex::kVrouw), "vrouw");
  EXPECT_EQ(SexName(Sex::kUnknown), "onbekend");
  EXPECT_EQ(SexName(Sex::kOther), "onbekend");
  for (const auto& [spelling, sex] : SexSpellings()) EXPECT_EQ(ParseSex(spelling), sex) << spelling;
}

}  // namespace
}  // namespace sz
