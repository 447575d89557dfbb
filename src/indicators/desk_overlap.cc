#include "indicators/desk_overlap.h"

#include "indicators/internal/household_measures.h"

namespace sz::indicators {

Result<MeasureTable> DeskOverlapMeasures(std::span<const LinkedInvolvement> involvements,
                                         const MeasureOptions& options) {
  ASSIGN_OR_RETURN(internal::LinkedIndex index, internal::BuildIndex(involvements));
  internal::Accumulator accumulator(options.twente_code);
  internal::AddDeskOverlap(index, options, accumulator);
  return accumulator.Rows();
}

}  // namespace sz::indicators
