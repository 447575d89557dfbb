#include "indicators/internal/household_measures.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "indicators/internal/household_windows.h"

namespace sz::indicators::internal {
namespace {

// Sums the households of one period per place before they reach the Accumulator (one Add per place
// and category instead of one per household: the Accumulator's keys are strings).
class PeriodBuffer {
 public:
  PeriodBuffer(Accumulator& accumulator, std::string measure, std::vector<std::string> categories)
      : accumulator_(accumulator), measure_(std::move(measure)), categories_(std::move(categories)) {}
  ~PeriodBuffer() { Flush(); }

  // Adds one unit: numerators[c] for categories_[c], and 1 to the denominator.
  void Add(const Period& period, const Place& place, const std::vector<double>& numerators) {
    if (!period_ || !(*period_ == period)) {
      Flush();
      period_ = period;
    }
    auto& cell = cells_[{place.gemeente, place.wijk}];
    if (cell.first.empty()) cell.first.assign(categories_.size(), 0.0);
    for (size_t category_idx = 0; category_idx < categories_.size(); ++category_idx) {
      cell.first[category_idx] += numerators[category_idx];
    }
    cell.second += 1;
  }

  void Flush() {
    if (!period_) return;
    for (const auto& [place, cell] : cells_) {
      for (size_t category_idx = 0; category_idx < categories_.size(); ++category_idx) {
        accumulator_.Add(measure_, categories_[category_idx], Place{place.first, place.second}, *period_,
                         cell.first[category_idx], cell.second);
      }
    }
    cells_.clear();
    period_.reset();
  }

 private:
  Accumulator& accumulator_;
  std::string measure_;
  std::vector<std::string> categories_;
  std::optional<Period> period_;
  std::map<std::pair<std::string, std::string>, std::pair<std::vector<double>, double>> cells_;
};

}  // namespace

int64_t DataEnd(const LinkedIndex& index, const MeasureOptions& options) {
  return options.data_end ? options.data_end->DayNumber() : index.last_day;
}

void AddDeskOverlap(const LinkedIndex& index, const MeasureOptions& options, Accumulator& accumulator) {
  std::vector<std::pair<int, int>> pairs;
  std::vector<std::string> pair_names;
  for (size_t a = 0; a < kDeskSources.size(); ++a) {
    for (size_t b = a; b < kDeskSources.size(); ++b) {
      pairs.emplace_back(static_cast<int>(a), static_cast<int>(b));
      pair_names.push_back(std::string(kDeskSources[a]) + "|" + std::string(kDeskSources[b]));
    }
  }
  PeriodBuffer multiple(accumulator, "huishoudens_meerdere_meldpunten", {""});
  PeriodBuffer matrix(accumulator, "meldpunt_overlap", pair_names);
  std::vector<double> multiple_hit(1), pair_hits(pairs.size());
  ForEachHouseholdWindow(index, options.period_kinds, DataEnd(index, options),
                         [&](const Period& period, const HouseholdInWindow& household) {
                           multiple_hit[0] = __builtin_popcount(household.desk_mask) >= 2 ? 1 : 0;
                           multiple.Add(period, household.place, multiple_hit);
                           for (size_t pair_idx = 0; pair_idx < pairs.size(); ++pair_idx) {
                             unsigned mask = household.desk_mask;
                             pair_hits[pair_idx] =
                                 (mask >> pairs[pair_idx].first & 1u) && (mask >> pairs[pair_idx].second & 1u) ? 1 : 0;
                           }
                           matrix.Add(period, household.place, pair_hits);
                         });
}

void AddOrganisationsPerFamily(const LinkedIndex& index, const MeasureOptions& options, Accumulator& accumulator) {
  PeriodBuffer buffer(accumulator, "organisaties_per_gezin", {"gemiddelde", "1", "2", "3", "4", "5+", "3_of_meer"});
  std::vector<double> numerators(7);
  ForEachHouseholdWindow(index, options.period_kinds, DataEnd(index, options),
                         [&](const Period& period, const HouseholdInWindow& household) {
                           int count = household.organisations;
                           numerators[0] = count;
                           for (int bucket = 0; bucket < 5; ++bucket) {
                             numerators[1 + bucket] = (bucket == 4 ? count >= 5 : count == bucket + 1) ? 1 : 0;
                           }
                           numerators[6] = count >= 3 ? 1 : 0;
                           buffer.Add(period, household.place, numerators);
                         });
}

}  // namespace sz::indicators::internal
