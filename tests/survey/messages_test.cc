// The survey module's messages: a user's value is never echoed whole (survey/messages.h), whichever
// function raises the message.
#include "survey/messages.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "survey/ciprop.h"
#include "survey/design.h"
#include "survey/frame.h"
#include "survey/report.h"

namespace sz::survey {
namespace {

const std::string kHuge(5'000'000, 'x');

template <typename T>
Status StatusOf(const Result<T>& result) {
  return result.status();
}

TEST(SurveyMessagesTest, HugeValuesAreShortenedInEveryMessage) {
  auto frame = SurveyFrame::FromRows({"psu", "w"}, {{"1", "1"}, {"2", "1"}});
  ASSERT_TRUE(frame.ok()) << frame.status().ToString();
  ReportOptions bad_ratio;
  bad_ratio.ratio = kHuge;
  ReportOptions bad_quantile;
  bad_quantile.quantile = "bmi:" + kHuge;
  struct Case {
    const char* what;
    Status status;
    const char* dutch;  // a part of the message that shows it is the Dutch text
  };
  const std::vector<Case> cases = {
      {"column twice", StatusOf(SurveyFrame::FromRows({kHuge, kHuge}, {{"1", "2"}})), "komt twee keer voor"},
      {"unknown column", StatusOf(frame->Find(kHuge)), "geen kolom"},
      {"lonely psu option", StatusOf(ParseLonelyPsu(kHuge)), "--lonely-psu moet"},
      {"ci method", StatusOf(ParseCiMethod(kHuge)), "--ci-method moet"},
      {"ratio option", StatusOf(MakeSurveyReport(bad_ratio, *frame)), "--ratio verwacht TELLER/NOEMER"},
      {"quantile option", StatusOf(MakeSurveyReport(bad_quantile, *frame)), "P moet een getal tussen 0 en 1 zijn"},
      {"lonely psu", DataError(msg::LonelyPsu(kHuge, 1)), "heeft maar één PSU in trap 1"},
      {"not nested", DataError(msg::ClustersNotNested(kHuge, kHuge, kHuge)), "nest=TRUE"},
      {"domain", DataError("x").WithContext(msg::InDomain({"gemeente"}, {kHuge})), "domein gemeente="},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    ASSERT_FALSE(c.status.ok());
    EXPECT_LT(c.status.message().size(), 1000u) << c.status.message().substr(0, 2000);
    EXPECT_NE(c.status.message().find("(5000000 tekens)"), std::string::npos) << c.status.message().substr(0, 2000);
    EXPECT_NE(c.status.message().find(c.dutch), std::string::npos) << c.status.message().substr(0, 2000);
  }
}

TEST(SurveyMessagesTest, LonelyPsuKeepsRsWordsForShortLabels) {
  EXPECT_EQ(msg::LonelyPsu("Alameda", 1),
            "stratum 'Alameda' heeft maar één PSU in trap 1; kies --lonely-psu remove, certainty, adjust of average "
            "(R: \"Stratum (Alameda) has only one PSU at stage 1\")");
  EXPECT_NE(msg::LonelyPsu(kHuge, 2).find("(R: \"Stratum (…) has only one PSU at stage 2\")"), std::string::npos);
}

}  // namespace
}  // namespace sz::survey
