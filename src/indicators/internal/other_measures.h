// Placements and time-to-next-report on an already built index.
#pragma once

#include "indicators/internal/accumulator.h"
#include "indicators/internal/linked_index.h"
#include "indicators/measure_table.h"

namespace sz::indicators::internal {

void AddPlacements(const LinkedIndex& index, const MeasureOptions& options, Accumulator& accumulator);
// Appends the rows of dagen_tot_volgende_melding (medians do not accumulate, so rows not cells) and adds
// volgende_melding_binnen_365_dagen to `accumulator`.
void AppendTimeToNextReport(const LinkedIndex& index, const MeasureOptions& options, Accumulator& accumulator,
                            MeasureTable& rows);

}  // namespace sz::indicators::internal
