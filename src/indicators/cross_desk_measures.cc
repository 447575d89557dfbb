#include "indicators/cross_desk_measures.h"

#include "indicators/internal/household_measures.h"
#include "indicators/internal/other_measures.h"
#include "indicators/internal/vt_classify.h"
#include "indicators/vt_classification.h"

namespace sz::indicators {

Result<MeasureTable> ComputeCrossDeskMeasures(std::span<const LinkedInvolvement> involvements,
                                              const MeasureOptions& options) {
  ASSIGN_OR_RETURN(internal::LinkedIndex index, internal::BuildIndex(involvements));
  MeasureTable table = VtClassificationMeasures(internal::ClassifyAll(index), options);
  internal::Accumulator accumulator(options.twente_code);
  internal::AddDeskOverlap(index, options, accumulator);
  internal::AddOrganisationsPerFamily(index, options, accumulator);
  internal::AddPlacements(index, options, accumulator);
  internal::AppendTimeToNextReport(index, options, accumulator, table);
  MeasureTable accumulated = accumulator.Rows();
  table.insert(table.end(), accumulated.begin(), accumulated.end());
  SortRows(table);
  return table;
}

}  // namespace sz::indicators
