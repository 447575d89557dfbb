// Test support: small synthetic populations of person-involvements with known truth, and a simple
// bigram Bloom-filter encoder (not clkhash's; tests need similar names to give similar filters, not
// compatibility). Header-only, test code only.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "linkage/link_record.h"
#include "privacy/field_encoder.h"

namespace sz::linkage::testing {

inline uint64_t Fnv1a(const std::string& text, uint64_t seed) {
  uint64_t hash = 1469598103934665603ULL ^ seed;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

inline void AddToken(ClkWords& filter, const std::string& token, int hashes) {
  uint64_t h1 = Fnv1a(token, 1), h2 = Fnv1a(token, 2) | 1;
  for (int k = 0; k < hashes; ++k) {
    uint64_t bit = (h1 + k * h2) % kClkBits;
    filter[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

// Bigrams of given name and surname (padded), positional digits of the birth date.
inline ClkWords EncodeClk(const std::string& given, const std::string& surname, const std::string& birth_date) {
  ClkWords filter{};
  for (const std::string& part : {"g" + std::string(" ") + given + " ", "s " + surname + " "}) {
    for (size_t pos = 1; pos + 1 < part.size(); ++pos) AddToken(filter, part.substr(0, 1) + part.substr(pos, 2), 15);
  }
  for (size_t pos = 0; pos < birth_date.size(); ++pos) {
    AddToken(filter, std::to_string(pos) + birth_date.substr(pos, 1), 8);
  }
  return filter;
}

struct Person {
  std::string given, surname, birth_date;  // birth_date "YYYYMMDD"
  int birth_year = 0;
  Sex sex = Sex::kUnknown;
  std::string bsn, household, wijk;
};

inline const std::vector<std::string>& GivenNames() {
  static const std::vector<std::string> names = {
      "jan",   "pieter", "kees",  "henk",  "willem", "johannes", "gerrit", "hendrik", "bram",   "daan", "sem",  "lucas",
      "finn",  "levi",   "noah",  "maria", "anna",   "johanna",  "emma",   "julia",   "sophie", "tess", "sara", "eva",
      "lotte", "fenna",  "lieke", "anouk", "iris",   "femke",    "thijs",  "ruben",   "bas",    "tim",  "lars", "mila"};
  return names;
}
inline const std::vector<std::string>& Surnames() {
  static const std::vector<std::string> names = {
      "jansen",  "bakker",          "visser",    "smit",     "meijer",   "mulder",   "bos",     "vos",
      "peters",  "hendriks",        "dekker",    "brouwer",  "dijkstra", "kok",      "janssen", "wolters",
      "nijhuis", "oude luttikhuis", "ter horst", "kamphuis", "olthof",   "wessels",  "slot",    "hulshof",
      "pothoff", "brinkman",        "lammers",   "kuipers",  "leferink", "schuurman"};
  return names;
}

inline std::string Typo(const std::string& text, std::mt19937_64& rng) {
  if (text.size() < 3) return text;
  std::uniform_int_distribution<size_t> pos(1, text.size() - 2);
  std::string out = text;
  size_t at = pos(rng);
  switch (rng() % 3) {
    case 0: out.erase(at, 1); break;
    case 1: out[at] = static_cast<char>('a' + rng() % 26); break;
    default: std::swap(out[at], out[at + 1]); break;
  }
  return out;
}

struct Population {
  std::vector<LinkRecord> records;
  std::vector<std::string> truth;            // person label per record
  std::vector<std::string> household_truth;  // household label per record
};

inline const std::vector<std::string>& Streets() {
  static const std::vector<std::string> names = {"kerkstraat",   "dorpsstraat",       "molenweg",         "stationsweg",
                                                 "schoolstraat", "oldenzaalsestraat", "haaksbergerstraat"};
  return names;
}

// `persons` people in households of 1–4, each appearing 1–(1+max_duplicates) times across `sources`
// with typos, missing BSNs, occasional birth-year and wijk errors. Deterministic for a seed.
// With `field_encoder`, every record also gets field encodings (privacy/field_encoder.h) of the same
// (typo'd) name and birth date, its household's street (a typo in 10%), postcode and house number,
// the locality, and in 70% an id number (the BSN column's digits; a typo in 10%).
inline Population MakePopulation(int persons, int max_duplicates, uint64_t seed, int sources = 3,
                                 privacy::FieldEncoder* field_encoder = nullptr) {
  std::mt19937_64 rng(seed);
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  std::vector<Person> people;
  std::vector<std::string> household_of;
  int household_index = 0;
  while (static_cast<int>(people.size()) < persons) {
    int size = 1 + static_cast<int>(rng() % 4);
    std::string surname = Surnames()[rng() % Surnames().size()];
    std::string wijk = "WK0153" + std::to_string(10 + rng() % 40);
    std::string household = "hh" + std::to_string(household_index++);
    for (int member = 0; member < size && static_cast<int>(people.size()) < persons; ++member) {
      Person person;
      person.given = GivenNames()[rng() % GivenNames().size()];
      person.surname = surname;
      person.birth_year = 1940 + static_cast<int>(rng() % 80);
      char date[16];
      std::snprintf(date, sizeof date, "%04d%02d%02d", person.birth_year, static_cast<int>(1 + rng() % 12),
                    static_cast<int>(1 + rng() % 28));
      person.birth_date = date;
      person.sex = rng() % 2 ? Sex::kMan : Sex::kVrouw;
      person.bsn = "bsn" + std::to_string(people.size());
      person.household = household;
      person.wijk = wijk;
      people.push_back(person);
      household_of.push_back(household);
    }
  }
  Population population;
  for (size_t person_idx = 0; person_idx < people.size(); ++person_idx) {
    const Person& person = people[person_idx];
    int copies = 1 + static_cast<int>(rng() % (max_duplicates + 1));
    for (int copy = 0; copy < copies; ++copy) {
      LinkRecord record;
      record.source = "source" + std::to_string(rng() % sources);
      record.record_id = "r" + std::to_string(population.records.size());
      record.betrokkene_nr = 1;
      std::string given = copy > 0 && chance(0.3) ? Typo(person.given, rng) : person.given;
      std::string surname = copy > 0 && chance(0.3) ? Typo(person.surname, rng) : person.surname;
      std::string birth_date = person.birth_date;
      record.birth_year = person.birth_year;
      if (copy > 0 && chance(0.05)) {
        record.birth_year += 1;
        birth_date = std::to_string(record.birth_year) + birth_date.substr(4);
      }
      record.bsn_pseudonym = chance(0.4) ? person.bsn : "";
      // The name pseudonym: exact name + date + sex, as the pseudonymiser makes it from clean data.
      if (given == person.given && surname == person.surname && birth_date == person.birth_date) {
        record.name_pseudonym = person.surname + "|" + person.given.substr(0, 1) + "|" + person.birth_date;
      } else {
        record.name_pseudonym = surname + "|" + given.substr(0, 1) + "|" + birth_date;
      }
      record.household_pseudonym = chance(0.85) ? person.household : "";
      record.wijk = chance(0.9) ? person.wijk : "";
      record.sex = chance(0.95) ? person.sex : Sex::kUnknown;
      record.clk = EncodeClk(given, surname, birth_date);
      if (field_encoder != nullptr) {
        int household_number = std::atoi(person.household.c_str() + 2);
        privacy::FieldValues values;
        values.given_names = given;
        values.surname = surname;
        values.birth_date = Date{std::atoi(birth_date.substr(0, 4).c_str()), std::atoi(birth_date.substr(4, 2).c_str()),
                                 std::atoi(birth_date.substr(6, 2).c_str())};
        std::string street = Streets()[household_number % Streets().size()];
        values.street = chance(0.1) ? Typo(street, rng) : street;
        values.house_number = std::to_string(1 + household_number % 97);
        values.postcode = "75" + person.wijk.substr(6);
        values.locality = "enschede";
        if (chance(0.7)) {
          std::string digits = std::to_string(1000000 + person_idx);
          values.id_number = chance(0.1) ? Typo(digits, rng) : digits;
        }
        record.fields = field_encoder->Encode(values).value();
      }
      population.records.push_back(record);
      population.truth.push_back("p" + std::to_string(person_idx));
      population.household_truth.push_back(household_of[person_idx]);
    }
  }
  // Shuffle so duplicates are not adjacent.
  std::vector<size_t> order(population.records.size());
  for (size_t idx = 0; idx < order.size(); ++idx) order[idx] = idx;
  std::shuffle(order.begin(), order.end(), rng);
  Population shuffled;
  for (size_t idx : order) {
    shuffled.records.push_back(population.records[idx]);
    shuffled.truth.push_back(population.truth[idx]);
    shuffled.household_truth.push_back(population.household_truth[idx]);
  }
  return shuffled;
}

}  // namespace sz::linkage::testing
