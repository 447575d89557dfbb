// Persons and households of a chunk over the years (docs/synthetic-twente.md, "Persons and households").
#include <algorithm>
#include <cmath>
#include <optional>

#include "synth/internal/chunk.h"
#include "synth/internal/survey.h"
#include "synth/messages.h"

namespace sz::synth::internal {

const char* DeskName(int desk) {
  static const char* kNames[] = {"veilig_thuis",   "zorgwekkend_gedrag", "woningvervuiling",
                                 "wonen_verblijf", "jeugdhulp",          "wmo"};
  return kNames[desk];
}
const char* DeskIdPrefix(int desk) {
  static const char* kPrefixes[] = {"VT", "ZG", "WO", "WB", "JH", "WM"};
  return kPrefixes[desk];
}

int32_t DayOf(int year, int month, int day) { return static_cast<int32_t>(Date{year, month, day}.DayNumber()); }

int AgeAt(int32_t birth_day, int32_t day) {
  Date birth = Date::FromDayNumber(birth_day);
  Date now = Date::FromDayNumber(day);
  int age = now.year - birth.year;
  if (now.month < birth.month || (now.month == birth.month && now.day < birth.day)) --age;
  return age;
}

int32_t YearsBefore(int32_t day, int years) {
  Date date = Date::FromDayNumber(day);
  int year = date.year - years;
  int dom = std::min(date.day, DaysInMonth(year, date.month));
  return DayOf(year, date.month, dom);
}

int Model::AgeBand(int age) const {
  // Bands are "lo-hi" or "lo+" in contract order, parsed when the configuration was loaded.
  const std::vector<AgeRange>& bands = config->population.age_band_ranges;
  for (size_t i = 0; i < bands.size(); ++i) {
    if (age >= bands[i].low && (!bands[i].high || age <= *bands[i].high)) return static_cast<int>(i);
  }
  return static_cast<int>(bands.size()) - 1;
}

int32_t Person::HouseholdOn(int32_t day) const {
  for (size_t i = memberships.size(); i > 0; --i) {
    if (memberships[i - 1].from_day <= day) return memberships[i - 1].household;
  }
  return memberships.empty() ? -1 : memberships.front().household;
}

const Episode& Household::EpisodeOn(int32_t day) const {
  for (size_t i = episodes.size(); i > 0; --i) {
    if (episodes[i - 1].from_day <= day) return episodes[i - 1];
  }
  return episodes.front();
}

std::vector<int32_t> MembersOn(const Chunk& chunk, int32_t household, int32_t day) {
  std::vector<int32_t> out;
  for (int32_t p : chunk.households[household].ever_members) {
    const Person& person = chunk.persons[p];
    if (person.AliveOn(day) && person.HouseholdOn(day) == household) out.push_back(p);
  }
  return out;
}

bool PassesElfproef(uint64_t bsn) {
  if (bsn < 10000000 || bsn > 999999999) return false;
  int digits[9];
  uint64_t rest = bsn;
  for (int i = 8; i >= 0; --i) {
    digits[i] = static_cast<int>(rest % 10);
    rest /= 10;
  }
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * digits[i];
  sum -= digits[8];
  return sum % 11 == 0;
}

uint64_t MakeBsn(uint64_t seed, uint64_t person_id) {
  // An affine permutation of [0, 9·10^7) gives distinct 8-digit prefixes 10000000…99999999 for distinct
  // inputs; the ninth digit follows from the elfproef. Three candidates per person; if all three need
  // check digit 10 (1 in 1,331) the person has no BSN.
  constexpr uint64_t kRange = 90000000ULL;
  constexpr uint64_t kMultiplier = 31415927ULL;  // coprime with 2, 3 and 5
  uint64_t offset = MixHash(seed, 0xB5B) % kRange;
  for (uint64_t candidate = 0; candidate < 3; ++candidate) {
    uint64_t x = (3 * person_id + candidate) % kRange;
    uint64_t prefix = 10000000ULL + (x * kMultiplier + offset) % kRange;
    int sum = 0;
    uint64_t rest = prefix;
    for (int weight = 2; weight <= 9; ++weight) {
      sum += weight * static_cast<int>(rest % 10);
      rest /= 10;
    }
    int check = sum % 11;
    if (check <= 9) return prefix * 10 + check;
  }
  return 0;
}

uint64_t TakeDwelling(Model& model, Chunk& chunk, int gemeente) {
  const GemeenteGeo& g = model.geography->gemeenten[gemeente];
  uint64_t start, size;
  if (gemeente == chunk.gemeente) {
    int local = model.geography->chunks[chunk.index].local_index;
    start = g.home_start[local];
    size = g.home_size[local];
  } else {
    start = g.incoming_start[chunk.index];
    size = g.incoming_size[chunk.index];
  }
  std::vector<uint64_t>& pool = chunk.free_dwellings[gemeente];
  if (!chunk.free_initialised[gemeente]) {
    chunk.free_initialised[gemeente] = true;
    pool.reserve(size);
    for (uint64_t d = 0; d < size; ++d) pool.push_back(start + d);
  }
  if (pool.empty()) {
    ++model.acc.shared_addresses;
    return start + chunk.rng.Below(size);
  }
  size_t pick = chunk.rng.Below(pool.size());
  uint64_t dwelling = pool[pick];
  pool[pick] = pool.back();
  pool.pop_back();
  return dwelling;
}

void FreeDwelling(Chunk& chunk, int gemeente, uint64_t dwelling) { chunk.free_dwellings[gemeente].push_back(dwelling); }

namespace {

struct FamilyAges {
  std::vector<int> parents;  // 1 or 2; parents[0] is the mother unless a single father
  bool single_father = false;
  std::vector<int> children;  // minors
  int adult_child = -1;
};

FamilyAges DrawFamily(const Model& model, Rng& rng) {
  const PopulationConfig& pop = model.config->population;
  const Params& params = model.params;
  FamilyAges family;
  int count = 1 + rng.Poisson(pop.children_per_family - 1);
  count = std::min(count, 6);
  WeightedIndex minors(params.minor_age_weights);
  int oldest = 0;
  for (int k = 0; k < count; ++k) {
    int age = static_cast<int>(minors.Draw(rng));
    family.children.push_back(age);
    oldest = std::max(oldest, age);
  }
  if (rng.Bernoulli(pop.adult_child_at_home)) {
    family.adult_child = rng.IntBetween(18, 24);
    oldest = std::max(oldest, family.adult_child);
  }
  int mother = oldest + rng.IntBetween(20, 38);
  if (mother > 62) mother = 62;
  bool single = rng.Bernoulli(pop.single_parent_share);
  if (single) {
    family.single_father = rng.Bernoulli(0.15);
    family.parents.push_back(family.single_father ? mother + rng.IntBetween(0, 4) : mother);
  } else {
    family.parents.push_back(mother);
    int father = mother + static_cast<int>(std::lround(2 + 3 * rng.Normal()));
    family.parents.push_back(std::clamp(father, oldest + 18, 70));
  }
  return family;
}

int32_t BirthDayFor(Rng& rng, int age, int32_t on_day) {
  Date on = Date::FromDayNumber(on_day);
  // Born in the 365 days before the age-th birthday preceding `on_day`.
  int32_t anniversary = DayOf(on.year - age, on.month, std::min(on.day, DaysInMonth(on.year - age, on.month)));
  return anniversary - static_cast<int32_t>(rng.Below(365));
}

uint64_t NextPersonId(Model& model) { return model.next_person_id++; }

// Names are drawn from streams of their own, per person and per household (for the family surname), so
// changing a name pool or its frequency law changes the names and nothing else of the simulation.
constexpr uint64_t kPersonNameStream = 0x4A4D;
constexpr uint64_t kFamilyNameStream = 0x4A4E;

int FamilySurname(const Model& model, const Chunk& chunk, int32_t household, Origin origin) {
  Rng names = Rng::Derive(model.seed, kFamilyNameStream, chunk.households[household].id);
  return static_cast<int>(DrawSurname(origin, names));
}

int32_t AddPerson(Model& model, Chunk& chunk, int32_t household, int32_t day, int32_t birth_day, bool female,
                  Origin origin, int surname) {
  Person person;
  person.id = NextPersonId(model);
  person.bsn = MakeBsn(model.seed, person.id);
  person.birth_day = birth_day;
  person.female = female;
  person.origin = origin;
  int birth_year = Date::FromDayNumber(birth_day).year;
  Rng names = Rng::Derive(model.seed, kPersonNameStream, person.id);
  // Older Dutch generations carry two or three official given names.
  int given = 1;
  if (origin == Origin::kNl) given = birth_year < 1960 ? names.IntBetween(2, 3) : (names.Bernoulli(0.55) ? 2 : 1);
  person.given_count = static_cast<uint8_t>(given);
  for (int k = 0; k < given; ++k) {
    // Second and later names come from the older pool (named after grandparents).
    person.given[k] = static_cast<uint16_t>(DrawGivenName(origin, female, k == 0 ? birth_year : 1940, names));
  }
  person.surname = surname >= 0 ? static_cast<uint32_t>(surname) : static_cast<uint32_t>(DrawSurname(origin, names));
  std::vector<std::string_view> nicknames = Nicknames(GivenName(origin, female, birth_year, person.given[0]));
  if (!nicknames.empty() && names.Bernoulli(0.45)) {
    person.nickname = static_cast<int8_t>(names.Below(nicknames.size()));
  }
  person.memberships.push_back({day, household});
  int32_t index = static_cast<int32_t>(chunk.persons.size());
  chunk.persons.push_back(std::move(person));
  Household& h = chunk.households[household];
  h.members.push_back(index);
  h.ever_members.push_back(index);
  return index;
}

int32_t NewHousehold(Model& model, Chunk& chunk, int32_t day, int gemeente, int quintile, float vulnerability) {
  Household h;
  h.id = model.next_household_id++;
  h.income_quintile = static_cast<uint8_t>(quintile);
  h.vulnerability = vulnerability;
  h.formed_day = day;
  h.episodes.push_back({day, static_cast<uint16_t>(gemeente), TakeDwelling(model, chunk, gemeente)});
  chunk.households.push_back(std::move(h));
  return static_cast<int32_t>(chunk.households.size()) - 1;
}

int DrawQuintile(const Model& model, Rng& rng, int gemeente, double shift) {
  double k = 1.2 * std::log(model.geography->gemeenten[gemeente].deprivation) + shift;
  std::vector<double> weights;
  for (int q = 1; q <= 5; ++q) weights.push_back(std::exp(-k * (q - 3)));
  return 1 + static_cast<int>(rng.Pick(weights));
}

float DrawVulnerability(const Model& model, Rng& rng, int quintile, double factor) {
  const PopulationConfig& pop = model.config->population;
  return static_cast<float>(
      factor * std::exp(pop.vulnerability_sigma * rng.Normal() + pop.vulnerability_income_slope * (3 - quintile)));
}

Origin DrawOrigin(const Model& model, Rng& rng) {
  std::vector<double> weights(model.origin_weights.begin(), model.origin_weights.end());
  return static_cast<Origin>(rng.Pick(weights));
}

int DrawOtherGemeente(const Model& model, Rng& rng, int exclude) {
  std::vector<double> weights;
  for (size_t g = 0; g < model.geography->gemeenten.size(); ++g) {
    weights.push_back(static_cast<int>(g) == exclude ? 0 : model.geography->gemeenten[g].population);
  }
  if (weights.size() == 1) return 0;
  return static_cast<int>(rng.Pick(weights));
}

// Creates one household at the start; returns the number of persons in it.
int CreateInitialHousehold(Model& model, Chunk& chunk, int32_t day) {
  Rng& rng = chunk.rng;
  const PopulationConfig& pop = model.config->population;
  Origin origin = DrawOrigin(model, rng);
  if (rng.Bernoulli(model.params.family_share)) {
    FamilyAges family = DrawFamily(model, rng);
    bool single_parent = family.parents.size() == 1;
    int quintile = DrawQuintile(model, rng, chunk.gemeente, single_parent ? 0.5 : 0.0);
    int32_t h = NewHousehold(model, chunk, day, chunk.gemeente, quintile,
                             DrawVulnerability(model, rng, quintile, single_parent ? 1.4 : 1.0));
    int family_surname = FamilySurname(model, chunk, h, origin);
    std::vector<int32_t> parents;
    for (size_t k = 0; k < family.parents.size(); ++k) {
      bool female = k == 0 ? !family.single_father : false;
      // The father carries the family surname; the mother keeps her own (as the BRP registers her).
      int surname = (!female || single_parent) ? family_surname : -1;
      parents.push_back(
          AddPerson(model, chunk, h, day, BirthDayFor(rng, family.parents[k], day), female, origin, surname));
    }
    if (parents.size() == 2) {
      chunk.persons[parents[0]].partner = parents[1];
      chunk.persons[parents[1]].partner = parents[0];
    }
    for (int age : family.children) {
      AddPerson(model, chunk, h, day, BirthDayFor(rng, age, day), rng.Bernoulli(0.488), origin, family_surname);
    }
    if (family.adult_child >= 0) {
      AddPerson(model, chunk, h, day, BirthDayFor(rng, family.adult_child, day), rng.Bernoulli(0.488), origin,
                family_surname);
    }
    return static_cast<int>(family.parents.size() + family.children.size() + (family.adult_child >= 0 ? 1 : 0));
  }
  WeightedIndex adults(model.params.parent_free_adult_weights);
  int age = 18 + static_cast<int>(adults.Draw(rng));
  bool single = rng.Bernoulli(model.params.single_share);
  int quintile = DrawQuintile(model, rng, chunk.gemeente, single ? 0.25 : -0.15);
  int32_t h = NewHousehold(model, chunk, day, chunk.gemeente, quintile,
                           DrawVulnerability(model, rng, quintile, single ? 1.2 : 1.0));
  int family_surname = FamilySurname(model, chunk, h, origin);
  bool female = !rng.Bernoulli(pop.male_share);
  if (single) {
    AddPerson(model, chunk, h, day, BirthDayFor(rng, age, day), female, origin, family_surname);
    return 1;
  }
  int32_t first =
      AddPerson(model, chunk, h, day, BirthDayFor(rng, age, day), female, origin, female ? -1 : family_surname);
  int partner_age = std::clamp(age + static_cast<int>(std::lround((female ? 2 : -2) + 3 * rng.Normal())), 18, 100);
  int32_t second = AddPerson(model, chunk, h, day, BirthDayFor(rng, partner_age, day), !female, origin,
                             female ? family_surname : -1);
  chunk.persons[first].partner = second;
  chunk.persons[second].partner = first;
  return 2;
}

enum PopEventKind : uint8_t { kDeath = 1, kBirth, kLeaveHome, kSeparation, kPartnering, kMove, kSurvey };

struct PopEvent {
  int32_t day;
  uint8_t kind;
  int32_t subject;
  bool operator<(const PopEvent& other) const {
    if (day != other.day) return day < other.day;
    if (kind != other.kind) return kind < other.kind;
    return subject < other.subject;
  }
};

void RemoveMember(Household& h, int32_t person) {
  h.members.erase(std::remove(h.members.begin(), h.members.end(), person), h.members.end());
}

void EndHouseholdIfEmpty(Chunk& chunk, int32_t household, int32_t day) {
  Household& h = chunk.households[household];
  if (!h.members.empty() || h.ended_day != kNever) return;
  h.ended_day = day;
  FreeDwelling(chunk, h.episodes.back().gemeente, h.episodes.back().dwelling);
}

void MoveHousehold(Model& model, Chunk& chunk, int32_t household, int32_t day, int gemeente) {
  Household& h = chunk.households[household];
  Episode old = h.episodes.back();
  uint64_t dwelling = TakeDwelling(model, chunk, gemeente);
  FreeDwelling(chunk, old.gemeente, old.dwelling);
  if (old.from_day == day) {
    h.episodes.back() = {day, static_cast<uint16_t>(gemeente), dwelling};
  } else {
    h.episodes.push_back({day, static_cast<uint16_t>(gemeente), dwelling});
  }
  ++model.acc.household_moves;
  if (gemeente != old.gemeente) ++model.acc.moves_between_gemeenten;
}

void MovePersonTo(Chunk& chunk, int32_t person, int32_t from_household, int32_t to_household, int32_t day) {
  Person& p = chunk.persons[person];
  RemoveMember(chunk.households[from_household], person);
  chunk.households[to_household].members.push_back(person);
  Household& target = chunk.households[to_household];
  if (std::find(target.ever_members.begin(), target.ever_members.end(), person) == target.ever_members.end()) {
    target.ever_members.push_back(person);
  }
  if (!p.memberships.empty() && p.memberships.back().from_day == day) {
    p.memberships.back().household = to_household;
  } else {
    p.memberships.push_back({day, to_household});
  }
  EndHouseholdIfEmpty(chunk, from_household, day);
}

bool LivesWithParent(const Chunk& chunk, const Person& person, const Household& h, int32_t day) {
  for (int32_t other : h.members) {
    const Person& o = chunk.persons[other];
    if (o.birth_day + 16 * 365 <= person.birth_day && o.AliveOn(day)) return true;
  }
  return false;
}

void CountPopulation(Model& model, Chunk& chunk, int year_offset, int32_t day) {
  auto& counts = model.acc.population[year_offset];
  for (const Person& person : chunk.persons) {
    if (!person.AliveOn(day)) continue;
    int32_t h = person.HouseholdOn(day);
    const Episode& episode = chunk.households[h].EpisodeOn(day);
    int wijk = model.geography->WijkOf(episode.gemeente, episode.dwelling);
    counts[wijk][model.AgeBand(AgeAt(person.birth_day, day))][person.female ? 1 : 0]++;
  }
}

}  // namespace

Status PrepareParams(Model& model) {
  const PopulationConfig& pop = model.config->population;
  Params& params = model.params;
  // Single-year age weights from the band shares (uniform within a band, a tail for the open band).
  if (pop.age_band_ranges.size() != pop.age_bands.size() || pop.age_band_shares.size() != pop.age_bands.size()) {
    return InvalidArgumentError(msg::Config("population.age_band_shares", msg::AgeRangesNotParsed()));
  }
  std::vector<double> by_age(105, 0.0);
  for (size_t b = 0; b < pop.age_bands.size(); ++b) {
    const int low = pop.age_band_ranges[b].low;
    if (const std::optional<int> high = pop.age_band_ranges[b].high) {
      for (int a = low; a <= std::min(*high, 104); ++a) by_age[a] = pop.age_band_shares[b] / (*high - low + 1);
    } else {
      double total = 0;
      for (int a = low; a < 105; ++a) total += std::pow(0.82, a - low);
      for (int a = low; a < 105; ++a) by_age[a] = pop.age_band_shares[b] * std::pow(0.82, a - low) / total;
    }
  }
  params.minor_age_weights.assign(by_age.begin(), by_age.begin() + 18);
  double minors_share = 0;
  for (double w : params.minor_age_weights) minors_share += w;
  params.family_share = std::min(0.9, minors_share * pop.persons_per_household / pop.children_per_family);
  // Expected adults in families by age (Monte Carlo with its own stream), the rest comes from other households.
  Rng rng = Rng::Derive(model.seed, 0xFA31);
  std::vector<double> family_adults(105, 0.0);
  const int kDraws = 20000;
  for (int k = 0; k < kDraws; ++k) {
    FamilyAges family = DrawFamily(model, rng);
    for (int age : family.parents) family_adults[std::min(age, 104)] += 1.0 / kDraws;
    if (family.adult_child >= 0) family_adults[family.adult_child] += 1.0 / kDraws;
  }
  params.parent_free_adult_weights.clear();
  double residual_total = 0;
  for (int a = 18; a < 105; ++a) {
    double residual = std::max(0.0, by_age[a] * pop.persons_per_household - params.family_share * family_adults[a]);
    params.parent_free_adult_weights.push_back(residual);
    residual_total += residual;
  }
  double adults_per_other = residual_total / (1 - params.family_share);
  params.single_share = std::clamp(2.0 - adults_per_other, 0.05, 0.95);
  // Wmo: normalise the vulnerability effect so the configured rates stay the mean rates.
  double power = model.config->desks.at("wmo").vulnerability_power;
  double income_part = 0;
  for (int q = 1; q <= 5; ++q) income_part += 0.2 * std::exp(power * pop.vulnerability_income_slope * (3 - q));
  params.wmo_vulnerability_mean =
      std::exp(0.5 * power * power * pop.vulnerability_sigma * pop.vulnerability_sigma) * income_part;
  return Status::Ok();
}

void SimulatePopulation(Model& model, Chunk& chunk) {
  const PopulationConfig& pop = model.config->population;
  Rng& rng = chunk.rng;
  int32_t start = model.start_day;
  int64_t target = model.geography->chunks[chunk.index].persons;
  int64_t persons = 0;
  while (persons < target) {
    persons += CreateInitialHousehold(model, chunk, start);
    ++model.acc.households_start;
  }
  model.acc.persons_start += persons;

  for (int year = model.first_year; year <= model.last_year; ++year) {
    int year_offset = year - model.first_year;
    int32_t year_start = DayOf(year, 1, 1);
    if (year_start > model.end_day) break;
    int32_t year_end = std::min(DayOf(year, 12, 31), model.end_day);
    CountPopulation(model, chunk, year_offset, year_start);
    auto random_day = [&] { return year_start + static_cast<int32_t>(rng.Below(year_end - year_start + 1)); };

    std::vector<PopEvent> events;
    int64_t alive = 0;
    std::vector<int32_t> eligible_mothers;
    for (int32_t p = 0; p < static_cast<int32_t>(chunk.persons.size()); ++p) {
      Person& person = chunk.persons[p];
      if (!person.AliveOn(year_start)) continue;
      ++alive;
      int age = AgeAt(person.birth_day, year_start);
      double death = std::min(0.6, pop.mortality_a * std::exp(pop.mortality_b * age));
      if (rng.Bernoulli(death)) events.push_back({random_day(), kDeath, p});
      int32_t h = person.HouseholdOn(year_start);
      const Household& household = chunk.households[h];
      if (person.female && age >= 20 && age <= 42 && person.partner >= 0 &&
          chunk.persons[person.partner].HouseholdOn(year_start) == h) {
        eligible_mothers.push_back(p);
      }
      if (age >= 18 && age <= 29 && person.partner < 0 && household.members.size() > 1 &&
          LivesWithParent(chunk, person, household, year_start) && rng.Bernoulli(pop.leave_home_rate)) {
        events.push_back({random_day(), kLeaveHome, p});
      }
      if (person.female && person.partner >= 0 && rng.Bernoulli(pop.separation_rate)) {
        events.push_back({random_day(), kSeparation, p});
      }
      if (age >= 20 && age <= 50 && household.members.size() == 1 && rng.Bernoulli(pop.partnering_rate)) {
        events.push_back({random_day(), kPartnering, p});
      }
    }
    if (!eligible_mothers.empty()) {
      double p_birth = std::min(0.5, pop.births_per_1000 / 1000.0 * alive / eligible_mothers.size());
      for (int32_t mother : eligible_mothers) {
        if (rng.Bernoulli(p_birth)) events.push_back({random_day(), kBirth, mother});
      }
    }
    for (int32_t h = 0; h < static_cast<int32_t>(chunk.households.size()); ++h) {
      if (chunk.households[h].ended_day == kNever && rng.Bernoulli(pop.household_move_rate)) {
        events.push_back({random_day(), kMove, h});
      }
    }
    for (size_t wave = 0; wave < model.config->survey.waves.size(); ++wave) {
      if (model.config->survey.waves[wave] != year) continue;
      int32_t fieldwork = DayOf(year, model.config->survey.fieldwork_month, 15);
      if (fieldwork <= year_end) events.push_back({fieldwork, kSurvey, static_cast<int32_t>(wave)});
    }
    std::sort(events.begin(), events.end());

    for (const PopEvent& event : events) {
      int32_t day = event.day;
      switch (event.kind) {
        case kDeath: {
          Person& person = chunk.persons[event.subject];
          if (!person.AliveOn(day)) break;
          person.death_day = day;
          ++model.acc.deaths;
          if (person.partner >= 0) chunk.persons[person.partner].partner = -1;
          person.partner = -1;
          int32_t h = person.HouseholdOn(day);
          RemoveMember(chunk.households[h], event.subject);
          EndHouseholdIfEmpty(chunk, h, day);
          break;
        }
        case kBirth: {
          const Person& mother = chunk.persons[event.subject];
          if (!mother.AliveOn(day) || mother.partner < 0) break;
          int32_t h = mother.HouseholdOn(day);
          const Person& father = chunk.persons[mother.partner];
          if (father.HouseholdOn(day) != h) break;
          Origin origin = father.origin;
          AddPerson(model, chunk, h, day, day, rng.Bernoulli(0.488), origin, static_cast<int>(father.surname));
          ++model.acc.births;
          break;
        }
        case kLeaveHome: {
          const Person& person = chunk.persons[event.subject];
          if (!person.AliveOn(day) || person.partner >= 0) break;
          int32_t from = person.HouseholdOn(day);
          if (chunk.households[from].members.size() < 2) break;
          const int parents_gemeente = chunk.households[from].episodes.back().gemeente;
          const int parents_quintile = chunk.households[from].income_quintile;
          const double parents_vulnerability = chunk.households[from].vulnerability;
          int gemeente = parents_gemeente;
          if (!rng.Bernoulli(0.6)) gemeente = DrawOtherGemeente(model, rng, gemeente);
          int quintile = std::clamp(parents_quintile + rng.IntBetween(-2, 1), 1, 5);
          float vulnerability = static_cast<float>(std::sqrt(parents_vulnerability) *
                                                   std::exp(0.6 * pop.vulnerability_sigma * rng.Normal()));
          int32_t h = NewHousehold(model, chunk, day, gemeente, quintile, vulnerability);
          MovePersonTo(chunk, event.subject, from, h, day);
          ++model.acc.household_moves;
          if (gemeente != parents_gemeente) ++model.acc.moves_between_gemeenten;
          break;
        }
        case kSeparation: {
          Person& woman = chunk.persons[event.subject];
          if (!woman.AliveOn(day) || woman.partner < 0) break;
          int32_t partner = woman.partner;
          int32_t h = woman.HouseholdOn(day);
          if (chunk.persons[partner].HouseholdOn(day) != h) break;
          int32_t leaver = rng.Bernoulli(0.7) ? partner : event.subject;
          chunk.persons[partner].partner = -1;
          woman.partner = -1;
          int gemeente = chunk.households[h].episodes.back().gemeente;
          if (!rng.Bernoulli(0.75)) gemeente = DrawOtherGemeente(model, rng, gemeente);
          int quintile = std::clamp(chunk.households[h].income_quintile - rng.IntBetween(0, 1), 1, 5);
          float vulnerability = static_cast<float>(chunk.households[h].vulnerability * std::exp(0.3 * rng.Normal()));
          int32_t fresh = NewHousehold(model, chunk, day, gemeente, quintile, vulnerability);
          MovePersonTo(chunk, leaver, h, fresh, day);
          ++model.acc.household_moves;
          break;
        }
        case kPartnering: {
          Person& person = chunk.persons[event.subject];
          if (!person.AliveOn(day) || person.partner >= 0) break;
          int32_t h = person.HouseholdOn(day);
          if (chunk.households[h].members.size() != 1) break;
          int age = AgeAt(person.birth_day, day);
          for (int attempt = 0; attempt < 25; ++attempt) {
            int32_t candidate = static_cast<int32_t>(rng.Below(chunk.persons.size()));
            Person& other = chunk.persons[candidate];
            if (candidate == event.subject || !other.AliveOn(day) || other.female == person.female ||
                other.partner >= 0)
              continue;
            if (std::abs(AgeAt(other.birth_day, day) - age) > 8) continue;
            int32_t other_h = other.HouseholdOn(day);
            if (chunk.households[other_h].members.size() != 1) continue;
            MovePersonTo(chunk, candidate, other_h, h, day);
            ++model.acc.household_moves;
            person.partner = candidate;
            other.partner = event.subject;
            break;
          }
          break;
        }
        case kMove: {
          Household& h = chunk.households[event.subject];
          if (h.ended_day != kNever || h.members.empty()) break;
          int gemeente = h.episodes.back().gemeente;
          if (rng.Bernoulli(pop.other_gemeente_share)) gemeente = DrawOtherGemeente(model, rng, gemeente);
          MoveHousehold(model, chunk, event.subject, day, gemeente);
          break;
        }
        case kSurvey: SurveyChunk(model, chunk, event.subject, day); break;
      }
    }
  }
  model.acc.persons_total += static_cast<int64_t>(chunk.persons.size());
}

}  // namespace sz::synth::internal
