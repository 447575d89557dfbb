// Veilig Thuis reports classified as hermelding / vervolgmelding / nieuw by the CBS definition
// (DOMAIN.md §4; CBS, Veilig Thuis statistiek), person-based on linked data, and "known at another desk
// in the past 3 years", which VT alone cannot see.
//
// For a VT registration R received on day t, the earlier registrations are those received strictly
// before t that share at least one linked person with R. Every betrokkene of a VT registration counts as
// directly involved. Earlier VT registrations are adviezen AND meldingen (CBS counts both: VT "knew"
// the person either way). A registration is known until its closing date (afgesloten_op; empty = VT
// still involved); a trajectory until its einddatum (empty = running); a single-day report on its day.
//   - vervolgmelding: an earlier VT registration is still open on t (afgesloten_op empty or ≥ t);
//   - hermelding: otherwise, an earlier VT registration was closed on or after t − 3 years (the same
//     calendar day three years earlier; 29 February → 28 February), i.e. VT knew the person in the
//     3 years before but is no longer involved;
//   - nieuw: otherwise.
//   - bekend_ander_meldpunt (persoon): an earlier registration at another desk, sharing a person, known
//     on or after t − 3 years; (huishouden): the same for a registration sharing a household id.
// This is exactly the definition of the synthetic generator's truth (src/synth/internal/desks.cc,
// Classify; docs/synthetic-twente.md), checked in tests/indicators/synth_validation_test.cc.
//
//   ASSIGN_OR_RETURN(std::vector<VtClassification> classes, ClassifyVtRegistrations(involvements));
//   ASSIGN_OR_RETURN(MeasureTable rows, VtClassificationMeasures(involvements, MeasureOptions{}));
//
// Measures (rows of measure_table.h), per melding (soort = melding) received in the period, at the
// registration's gemeente and the wijk of its first betrokkene living in that gemeente:
//   vt_meldingen_klasse / {hermelding, vervolgmelding, nieuw}: meldingen of the class / meldingen
//   vt_meldingen_bekend_ander_meldpunt / {persoon, huishouden}: meldingen known elsewhere / meldingen
// Errors: those of ValidateInvolvements. Thread safety: pure functions.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "indicators/linked_involvement.h"
#include "indicators/measure_table.h"

namespace sz::indicators {

enum class VtClass { kVervolgmelding, kHermelding, kNieuw };

std::string_view VtClassName(VtClass vt_class);  // "vervolgmelding", "hermelding", "nieuw"

struct VtClassification {
  std::string record_id;
  Date ontvangen_op;
  std::string soort;  // "advies" or "melding"
  std::string gemeente;
  std::string wijk;  // of the first betrokkene living in the gemeente; "" if none
  VtClass vt_class = VtClass::kNieuw;
  bool known_elsewhere_person = false;
  bool known_elsewhere_household = false;
};

// Classifies every veilig_thuis registration (adviezen too), in order of (ontvangen_op, record_id).
Result<std::vector<VtClassification>> ClassifyVtRegistrations(std::span<const LinkedInvolvement> involvements);

// Aggregates classifications of meldingen (adviezen are skipped) into rows.
MeasureTable VtClassificationMeasures(std::span<const VtClassification> classes, const MeasureOptions& options);
// Both steps.
Result<MeasureTable> VtClassificationMeasures(std::span<const LinkedInvolvement> involvements,
                                              const MeasureOptions& options);

}  // namespace sz::indicators
