// The rules of the weekly triage (signaleringsoverleg) and of a signal's identity across runs.
//
// Contract:
// - Statuses nieuw → besproken → geagendeerd → afgesloten. A triage step may move a signal to any
//   other status except back to `nieuw` (nieuw means: not yet looked at); setting the status a
//   signal already has is allowed only with a note (a note alone is a step too).
// - Identity: a signal is about a key (the series, or the area and sources of a dwarsverband) and an
//   episode [from, to] (period ordinals, consecutive periods differ by 1). A new episode of a key is
//   matched against the key's most recent stored signal (highest id):
//     open (not afgesloten) and the episode starts no later than `max_gap` + 1 periods after its end
//       → the same signal: it keeps its id, status and steps (kUpdate);
//     afgesloten and the episode lies inside the closed one's [from, to] → the same closed signal,
//       seen again (kUpdate; a rerun over the same data does not reopen it);
//     afgesloten otherwise → a new signal that follows up the closed one (kNew with follows = its id);
//     open but ended longer ago, or no stored signal of the key → a new signal (kNew, follows 0).
// Thread safety: pure functions.
//
//   Match m = MatchEpisode(known_of_key, episode_from, episode_to);
//   if (m.update_id) ... else NewSignal(follows = m.follows);
//
// Checked by tests/signals/triage_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sz::signals {

enum class TriageStatus { kNew, kDiscussed, kOnAgenda, kClosed };
inline const std::vector<std::string> kTriageStatusNames = {"nieuw", "besproken", "geagendeerd", "afgesloten"};
std::string_view TriageStatusName(TriageStatus status);
std::optional<TriageStatus> TriageStatusNamed(std::string_view name);

// kInvalidArgument (Dutch) when the step is not allowed.
Status CheckTriageStep(TriageStatus from, TriageStatus to, bool has_note);

struct KnownSignal {
  int64_t id = 0;
  int64_t from = 0, to = 0;  // period ordinals of its episode
  bool closed = false;
};

struct Match {
  int64_t update_id = 0;  // nonzero: update this signal
  int64_t follows = 0;    // for a new signal: the closed signal it follows up (0: none)
};

// `known`: the stored signals of one key, any order.
Match MatchEpisode(const std::vector<KnownSignal>& known, int64_t from, int64_t to, int max_gap = 1);

}  // namespace sz::signals
