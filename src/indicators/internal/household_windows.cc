#include "indicators/internal/household_windows.h"

#include <algorithm>
#include <utility>

namespace sz::indicators::internal {

void ForEachHouseholdWindow(const LinkedIndex& index, const std::vector<PeriodKind>& kinds, int64_t data_end,
                            const std::function<void(const Period&, const HouseholdInWindow&)>& visit) {
  if (index.registrations.empty()) return;
  Date end_date = Date::FromDayNumber(data_end);
  for (PeriodKind kind : kinds) {
    // Every period from the first registration's to data_end's, with its window.
    std::vector<Period> periods;
    std::vector<int64_t> window_start, window_end;
    for (Period period = Period::Containing(kind, index.registrations.front().date); period.first_day() <= end_date;
         period = period.Next()) {
      periods.push_back(period);
      window_start.push_back(WindowStart(period).DayNumber());
      window_end.push_back(period.last_day().DayNumber());
    }
    // (period, registration) for every registration active in the period's window.
    std::vector<std::pair<int32_t, int32_t>> active;
    for (size_t reg_idx = 0; reg_idx < index.registrations.size(); ++reg_idx) {
      const Registration& registration = index.registrations[reg_idx];
      auto first = std::lower_bound(window_end.begin(), window_end.end(), registration.day);
      for (size_t period_idx = first - window_end.begin(); period_idx < periods.size(); ++period_idx) {
        if (window_start[period_idx] > registration.known_until) break;
        active.emplace_back(static_cast<int32_t>(period_idx), static_cast<int32_t>(reg_idx));
      }
    }
    std::sort(active.begin(), active.end());  // by period, then registration (= time order)
    // Per household, flat and reused across periods (a map per period was most of the time): the
    // desks, the distinct providers and the latest active registration in the current window.
    const size_t num_households = index.household_ids.size();
    std::vector<unsigned> desk_mask(num_households, 0);
    std::vector<int32_t> latest(num_households, -1);
    std::vector<std::vector<const std::string*>> providers(num_households);
    std::vector<int32_t> touched;
    size_t pos = 0;
    while (pos < active.size()) {
      const int32_t period_idx = active[pos].first;
      touched.clear();
      for (; pos < active.size() && active[pos].first == period_idx; ++pos) {
        const Registration& registration = index.registrations[active[pos].second];
        for (int32_t household : registration.households) {
          if (latest[household] < 0) touched.push_back(household);
          desk_mask[household] |= 1u << registration.desk;
          if (!registration.aanbieder.empty()) {
            std::vector<const std::string*>& seen = providers[household];
            if (std::none_of(seen.begin(), seen.end(),
                             [&](const std::string* p) { return *p == registration.aanbieder; })) {
              seen.push_back(&registration.aanbieder);
            }
          }
          latest[household] = active[pos].second;  // registrations come in time order
        }
      }
      std::sort(touched.begin(), touched.end());  // households in ascending order, as before
      for (int32_t household : touched) {
        const Registration& last = index.registrations[latest[household]];
        HouseholdInWindow entry;
        entry.household = household;
        entry.desk_mask = desk_mask[household];
        entry.organisations = __builtin_popcount(desk_mask[household]) + static_cast<int>(providers[household].size());
        entry.place = Place{last.gemeente, last.WijkOfHousehold(household)};
        visit(periods[period_idx], entry);
        desk_mask[household] = 0;
        latest[household] = -1;
        providers[household].clear();
      }
    }
  }
}

}  // namespace sz::indicators::internal
