#include "indicators/internal/linked_index.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/region.h"

namespace sz::indicators::internal {
namespace {

int32_t Intern(const std::string& id, std::unordered_map<std::string, int32_t>& ids, std::vector<std::string>& names) {
  auto [it, inserted] = ids.emplace(id, static_cast<int32_t>(names.size()));
  if (inserted) names.push_back(id);
  return it->second;
}

bool WijkInGemeente(const std::string& wijk, const std::string& gemeente) {
  return !wijk.empty() && ImpliedParentCode(wijk) == gemeente;
}

}  // namespace

std::string Registration::Wijk() const {
  for (const Involved& person : involved) {
    if (WijkInGemeente(person.wijk, gemeente)) return person.wijk;
  }
  return "";
}

std::string Registration::WijkOfHousehold(int32_t household) const {
  for (const Involved& person : involved) {
    if (person.household == household && WijkInGemeente(person.wijk, gemeente)) return person.wijk;
  }
  return "";
}

Result<LinkedIndex> BuildIndex(std::span<const LinkedInvolvement> involvements) {
  RETURN_IF_ERROR(ValidateInvolvements(involvements));
  LinkedIndex index;
  std::unordered_map<std::string, int32_t> person_ids, household_ids;
  std::map<std::pair<int, std::string>, size_t> by_key;  // (desk, record_id) → registration
  for (const LinkedInvolvement& row : involvements) {
    int desk = DeskIndex(row.source);
    auto [it, inserted] = by_key.emplace(std::make_pair(desk, row.record_id), index.registrations.size());
    if (inserted) {
      Registration registration;
      registration.desk = desk;
      registration.record_id = row.record_id;
      registration.date = row.event_date;
      registration.day = row.event_date.DayNumber();
      if (DeskHasDuration(desk)) {
        registration.known_until = row.end_date ? row.end_date->DayNumber() : kOpen;
      } else {
        registration.known_until = registration.day;
      }
      registration.soort = row.soort;
      registration.uithuisplaatsing = row.uithuisplaatsing;
      registration.aanbieder = row.aanbieder;
      registration.gemeente = row.gemeente;
      index.registrations.push_back(std::move(registration));
    }
    Involved involved;
    involved.person = Intern(row.person_id, person_ids, index.person_ids);
    involved.household = Intern(row.household_id, household_ids, index.household_ids);
    involved.betrokkene_nr = row.betrokkene_nr;
    involved.rol = row.rol;
    involved.wijk = row.wijk;
    index.registrations[it->second].involved.push_back(std::move(involved));
  }
  std::sort(index.registrations.begin(), index.registrations.end(), [](const Registration& a, const Registration& b) {
    return std::tie(a.day, a.desk, a.record_id) < std::tie(b.day, b.desk, b.record_id);
  });
  index.by_person.resize(index.person_ids.size());
  index.by_household.resize(index.household_ids.size());
  index.first_day = index.registrations.empty() ? 0 : index.registrations.front().day;
  index.last_day = index.first_day;
  for (size_t reg_idx = 0; reg_idx < index.registrations.size(); ++reg_idx) {
    Registration& registration = index.registrations[reg_idx];
    std::sort(registration.involved.begin(), registration.involved.end(),
              [](const Involved& a, const Involved& b) { return a.betrokkene_nr < b.betrokkene_nr; });
    for (const Involved& person : registration.involved) {
      registration.persons.push_back(person.person);
      registration.households.push_back(person.household);
    }
    for (std::vector<int32_t>* ids : {&registration.persons, &registration.households}) {
      std::sort(ids->begin(), ids->end());
      ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
    }
    for (int32_t person : registration.persons) index.by_person[person].push_back(static_cast<int32_t>(reg_idx));
    for (int32_t household : registration.households) {
      index.by_household[household].push_back(static_cast<int32_t>(reg_idx));
    }
    index.last_day = std::max(index.last_day, registration.day);
    if (registration.known_until != kOpen) index.last_day = std::max(index.last_day, registration.known_until);
  }
  return index;
}

}  // namespace sz::indicators::internal
