// The household-window measures on an already built index.
#pragma once

#include "indicators/internal/accumulator.h"
#include "indicators/internal/linked_index.h"
#include "indicators/measure_table.h"

namespace sz::indicators::internal {

// data_end: options.data_end or the index's last day.
int64_t DataEnd(const LinkedIndex& index, const MeasureOptions& options);

void AddDeskOverlap(const LinkedIndex& index, const MeasureOptions& options, Accumulator& accumulator);
void AddOrganisationsPerFamily(const LinkedIndex& index, const MeasureOptions& options, Accumulator& accumulator);

}  // namespace sz::indicators::internal
