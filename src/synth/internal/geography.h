// The synthetic geography: gemeenten, wijken and buurten from the region table, PC6 postcodes in
// Twente's 74xx–76xx range (a synthetic Netherlands' other gemeenten: the rest of 1000–9999), and
// dwellings (postcode + house number + addition).
//
// Dwellings are numbered per gemeente and partitioned between chunks of households, so every chunk
// owns its dwellings and two chunks never put households on the same address (see
// docs/synthetic-twente.md, "Addresses"). Within gemeente g, dwelling d lies in postcode
// (d · stride_g) mod P_g at slot d / P_g, which spreads a chunk's dwellings over all buurten.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/region.h"
#include "core/status.h"
#include "synth/config.h"

namespace sz::synth::internal {

struct BuurtGeo {
  std::string code;
  int wijk = 0;
  double weight = 1;
};

struct WijkGeo {
  std::string code;
  std::string name;
  int gemeente = 0;
  std::string woonplaats;
};

struct PostcodeGeo {
  std::string code;  // "7511AB"
  int buurt = 0;
  uint16_t street = 0;
  uint16_t first_number = 1;
  uint8_t addition_style = 0;  // 0 none, 1 letters (apartments), 2 numbers (apartments)
};

struct GemeenteGeo {
  std::string code;
  std::string name;
  double population = 0;       // target persons at the start (config × scale)
  double deprivation = 1;      // normalised: population-weighted mean 1
  std::vector<int> wijken;     // indices into Geography::wijken
  std::vector<int> postcodes;  // indices into Geography::postcodes
  uint64_t stride = 1;
  uint64_t dwellings = 0;
  // Chunks whose households start in this gemeente: global chunk indices [first_chunk, first_chunk + chunks).
  int first_chunk = 0;
  int chunks = 0;
  std::vector<uint64_t> home_start, home_size;  // per local chunk
  std::vector<uint64_t> incoming_start;         // per global chunk (0 size for own chunks)
  std::vector<uint64_t> incoming_size;
};

struct ChunkPlan {
  int gemeente = 0;
  int local_index = 0;
  int64_t persons = 0;  // target persons at the start
};

struct DwellingAddress {
  int postcode = 0;  // index into Geography::postcodes
  int house_number = 0;
  std::string addition;  // "" or "A", "2", …
};

struct Geography {
  std::vector<GemeenteGeo> gemeenten;
  std::vector<WijkGeo> wijken;
  std::vector<BuurtGeo> buurten;
  std::vector<PostcodeGeo> postcodes;
  std::vector<ChunkPlan> chunks;

  DwellingAddress Address(int gemeente, uint64_t dwelling) const;
  int BuurtOf(int gemeente, uint64_t dwelling) const;
  int WijkOf(int gemeente, uint64_t dwelling) const { return buurten[BuurtOf(gemeente, dwelling)].wijk; }
};

// Builds the geography for the configured gemeenten at `scale`. `years` sizes the dwelling pools
// for moves between gemeenten. `synthetic` names the gemeenten of a synthetic Netherlands
// (netherlands.h): their postcodes lie outside Twente's 7400–7699 and their woonplaats is their name.
Result<Geography> BuildGeography(const SynthConfig& config, const RegionTable& regions, double scale, int years,
                                 const std::set<std::string>& synthetic = {});

}  // namespace sz::synth::internal
