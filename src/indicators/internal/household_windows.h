// The households known in each 12-month window (docs/cross-desk-measures.md §0): the shared step of
// desk_overlap.h and organisations_per_family.h.
//
// For each period P (of the requested kinds, from the period of the first registration to the period
// of `data_end`), the window is the 12 months ending on P's last day (for a year: the calendar year).
// A registration is active in the window when it was received/started on or before the window's end
// and is known (internal::Registration::known_until) on or after its start. A household is in the
// window when an active registration involves it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/period.h"
#include "indicators/internal/accumulator.h"
#include "indicators/internal/linked_index.h"

namespace sz::indicators::internal {

struct HouseholdInWindow {
  int32_t household = 0;
  unsigned desk_mask = 0;  // bit d set: active registration at kDeskSources[d]
  int organisations = 0;   // distinct desks + distinct aanbieder codes among active registrations
  Place place;             // gemeente of the latest active registration, wijk of the household's person in it
};

void ForEachHouseholdWindow(const LinkedIndex& index, const std::vector<PeriodKind>& kinds, int64_t data_end,
                            const std::function<void(const Period&, const HouseholdInWindow&)>& visit);

}  // namespace sz::indicators::internal
