// Households known at two or more desks, and the desk-overlap matrix (DOMAIN.md §4, Meedoen): which
// families the desks share, from linked household ids.
//
// Window: per period P, the 12 months ending on P's last day (a year: the calendar year; a quarter: the
// four quarters ending with it). A household is "known at" a desk in the window when a registration of
// that desk involving it is active in the window: received/started on or before the window's end and
// known on or after its start (VT: until afgesloten_op, empty = still involved; jeugdhulp/Wmo: until
// einddatum, empty = running; the other desks: the report day only). All six desk sources count.
// A household is counted at the gemeente of its latest active registration in the window and the wijk
// of its person in that registration. Windows before the first data day are left-censored.
//
// Measures (rows of measure_table.h):
//   huishoudens_meerdere_meldpunten / "":     households known at ≥ 2 desks / households known at ≥ 1 desk
//   meldpunt_overlap / "<desk a>|<desk b>":   households known at both a and b (a ≤ b in kDeskSources
//                                             order; a == b is the diagonal: known at a) / households
//                                             known at ≥ 1 desk
//
//   ASSIGN_OR_RETURN(MeasureTable rows, DeskOverlapMeasures(involvements, MeasureOptions{}));
// Errors: those of ValidateInvolvements. Thread safety: pure function.
#pragma once

#include <span>

#include "core/status.h"
#include "indicators/linked_involvement.h"
#include "indicators/measure_table.h"

namespace sz::indicators {

Result<MeasureTable> DeskOverlapMeasures(std::span<const LinkedInvolvement> involvements,
                                         const MeasureOptions& options);

}  // namespace sz::indicators
