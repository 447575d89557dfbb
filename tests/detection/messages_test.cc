// The detection module's messages: a value from the input or the options is never echoed whole
// (detection/messages.h), whichever function raises the message.
#include "detection/messages.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detection/detector.h"
#include "detection/series_table.h"

namespace sz::detection {
namespace {

const std::string kHuge(5'000'000, '7');

template <typename T>
Status StatusOf(const Result<T>& result) {
  return result.status();
}

TEST(DetectionMessagesTest, HugeValuesAreShortenedInEveryMessage) {
  struct Case {
    const char* what;
    Status status;
    const char* dutch;  // a part of the message that shows it is the Dutch text
  };
  const std::vector<Case> cases = {
      {"no observed column", StatusOf(SeriesFromTable({kHuge}, {{"1"}}, 52)), "geen kolom 'observed'"},
      {"not a count", StatusOf(SeriesFromTable({"observed"}, {{kHuge + "x"}}, 52)), "regel 2: observed"},
      {"population", StatusOf(SeriesFromTable({"observed", "population"}, {{"1", "-" + kHuge}}, 52)),
       "is geen positief getal"},
      {"week", StatusOf(SeriesFromTable({"observed", "week"}, {{"1", kHuge + "x"}}, 52)), "is geen geheel getal ≥ 1"},
      {"year", StatusOf(SeriesFromTable({"observed", "year", "week"}, {{"1", kHuge + "x", "1"}}, 52)),
       "is geen jaartal"},
      {"date", StatusOf(SeriesFromTable({"observed", "date"}, {{"1", kHuge}}, 52)), "regel 2, kolom date"},
      {"option value", StatusOf(MakeDetector("earsC1", {{"baseline", kHuge + "x"}})), "optie baseline"},
      {"option name", StatusOf(MakeDetector("earsC1", {{kHuge, "1"}})), "hoort niet bij earsC1"},
      {"method", StatusOf(MakeDetector(kHuge, {})), "onbekende methode"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    ASSERT_FALSE(c.status.ok());
    EXPECT_LT(c.status.message().size(), 1000u) << c.status.message().substr(0, 2000);
    EXPECT_NE(c.status.message().find("tekens)"), std::string::npos) << c.status.message().substr(0, 2000);
    EXPECT_NE(c.status.message().find(c.dutch), std::string::npos) << c.status.message().substr(0, 2000);
  }
}

}  // namespace
}  // namespace sz::detection
