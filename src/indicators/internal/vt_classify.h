// The classification loop of vt_classification.h on an already built index (so the combined
// computation in cross_desk_measures.cc indexes once).
#pragma once

#include <vector>

#include "indicators/internal/linked_index.h"
#include "indicators/vt_classification.h"

namespace sz::indicators::internal {

std::vector<VtClassification> ClassifyAll(const LinkedIndex& index);

}  // namespace sz::indicators::internal
