// All cross-desk measures of issue 7 (part 3) in one pass over one index: the entry point the lead
// calls with the linked involvements from the store.
//
//   std::vector<LinkedInvolvement> involvements = ...;   // one per stored extract row, with linkage ids
//   ASSIGN_OR_RETURN(MeasureTable table, ComputeCrossDeskMeasures(involvements, MeasureOptions{}));
//   RETURN_IF_ERROR(WriteMeasuresCsv(table, "cross_desk.csv"));
//
// The table holds, sorted (measure_table.h): vt_meldingen_klasse, vt_meldingen_bekend_ander_meldpunt
// (vt_classification.h); huishoudens_meerdere_meldpunten, meldpunt_overlap (desk_overlap.h);
// organisaties_per_gezin (organisations_per_family.h); plaatsingen_per_geplaatst_kind,
// plaatsingen_voorafgegaan_door_vt (placements.h); dagen_tot_volgende_melding,
// volgende_melding_binnen_365_dagen (time_to_next_report.h).
// Definitions: docs/cross-desk-measures.md. Errors: those of ValidateInvolvements.
// Thread safety: pure function.
#pragma once

#include <span>

#include "core/status.h"
#include "indicators/linked_involvement.h"
#include "indicators/measure_table.h"

namespace sz::indicators {

Result<MeasureTable> ComputeCrossDeskMeasures(std::span<const LinkedInvolvement> involvements,
                                              const MeasureOptions& options);

}  // namespace sz::indicators
