#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "indicators/internal/household_measures.h"
#include "indicators/internal/other_measures.h"

namespace sz::indicators::internal {
namespace {

// The child of a placement: the betrokkene with rol jeugdige, else the first betrokkene.
const Involved& ChildOf(const Registration& placement) {
  for (const Involved& person : placement.involved) {
    if (person.rol == "jeugdige") return person;
  }
  return placement.involved.front();
}

struct Placement {
  int32_t reg_idx = 0;
  int32_t child = 0;
  Place place;
};

}  // namespace

void AddPlacements(const LinkedIndex& index, const MeasureOptions& options, Accumulator& accumulator) {
  std::vector<Placement> placements;
  std::map<int32_t, std::vector<size_t>> by_child;  // child → placements in time order
  for (size_t reg_idx = 0; reg_idx < index.registrations.size(); ++reg_idx) {
    const Registration& registration = index.registrations[reg_idx];
    if (registration.desk != kJeugdhulpDesk || !registration.uithuisplaatsing || registration.involved.empty())
      continue;
    const Involved& child = ChildOf(registration);
    std::string wijk = !child.wijk.empty() && ImpliedParentCode(child.wijk) == registration.gemeente ? child.wijk : "";
    by_child[child.person].push_back(placements.size());
    placements.push_back(Placement{static_cast<int32_t>(reg_idx), child.person, Place{registration.gemeente, wijk}});
  }

  // plaatsingen_voorafgegaan_door_vt: per placement start.
  for (const Placement& placement : placements) {
    const Registration& start = index.registrations[placement.reg_idx];
    int64_t from = YearsBefore(start.date, 2).DayNumber();
    auto vt_in_window = [&](const std::vector<int32_t>& registrations) {
      for (int32_t reg_idx : registrations) {
        const Registration& prior = index.registrations[reg_idx];
        if (prior.day > start.day) break;
        if (prior.desk == kVeiligThuisDesk && prior.day >= from) return true;
      }
      return false;
    };
    bool by_child = vt_in_window(index.by_person[placement.child]);
    bool by_household = by_child;
    if (!by_household) {
      std::set<int32_t> households;
      for (int32_t reg_idx : index.by_person[placement.child]) {
        const Registration& registration = index.registrations[reg_idx];
        if (registration.day > start.day) break;
        for (const Involved& person : registration.involved) {
          if (person.person == placement.child) households.insert(person.household);
        }
      }
      for (int32_t household : households) by_household = by_household || vt_in_window(index.by_household[household]);
    }
    for (PeriodKind kind : options.period_kinds) {
      Period period = Period::Containing(kind, start.date);
      accumulator.Add("plaatsingen_voorafgegaan_door_vt", "kind", placement.place, period, by_child ? 1 : 0, 1);
      accumulator.Add("plaatsingen_voorafgegaan_door_vt", "kind_of_huishouden", placement.place, period,
                      by_household ? 1 : 0, 1);
    }
  }

  // plaatsingen_per_geplaatst_kind: per child and period.
  Date data_end = Date::FromDayNumber(DataEnd(index, options));
  for (const auto& [child, list] : by_child) {
    for (PeriodKind kind : options.period_kinds) {
      // in_periode: the child's placements started in each period.
      std::map<Period, std::pair<int, size_t>> started;  // period → (count, latest placement)
      for (size_t placement_idx : list) {
        const Registration& registration = index.registrations[placements[placement_idx].reg_idx];
        auto& entry = started.try_emplace(Period::Containing(kind, registration.date), 0, placement_idx).first->second;
        ++entry.first;
        entry.second = placement_idx;
      }
      for (const auto& [period, entry] : started) {
        accumulator.Add("plaatsingen_per_geplaatst_kind", "in_periode", placements[entry.second].place, period,
                        entry.first, 1);
      }
      // loopbaan_tot_nu: periods in which a placement of the child is active.
      const Registration& first = index.registrations[placements[list.front()].reg_idx];
      for (Period period = Period::Containing(kind, first.date); period.first_day() <= data_end;
           period = period.Next()) {
        int64_t period_first = period.first_day().DayNumber(), period_last = period.last_day().DayNumber();
        int so_far = 0;
        int latest_active = -1;
        bool any_later = false;
        for (size_t placement_idx : list) {
          const Registration& registration = index.registrations[placements[placement_idx].reg_idx];
          if (registration.day > period_last) {
            any_later = true;
            break;
          }
          ++so_far;
          if (registration.known_until >= period_first) latest_active = static_cast<int>(placement_idx);
        }
        if (latest_active >= 0) {
          accumulator.Add("plaatsingen_per_geplaatst_kind", "loopbaan_tot_nu", placements[latest_active].place, period,
                          so_far, 1);
        } else if (!any_later) {
          break;  // every placement started and none is active any more: the career (as far as seen) is over
        }
      }
    }
  }
}

}  // namespace sz::indicators::internal
