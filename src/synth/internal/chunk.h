// One chunk of households: its persons and households over the generated years (births, deaths,
// moves, separations, children leaving home), the desk records about them, and the true VT
// classification. A chunk is simulated completely, written, and dropped, which bounds memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synth/internal/model.h"
#include "synth/internal/rng.h"

namespace sz::synth::internal {

struct Membership {
  int32_t from_day;
  int32_t household;
};

struct Episode {  // a household's address from `from_day`
  int32_t from_day;
  uint16_t gemeente;  // index into Geography::gemeenten (a synthetic Netherlands has over 255)
  uint64_t dwelling;
};

struct Person {
  uint64_t id = 0;
  uint64_t bsn = 0;  // 0: none
  int32_t birth_day = 0;
  int32_t death_day = kNever;
  bool female = false;
  Origin origin = Origin::kNl;
  uint8_t given_count = 1;
  uint16_t given[3] = {0, 0, 0};  // ranks in the given-name pools (at most a hundred names)
  uint32_t surname = 0;           // rank in the surname pool (Dutch: 235,090 names)
  int8_t nickname = -1;           // index into Nicknames(first given name) used as roepnaam, or −1
  int32_t partner = -1;
  std::vector<Membership> memberships;

  bool AliveOn(int32_t day) const { return birth_day <= day && day < death_day; }
  int32_t HouseholdOn(int32_t day) const;
};

struct Household {
  uint64_t id = 0;
  uint8_t income_quintile = 3;
  float vulnerability = 1;
  int32_t formed_day = 0;
  int32_t ended_day = kNever;
  std::vector<Episode> episodes;
  std::vector<int32_t> ever_members;
  std::vector<int32_t> members;  // during the simulation: current members

  const Episode& EpisodeOn(int32_t day) const;
};

struct PersonInRecord {
  int32_t person;
  std::string_view role;  // one of the contract's allowed roles
};

struct DeskRecord {
  int desk = 0;
  int32_t day = 0;
  int32_t end_day = kNever;  // closing/end date; kNever = empty in the export
  int32_t household = -1;
  int gemeente = 0;  // gemeente of the household's address on `day`
  std::vector<PersonInRecord> persons;
  std::vector<std::pair<std::string_view, std::string>> fields;  // column → value (categories etc.)
  std::string toelichting;
  // Placement trajectories: the child lives at another address.
  int placement_gemeente = -1;
  uint64_t placement_dwelling = 0;
  std::string id;  // assigned when written
  // truth
  int vt_class = -1;  // 0 vervolg, 1 hermelding, 2 nieuw
  bool known_elsewhere_person = false;
  bool known_elsewhere_household = false;
};

struct Chunk {
  int index = 0;     // global chunk index
  int gemeente = 0;  // home gemeente
  Rng rng{0};
  std::vector<Person> persons;
  std::vector<Household> households;
  // Free dwellings per gemeente (home pool for the home gemeente, incoming pool elsewhere).
  std::vector<std::vector<uint64_t>> free_dwellings;
  std::vector<bool> free_initialised;
  std::vector<DeskRecord> records;
};

// Builds the chunk's households on 1 January of the first year and simulates every year, counting
// the population on each 1 January and drawing the survey sample on each wave's fieldwork day.
void SimulatePopulation(Model& model, Chunk& chunk);
// Generates the desk records of all years (in memory) and the true VT classification.
void GenerateDeskRecords(Model& model, Chunk& chunk);

// Derives household-mix, age and rate parameters from the configuration (model.params).
Status PrepareParams(Model& model);
// Desk volumes per person and the within-year repeat fractions (model.params).
Status PrepareDeskParams(Model& model);

// Helpers shared by the population and desk code.
uint64_t TakeDwelling(Model& model, Chunk& chunk, int gemeente);
void FreeDwelling(Chunk& chunk, int gemeente, uint64_t dwelling);
std::vector<int32_t> MembersOn(const Chunk& chunk, int32_t household, int32_t day);
uint64_t MakeBsn(uint64_t seed, uint64_t person_id);
bool PassesElfproef(uint64_t bsn);

}  // namespace sz::synth::internal
