#include "indicators/organisations_per_family.h"

#include "indicators/internal/household_measures.h"

namespace sz::indicators {

Result<MeasureTable> OrganisationsPerFamilyMeasures(std::span<const LinkedInvolvement> involvements,
                                                    const MeasureOptions& options) {
  ASSIGN_OR_RETURN(internal::LinkedIndex index, internal::BuildIndex(involvements));
  internal::Accumulator accumulator(options.twente_code);
  internal::AddOrganisationsPerFamily(index, options, accumulator);
  return accumulator.Rows();
}

}  // namespace sz::indicators
