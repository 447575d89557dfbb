#include "indicators/truth_comparison.h"

#include <unordered_map>

namespace sz::indicators {

VtTruthComparison CompareWithTruth(std::span<const VtClassification> ours, std::span<const SynthTruthVt> truth) {
  VtTruthComparison comparison;
  std::unordered_map<std::string, const VtClassification*> by_id;
  for (const VtClassification& entry : ours) by_id[entry.record_id] = &entry;
  auto count = [](VtShares& shares, VtClass vt_class) {
    ++shares.meldingen;
    ++shares.counts[static_cast<int>(vt_class)];
  };
  for (const SynthTruthVt& expected : truth) {
    auto it = by_id.find(expected.melding_id);
    if (it == by_id.end()) {
      ++comparison.missing;
      continue;
    }
    const VtClassification& got = *it->second;
    by_id.erase(it);
    ++comparison.compared;
    if (got.vt_class == expected.vt_class) {
      ++comparison.class_agreements;
    } else if (comparison.disagreements.size() < 20) {
      comparison.disagreements.push_back(expected.melding_id + ": ours " + std::string(VtClassName(got.vt_class)) +
                                         ", truth " + std::string(VtClassName(expected.vt_class)));
    }
    if (got.known_elsewhere_person == expected.known_elsewhere_person) ++comparison.person_elsewhere_agreements;
    if (got.known_elsewhere_household == expected.known_elsewhere_household) {
      ++comparison.household_elsewhere_agreements;
    }
    if (expected.soort == "melding") {
      count(comparison.ours, got.vt_class);
      count(comparison.truth, expected.vt_class);
      auto& year = comparison.by_year[expected.ontvangen_op.year];
      count(year.first, got.vt_class);
      count(year.second, expected.vt_class);
    }
  }
  comparison.missing += static_cast<int64_t>(by_id.size());
  return comparison;
}

}  // namespace sz::indicators
