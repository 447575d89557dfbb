#include "signals/triage.h"

#include <algorithm>

#include "signals/messages.h"

namespace sz::signals {

std::string_view TriageStatusName(TriageStatus status) { return kTriageStatusNames[static_cast<size_t>(status)]; }

std::optional<TriageStatus> TriageStatusNamed(std::string_view name) {
  for (size_t i = 0; i < kTriageStatusNames.size(); ++i)
    if (kTriageStatusNames[i] == name) return static_cast<TriageStatus>(i);
  return std::nullopt;
}

Status CheckTriageStep(TriageStatus from, TriageStatus to, bool has_note) {
  if (to == TriageStatus::kNew && from != TriageStatus::kNew) return InvalidArgumentError(msg::BackToNew());
  if (to == from && !has_note) return InvalidArgumentError(msg::SameStatusWithoutNote(TriageStatusName(to)));
  return Status::Ok();
}

Match MatchEpisode(const std::vector<KnownSignal>& known, int64_t from, int64_t to, int max_gap) {
  if (known.empty()) return {};
  const KnownSignal& last = *std::max_element(known.begin(), known.end(),
                                              [](const KnownSignal& a, const KnownSignal& b) { return a.id < b.id; });
  if (!last.closed) {
    if (from <= last.to + max_gap + 1) return {.update_id = last.id};
    return {};
  }
  if (from >= last.from && to <= last.to) return {.update_id = last.id};
  return {.follows = last.id};
}

}  // namespace sz::signals
