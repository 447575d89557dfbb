#include "signals/triage.h"

#include <gtest/gtest.h>

namespace sz::signals {
namespace {

TEST(TriageStatus, NamesRoundTrip) {
  for (TriageStatus s : {TriageStatus::kNew, TriageStatus::kDiscussed, TriageStatus::kOnAgenda, TriageStatus::kClosed})
    EXPECT_EQ(TriageStatusNamed(TriageStatusName(s)), s);
  EXPECT_EQ(TriageStatusName(TriageStatus::kOnAgenda), "geagendeerd");
  EXPECT_FALSE(TriageStatusNamed("open").has_value());
}

TEST(CheckTriageStep, ForwardSkippingAndBackButNeverToNew) {
  EXPECT_TRUE(CheckTriageStep(TriageStatus::kNew, TriageStatus::kDiscussed, false).ok());
  EXPECT_TRUE(CheckTriageStep(TriageStatus::kNew, TriageStatus::kClosed, false).ok());
  EXPECT_TRUE(CheckTriageStep(TriageStatus::kClosed, TriageStatus::kDiscussed, false).ok());
  Status back = CheckTriageStep(TriageStatus::kDiscussed, TriageStatus::kNew, true);
  EXPECT_EQ(back.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(back.message().find("nieuw"), std::string::npos);
  EXPECT_FALSE(CheckTriageStep(TriageStatus::kDiscussed, TriageStatus::kDiscussed, false).ok());
  EXPECT_TRUE(CheckTriageStep(TriageStatus::kDiscussed, TriageStatus::kDiscussed, true).ok());
  EXPECT_TRUE(CheckTriageStep(TriageStatus::kNew, TriageStatus::kNew, true).ok());  // a note on a new signal
}

TEST(MatchEpisode, APersistingOpenSignalKeepsItsId) {
  const std::vector<KnownSignal> known = {{.id = 3, .from = 100, .to = 102, .closed = false}};
  EXPECT_EQ(MatchEpisode(known, 100, 102).update_id, 3);  // the same data again
  EXPECT_EQ(MatchEpisode(known, 101, 104).update_id, 3);  // it goes on
  EXPECT_EQ(MatchEpisode(known, 104, 105).update_id, 3);  // one quiet week between
  const Match later = MatchEpisode(known, 105, 106);      // two quiet weeks: a new episode
  EXPECT_EQ(later.update_id, 0);
  EXPECT_EQ(later.follows, 0);
}

TEST(MatchEpisode, AClosedSignalThatReturnsIsFollowedUp) {
  const std::vector<KnownSignal> known = {{.id = 2, .from = 90, .to = 91, .closed = false},
                                          {.id = 7, .from = 100, .to = 102, .closed = true}};
  EXPECT_EQ(MatchEpisode(known, 100, 102).update_id, 7);  // rerun over the same data: stays closed
  EXPECT_EQ(MatchEpisode(known, 101, 101).update_id, 7);
  const Match again = MatchEpisode(known, 101, 103);
  EXPECT_EQ(again.update_id, 0);
  EXPECT_EQ(again.follows, 7);
  EXPECT_EQ(MatchEpisode(known, 140, 141).follows, 7);
  EXPECT_EQ(MatchEpisode({}, 1, 2).update_id, 0);
}

}  // namespace
}  // namespace sz::signals
