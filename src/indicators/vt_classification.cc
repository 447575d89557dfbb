#include "indicators/vt_classification.h"

#include "indicators/internal/accumulator.h"
#include "indicators/internal/linked_index.h"
#include "indicators/internal/vt_classify.h"

namespace sz::indicators {

std::string_view VtClassName(VtClass vt_class) {
  switch (vt_class) {
    case VtClass::kVervolgmelding: return "vervolgmelding";
    case VtClass::kHermelding: return "hermelding";
    case VtClass::kNieuw: return "nieuw";
  }
  return "nieuw";
}

Result<std::vector<VtClassification>> ClassifyVtRegistrations(std::span<const LinkedInvolvement> involvements) {
  ASSIGN_OR_RETURN(internal::LinkedIndex index, internal::BuildIndex(involvements));
  return internal::ClassifyAll(index);
}

MeasureTable VtClassificationMeasures(std::span<const VtClassification> classes, const MeasureOptions& options) {
  internal::Accumulator accumulator(options.twente_code);
  for (const VtClassification& melding : classes) {
    if (melding.soort != "melding") continue;
    internal::Place place{melding.gemeente, melding.wijk};
    for (PeriodKind kind : options.period_kinds) {
      Period period = Period::Containing(kind, melding.ontvangen_op);
      for (VtClass vt_class : {VtClass::kHermelding, VtClass::kVervolgmelding, VtClass::kNieuw}) {
        accumulator.Add("vt_meldingen_klasse", VtClassName(vt_class), place, period,
                        melding.vt_class == vt_class ? 1 : 0, 1);
      }
      accumulator.Add("vt_meldingen_bekend_ander_meldpunt", "persoon", place, period,
                      melding.known_elsewhere_person ? 1 : 0, 1);
      accumulator.Add("vt_meldingen_bekend_ander_meldpunt", "huishouden", place, period,
                      melding.known_elsewhere_household ? 1 : 0, 1);
    }
  }
  return accumulator.Rows();
}

Result<MeasureTable> VtClassificationMeasures(std::span<const LinkedInvolvement> involvements,
                                              const MeasureOptions& options) {
  ASSIGN_OR_RETURN(std::vector<VtClassification> classes, ClassifyVtRegistrations(involvements));
  return VtClassificationMeasures(classes, options);
}

}  // namespace sz::indicators
