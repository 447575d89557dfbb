#include "indicators/placements.h"

#include "indicators/internal/other_measures.h"

namespace sz::indicators {

Result<MeasureTable> PlacementMeasures(std::span<const LinkedInvolvement> involvements, const MeasureOptions& options) {
  ASSIGN_OR_RETURN(internal::LinkedIndex index, internal::BuildIndex(involvements));
  internal::Accumulator accumulator(options.twente_code);
  internal::AddPlacements(index, options, accumulator);
  return accumulator.Rows();
}

}  // namespace sz::indicators
