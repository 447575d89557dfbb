#include "indicators/internal/household_measures.h"

#include <string>

#include "indicators/internal/household_windows.h"

namespace sz::indicators::internal {

int64_t DataEnd(const LinkedIndex& index, const MeasureOptions& options) {
  return options.data_end ? options.data_end->DayNumber() : index.last_day;
}

void AddDeskOverlap(const LinkedIndex& index, const MeasureOptions& options, Accumulator& accumulator) {
  ForEachHouseholdWindow(index, options.period_kinds, DataEnd(index, options),
                         [&](const Period& period, const HouseholdInWindow& household) {
                           int desks = __builtin_popcount(household.desk_mask);
                           accumulator.Add("huishoudens_meerdere_meldpunten", "", household.place, period,
                                           desks >= 2 ? 1 : 0, 1);
                           for (size_t a = 0; a < kDeskSources.size(); ++a) {
                             for (size_t b = a; b < kDeskSources.size(); ++b) {
                               bool both = (household.desk_mask >> a & 1u) && (household.desk_mask >> b & 1u);
                               std::string pair = std::string(kDeskSources[a]) + "|" + std::string(kDeskSources[b]);
                               accumulator.Add("meldpunt_overlap", pair, household.place, period, both ? 1 : 0, 1);
                             }
                           }
                         });
}

void AddOrganisationsPerFamily(const LinkedIndex& index, const MeasureOptions& options, Accumulator& accumulator) {
  static const char* kBuckets[] = {"1", "2", "3", "4", "5+"};
  ForEachHouseholdWindow(
      index, options.period_kinds, DataEnd(index, options),
      [&](const Period& period, const HouseholdInWindow& household) {
        int count = household.organisations;
        accumulator.Add("organisaties_per_gezin", "gemiddelde", household.place, period, count, 1);
        for (int bucket = 0; bucket < 5; ++bucket) {
          bool hit = bucket == 4 ? count >= 5 : count == bucket + 1;
          accumulator.Add("organisaties_per_gezin", kBuckets[bucket], household.place, period, hit ? 1 : 0, 1);
        }
        accumulator.Add("organisaties_per_gezin", "3_of_meer", household.place, period, count >= 3 ? 1 : 0, 1);
      });
}

}  // namespace sz::indicators::internal
