// Validation of the cross-desk measures against the synthetic Twente's ground truth
// (docs/synthetic-twente.md): the truth's shape, and a comparison of our VT classification with the
// generator's. pipeline/truth.h reads the truth from a generated folder.
//
//   ASSIGN_OR_RETURN(SynthTruth truth, pipeline::ReadSynthTruth("out/synth"));
//   ASSIGN_OR_RETURN(auto classes, ClassifyVtRegistrations(truth.involvements));
//   VtTruthComparison comparison = CompareWithTruth(classes, truth.vt);
//   comparison.class_agreements == comparison.compared;   // with true ids: every report agrees
//
// The same comparison runs with linked ids in place of the true ones (replace person_id and
// household_id of truth.involvements by linkage's): issue 7 asks the hermelding share within 1
// percentage point of the truth.
// Thread safety: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "indicators/linked_involvement.h"
#include "indicators/vt_classification.h"

namespace sz::indicators {

struct SynthTruthVt {
  std::string melding_id;
  Date ontvangen_op;
  std::string soort;
  VtClass vt_class = VtClass::kNieuw;
  bool known_elsewhere_person = false;
  bool known_elsewhere_household = false;
};

struct SynthTruth {
  std::vector<LinkedInvolvement> involvements;  // person_id / household_id: the true ones
  std::vector<SynthTruthVt> vt;                 // truth/vt_classificatie.csv
};


// Shares among meldingen (soort = melding), index by VtClass.
struct VtShares {
  int64_t meldingen = 0;
  std::array<int64_t, 3> counts{};  // vervolgmelding, hermelding, nieuw
  double Share(VtClass vt_class) const {
    return meldingen == 0 ? 0.0 : static_cast<double>(counts[static_cast<int>(vt_class)]) / meldingen;
  }
};

struct VtTruthComparison {
  int64_t compared = 0;  // VT registrations (adviezen and meldingen) present in both
  int64_t missing = 0;   // in the truth but not classified (or the other way round)
  int64_t class_agreements = 0;
  int64_t person_elsewhere_agreements = 0;
  int64_t household_elsewhere_agreements = 0;
  VtShares ours, truth;                                  // meldingen, all years
  std::map<int, std::pair<VtShares, VtShares>> by_year;  // year of ontvangen_op → (ours, truth)
  std::vector<std::string> disagreements;                // the first 20, "VT2024-0000123: ours hermelding, truth nieuw"
};

VtTruthComparison CompareWithTruth(std::span<const VtClassification> ours, std::span<const SynthTruthVt> truth);

}  // namespace sz::indicators
