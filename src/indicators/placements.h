// Out-of-home placements (uithuisplaatsingen; DOMAIN.md §4, Opgroeien): placements per placed child and
// the share of placements preceded by a Veilig Thuis registration within 24 months.
//
// A placement is a jeugdhulp registration with uithuisplaatsing = ja; its child is the betrokkene with
// rol "jeugdige" (the first betrokkene if none has that role). Placement starts are "new placements".
//
// Measures (rows of measure_table.h), at the placement's gemeente and the child's wijk:
//   plaatsingen_per_geplaatst_kind / in_periode:      placements started in the period / distinct children
//                                                     with a placement started in the period
//   plaatsingen_per_geplaatst_kind / loopbaan_tot_nu: over the children with a placement active in the
//                                                     period (started ≤ its last day, einddatum empty or ≥
//                                                     its first day): their placements started from the
//                                                     start of the data up to the period's last day /
//                                                     those children ("moves so far"; left-censored
//                                                     before the data start)
//   plaatsingen_voorafgegaan_door_vt / kind:          placements started in the period with a VT
//                                                     registration (advies or melding) of the child
//                                                     received in [start − 24 months, start] / placements
//                                                     started in the period
//   plaatsingen_voorafgegaan_door_vt / kind_of_huishouden: the same with a VT registration of the child
//                                                     or of a household the child belonged to on or
//                                                     before the start (household ids of the child's
//                                                     involvements received/started ≤ start)
// "24 months before" is the same calendar day two years earlier (29 February → 28 February). Placements
// within 24 months of the first data day have an incomplete look-back (docs/cross-desk-measures.md).
//
//   ASSIGN_OR_RETURN(MeasureTable rows, PlacementMeasures(involvements, MeasureOptions{}));
// Errors: those of ValidateInvolvements. Thread safety: pure function.
#pragma once

#include <span>

#include "core/status.h"
#include "indicators/linked_involvement.h"
#include "indicators/measure_table.h"

namespace sz::indicators {

Result<MeasureTable> PlacementMeasures(std::span<const LinkedInvolvement> involvements, const MeasureOptions& options);

}  // namespace sz::indicators
