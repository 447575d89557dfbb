// Distinct organisations per family (household) in 12 months (DOMAIN.md §4, Opgroeien: "fewer
// professionals per family"; target: fewer families with ≥ 3).
//
// Organisations of a household in a window = the distinct desk sources with an active registration
// involving it + the distinct aanbieder (provider) codes of its active jeugdhulp and Wmo registrations
// (a code is one organisation whichever source names it). Windows, "active" and the household's region
// as in desk_overlap.h. Families = households with at least one active registration in the window.
//
// Measures (rows of measure_table.h):
//   organisaties_per_gezin / gemiddelde:  sum of organisations / families (value = the mean)
//   organisaties_per_gezin / 1, 2, 3, 4, 5+: families with exactly that many / families (distribution)
//   organisaties_per_gezin / 3_of_meer:   families with ≥ 3 / families
//
//   ASSIGN_OR_RETURN(MeasureTable rows, OrganisationsPerFamilyMeasures(involvements, MeasureOptions{}));
// Errors: those of ValidateInvolvements. Thread safety: pure function.
#pragma once

#include <span>

#include "core/status.h"
#include "indicators/linked_involvement.h"
#include "indicators/measure_table.h"

namespace sz::indicators {

Result<MeasureTable> OrganisationsPerFamilyMeasures(std::span<const LinkedInvolvement> involvements,
                                                    const MeasureOptions& options);

}  // namespace sz::indicators
