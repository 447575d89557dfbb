#include "synth/internal/identity.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/sex.h"

namespace sz::synth::internal {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string UpperAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::string Initials(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (name.empty()) continue;
    // First UTF-8 character of each name.
    size_t length = 1;
    unsigned char first = static_cast<unsigned char>(name[0]);
    if (first >= 0xF0)
      length = 4;
    else if (first >= 0xE0)
      length = 3;
    else if (first >= 0xC0)
      length = 2;
    out += name.substr(0, length) + ".";
  }
  return out;
}

// The address of a person on `day` (household episode), and the day it last changed.
struct PlaceOn {
  int gemeente;
  uint64_t dwelling;
  int32_t since;
};

PlaceOn AddressOn(const Chunk& chunk, const Person& person, int32_t day) {
  int32_t h = person.HouseholdOn(day);
  const Household& household = chunk.households[h];
  const Episode& episode = household.EpisodeOn(day);
  int32_t membership_since = person.memberships.front().from_day;
  for (const Membership& m : person.memberships)
    if (m.from_day <= day) membership_since = m.from_day;
  return {episode.gemeente, episode.dwelling, std::max(episode.from_day, membership_since)};
}

}  // namespace

std::string Typo(Rng& rng, const std::string& text) {
  std::vector<size_t> letters;
  for (size_t i = 0; i < text.size(); ++i)
    if (IsAsciiLetter(text[i])) letters.push_back(i);
  if (letters.size() < 3) return text;
  static const char* kNeighbours = "qwertyuiopasdfghjklzxcvbnm";
  size_t at = letters[1 + rng.Below(letters.size() - 1)];  // keep the first letter (as most typos do)
  std::string out = text;
  switch (rng.Below(4)) {
    case 0: {  // substitution by a nearby key
      const char* found = std::strchr(kNeighbours, std::tolower(static_cast<unsigned char>(out[at])));
      size_t pos = found ? static_cast<size_t>(found - kNeighbours) : 0;
      char replacement = kNeighbours[(pos + (rng.Bernoulli(0.5) ? 1 : 25)) % 26];
      out[at] = std::isupper(static_cast<unsigned char>(out[at])) ? static_cast<char>(std::toupper(replacement))
                                                                  : replacement;
      break;
    }
    case 1: out.erase(at, 1); break;            // deletion
    case 2: out.insert(at, 1, out[at]); break;  // doubled letter
    default:                                    // transposition with the next letter
      if (at + 1 < out.size() && IsAsciiLetter(out[at + 1]))
        std::swap(out[at], out[at + 1]);
      else
        out.erase(at, 1);
      break;
  }
  return out;
}

WrittenIdentity WriteIdentity(const Model& model, const Chunk& chunk, Rng& rng, int32_t person_index, int32_t day,
                              int desk, const DeskRecord& record, bool at_placement, const io::WriteDialect& dialect) {
  const IdentityErrorConfig& errors = model.config->identity_errors;
  const DeskConfig& desk_config = model.config->desks.at(DeskName(desk));
  const Person& person = chunk.persons[person_index];
  WrittenIdentity out;
  int birth_year = Date::FromDayNumber(person.birth_day).year;

  // BSN: often missing at report desks, sometimes mistyped or another household member's.
  if (person.bsn == 0 || rng.Bernoulli(desk_config.bsn_missing)) {
    out.errors.push_back("bsn_ontbreekt");
  } else if (rng.Bernoulli(errors.wrong_bsn_typo)) {
    std::string digits = std::to_string(person.bsn);
    digits = std::string(9 - std::min<size_t>(9, digits.size()), '0') + digits;
    size_t at = rng.Below(9);
    digits[at] = static_cast<char>('0' + (digits[at] - '0' + 1 + rng.Below(9)) % 10);
    out.bsn = digits;
    out.errors.push_back("bsn_typefout");
  } else if (rng.Bernoulli(errors.wrong_bsn_other_person)) {
    uint64_t other = 0;
    for (int32_t member : chunk.households[person.HouseholdOn(day)].ever_members) {
      if (member != person_index && chunk.persons[member].bsn != 0) other = chunk.persons[member].bsn;
    }
    if (other == 0) other = MakeBsn(model.seed, person.id + 7919);
    out.bsn = std::to_string(other);
    out.errors.push_back("bsn_van_ander");
  } else {
    out.bsn = std::to_string(person.bsn);
  }
  if (!out.bsn.empty() && out.bsn.size() < 9) out.bsn = std::string(9 - out.bsn.size(), '0') + out.bsn;

  // Given names: official names, roepnaam/nickname, first name only, or initials.
  std::vector<std::string> official;
  for (int k = 0; k < person.given_count; ++k) {
    official.emplace_back(GivenName(person.origin, person.female, k == 0 ? birth_year : 1940, person.given[k]));
  }
  std::vector<std::string_view> nicknames = Nicknames(official.front());
  double u = rng.Uniform();
  if (u < errors.initials_only) {
    out.voornamen = Initials(official);
    out.errors.push_back("voorletters");
  } else if (u < errors.initials_only + errors.nickname && !nicknames.empty()) {
    size_t pick = person.nickname >= 0 ? static_cast<size_t>(person.nickname) : rng.Below(nicknames.size());
    out.voornamen = std::string(nicknames[pick % nicknames.size()]);
    out.errors.push_back("roepnaam");
  } else if (u < errors.initials_only + errors.nickname + errors.first_given_name_only && official.size() > 1) {
    out.voornamen = official.front();
    out.errors.push_back("eerste_voornaam");
  } else {
    for (size_t k = 0; k < official.size(); ++k) out.voornamen += (k ? " " : "") + official[k];
  }
  if (rng.Bernoulli(errors.typo_given_name)) {
    std::string typo = Typo(rng, out.voornamen);
    if (typo != out.voornamen) {
      out.voornamen = typo;
      out.errors.push_back("typo_voornaam");
    }
  }

  // Surname and tussenvoegsel.
  Surname surname = SurnameAt(person.origin, person.surname);
  out.tussenvoegsel = std::string(surname.tussenvoegsel);
  out.achternaam = std::string(surname.name);
  if (!out.tussenvoegsel.empty() && rng.Bernoulli(errors.tussenvoegsel_in_surname)) {
    double form = rng.Uniform();
    if (form < 0.5) {
      out.achternaam = out.tussenvoegsel + " " + out.achternaam;
    } else if (form < 0.75) {
      out.achternaam = out.achternaam + ", " + out.tussenvoegsel;
    } else {
      std::string capital = out.tussenvoegsel;
      capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
      out.achternaam = capital + " " + out.achternaam;
    }
    out.tussenvoegsel.clear();
    out.errors.push_back("tussenvoegsel_in_achternaam");
  }
  if (rng.Bernoulli(errors.typo_surname)) {
    std::string typo = Typo(rng, out.achternaam);
    if (typo != out.achternaam) {
      out.achternaam = typo;
      out.errors.push_back("typo_achternaam");
    }
  }
  if (rng.Bernoulli(errors.uppercase_surname)) {
    out.achternaam = UpperAscii(out.achternaam);
    out.errors.push_back("hoofdletters");
  }
  if ((HasDiacritics(out.voornamen) || HasDiacritics(out.achternaam)) && rng.Bernoulli(errors.diacritics_stripped)) {
    out.voornamen = StripDiacritics(out.voornamen);
    out.achternaam = StripDiacritics(out.achternaam);
    out.errors.push_back("zonder_diakrieten");
  }

  // Birth date.
  Date birth = Date::FromDayNumber(person.birth_day);
  if (rng.Bernoulli(errors.birth_date_missing)) {
    out.errors.push_back("geboortedatum_ontbreekt");
  } else {
    if (birth.day <= 12 && birth.day != birth.month && rng.Bernoulli(errors.swap_day_month)) {
      std::swap(birth.day, birth.month);
      out.errors.push_back("dag_maand_verwisseld");
    } else if (rng.Bernoulli(errors.birth_year_off_by_one)) {
      birth.year += rng.Bernoulli(0.5) ? 1 : -1;
      if (birth.month == 2 && birth.day == 29) birth.day = 28;
      out.errors.push_back("geboortejaar_fout");
    }
    out.geboortedatum = io::FormatDate(birth, dialect.date_format);
  }

  if (rng.Bernoulli(errors.sex_missing)) {
    out.errors.push_back("geslacht_ontbreekt");
  } else if (rng.Bernoulli(errors.sex_letter)) {
    out.geslacht = person.female ? "V" : "M";
  } else {
    out.geslacht = std::string(SexName(person.female ? Sex::kVrouw : Sex::kMan));
  }

  // Address: the placement address, the current one, or (shortly after a move) the old one.
  int gemeente;
  uint64_t dwelling;
  if (at_placement) {
    gemeente = record.placement_gemeente;
    dwelling = record.placement_dwelling;
  } else {
    PlaceOn place = AddressOn(chunk, person, day);
    gemeente = place.gemeente;
    dwelling = place.dwelling;
    if (place.since > model.start_day && place.since > person.birth_day && day - place.since < 365 &&
        rng.Bernoulli(errors.old_address_after_move)) {
      PlaceOn previous = AddressOn(chunk, person, place.since - 1);
      gemeente = previous.gemeente;
      dwelling = previous.dwelling;
      out.errors.push_back("oud_adres");
    }
  }
  const Geography& geo = *model.geography;
  DwellingAddress address = geo.Address(gemeente, dwelling);
  const PostcodeGeo& postcode = geo.postcodes[address.postcode];
  if (rng.Bernoulli(errors.postcode_missing)) {
    out.errors.push_back("postcode_ontbreekt");
  } else if (rng.Bernoulli(errors.postcode_with_space)) {
    out.postcode = postcode.code.substr(0, 4) + " " + postcode.code.substr(4);
  } else {
    out.postcode = postcode.code;
  }
  if (rng.Bernoulli(errors.house_number_missing)) {
    out.errors.push_back("huisnummer_ontbreekt");
  } else {
    out.huisnummer = std::to_string(address.house_number);
    out.huisnummer_toevoeging = address.addition;
    if (!out.huisnummer_toevoeging.empty() && std::isalpha(static_cast<unsigned char>(out.huisnummer_toevoeging[0])) &&
        rng.Bernoulli(0.3)) {
      out.huisnummer_toevoeging[0] =
          static_cast<char>(std::tolower(static_cast<unsigned char>(out.huisnummer_toevoeging[0])));
    }
  }
  out.straat = std::string(StreetAt(postcode.street));
  out.woonplaats = geo.wijken[geo.buurten[postcode.buurt].wijk].woonplaats;
  if (rng.Bernoulli(0.1)) out.woonplaats = UpperAscii(out.woonplaats);
  return out;
}

}  // namespace sz::synth::internal
