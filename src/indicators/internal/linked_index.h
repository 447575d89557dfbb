// LinkedIndex: the involvements grouped into registrations, with per-person and per-household lists of
// registrations in time order. Every measure starts from it.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "indicators/linked_involvement.h"

namespace sz::indicators::internal {

inline constexpr int64_t kOpen = std::numeric_limits<int64_t>::max();  // still running / VT still involved

struct Involved {
  int32_t person = 0;     // interned person id
  int32_t household = 0;  // interned household id
  int betrokkene_nr = 0;
  std::string rol;
  std::string wijk;
};

struct Registration {
  int desk = 0;  // index in kDeskSources
  std::string record_id;
  Date date;
  int64_t day = 0;  // date.DayNumber()
  // The last day the registration makes its persons "known" (docs/cross-desk-measures.md §0): the
  // closing/end date for VT, jeugdhulp and Wmo (kOpen when empty), the report date for the other desks.
  int64_t known_until = 0;
  std::string soort;
  bool uithuisplaatsing = false;
  std::string aanbieder;
  std::string gemeente;
  std::vector<Involved> involved;   // in betrokkene_nr order
  std::vector<int32_t> persons;     // distinct, ascending
  std::vector<int32_t> households;  // distinct, ascending

  bool IsVtMelding() const { return desk == kVeiligThuisDesk && soort == "melding"; }
  // The wijk of the first involved person (by betrokkene_nr) whose wijk lies in the registration's
  // gemeente; "" if none.
  std::string Wijk() const;
  // The same, restricted to involved persons of `household`.
  std::string WijkOfHousehold(int32_t household) const;
};

struct LinkedIndex {
  std::vector<Registration> registrations;         // by (day, desk, record_id)
  std::vector<std::vector<int32_t>> by_person;     // registration indices, ascending
  std::vector<std::vector<int32_t>> by_household;  // registration indices, ascending
  std::vector<std::string> person_ids;
  std::vector<std::string> household_ids;
  int64_t first_day = 0;  // earliest event date
  int64_t last_day = 0;   // latest event or end date
};

// Validates (ValidateInvolvements) and indexes.
Result<LinkedIndex> BuildIndex(std::span<const LinkedInvolvement> involvements);

}  // namespace sz::indicators::internal
