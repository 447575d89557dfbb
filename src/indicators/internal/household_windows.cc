#include "indicators/internal/household_windows.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
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
    size_t pos = 0;
    while (pos < active.size()) {
      int32_t period_idx = active[pos].first;
      struct State {
        unsigned desk_mask = 0;
        std::set<std::string> providers;
        int32_t latest = -1;
      };
      std::map<int32_t, State> households;
      for (; pos < active.size() && active[pos].first == period_idx; ++pos) {
        const Registration& registration = index.registrations[active[pos].second];
        for (int32_t household : registration.households) {
          State& state = households[household];
          state.desk_mask |= 1u << registration.desk;
          if (!registration.aanbieder.empty()) state.providers.insert(registration.aanbieder);
          state.latest = active[pos].second;  // registrations come in time order
        }
      }
      for (const auto& [household, state] : households) {
        const Registration& latest = index.registrations[state.latest];
        HouseholdInWindow entry;
        entry.household = household;
        entry.desk_mask = state.desk_mask;
        entry.organisations = __builtin_popcount(state.desk_mask) + static_cast<int>(state.providers.size());
        entry.place = Place{latest.gemeente, latest.WijkOfHousehold(household)};
        visit(periods[period_idx], entry);
      }
    }
  }
}

}  // namespace sz::indicators::internal
