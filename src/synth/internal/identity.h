// How a desk writes down a person: the true identity of a synthetic person on a given day, with
// realistic errors at the configured rates (typos, swapped day/month, missing or wrong BSN, old
// address after a move, nicknames and initials, tussenvoegsel in the surname field, diacritics
// dropped, capitals). The applied errors are returned as tags for the truth file.
#pragma once

#include <string>
#include <vector>

#include "io/dialect.h"
#include "synth/internal/chunk.h"

namespace sz::synth::internal {

struct WrittenIdentity {
  std::string bsn, voornamen, tussenvoegsel, achternaam, geboortedatum, geslacht;
  std::string postcode, huisnummer, huisnummer_toevoeging, straat, woonplaats;
  std::vector<const char*> errors;  // tags, e.g. "typo_achternaam"
};

// `placement` set: the person lives at (placement_gemeente, placement_dwelling) instead of home.
WrittenIdentity WriteIdentity(const Model& model, const Chunk& chunk, Rng& rng, int32_t person, int32_t day, int desk,
                              const DeskRecord& record, bool at_placement, const io::WriteDialect& dialect);

// Applies one random keyboard-style error (substitution, deletion, insertion, transposition) to the
// ASCII letters of `text`; returns `text` unchanged if it has fewer than three ASCII letters.
std::string Typo(Rng& rng, const std::string& text);

}  // namespace sz::synth::internal
