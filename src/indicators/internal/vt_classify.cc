#include "indicators/internal/vt_classify.h"

#include "indicators/internal/accumulator.h"

namespace sz::indicators::internal {

std::vector<VtClassification> ClassifyAll(const LinkedIndex& index) {
  std::vector<VtClassification> out;
  for (const Registration& registration : index.registrations) {
    if (registration.desk != kVeiligThuisDesk) continue;
    int64_t t = registration.day;
    int64_t window = YearsBefore(registration.date, 3).DayNumber();
    bool vervolg = false, hermelding = false, elsewhere_person = false, elsewhere_household = false;
    for (int32_t person : registration.persons) {
      for (int32_t prior_idx : index.by_person[person]) {
        const Registration& prior = index.registrations[prior_idx];
        if (prior.day >= t) break;
        if (prior.desk == kVeiligThuisDesk) {
          if (prior.known_until >= t)
            vervolg = true;
          else if (prior.known_until >= window)
            hermelding = true;
        } else if (prior.known_until >= window) {
          elsewhere_person = true;
        }
      }
    }
    for (int32_t household : registration.households) {
      for (int32_t prior_idx : index.by_household[household]) {
        const Registration& prior = index.registrations[prior_idx];
        if (prior.day >= t) break;
        if (prior.desk != kVeiligThuisDesk && prior.known_until >= window) elsewhere_household = true;
      }
    }
    VtClassification result;
    result.record_id = registration.record_id;
    result.ontvangen_op = registration.date;
    result.soort = registration.soort;
    result.gemeente = registration.gemeente;
    result.wijk = registration.Wijk();
    result.vt_class = vervolg ? VtClass::kVervolgmelding : (hermelding ? VtClass::kHermelding : VtClass::kNieuw);
    result.known_elsewhere_person = elsewhere_person;
    result.known_elsewhere_household = elsewhere_household;
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace sz::indicators::internal
