// The synthetic Netherlands (issue 18, item 6): at --scale above 1 the generator keeps Twente as it
// is (the configured gemeenten at their scale-1 size) and adds synthetic gemeenten for the rest of
// the population, with wijken and buurten at the Netherlands' density, in CBS code format.
//
//   ASSIGN_OR_RETURN(NationalPlan plan, ExtendToNetherlands(config, regions, 28));
//   plan.regions;   // Twente's table + GM5001… with WK5001ww and BU5001wwbb, all under the one regio
//   plan.config;    // population.gemeenten: final inhabitants (not to be scaled again)
//
// Why: the platform's linkage blocks and compares within wijken and postcodes; 14 gemeenten scaled 28
// times would pack 1.4 million people into a Twente wijk, far denser than any real place. The
// Netherlands has about 3,300 wijken (one per ≈ 5,400 inhabitants), 14,500 buurten and 4,070 PC4
// areas for 17.9 million people; the plan follows those densities (docs/synthetic-twente.md).
//
// The plan depends on the configuration, the region table and the scale only, never on the seed, so
// runs with different seeds at one scale share their regions. The platform computes one regio total
// (the region file's first regio); the synthetic gemeenten are placed in it, and it is renamed
// "Synthetisch Nederland" so no figure calls the whole country Twente.
#pragma once

#include <set>
#include <string>

#include "core/region.h"
#include "core/status.h"
#include "synth/config.h"

namespace sz::synth::internal {

inline constexpr int kFirstSyntheticGemeente = 5001;  // GM5001 …: no real gemeente uses 5000 and above
inline constexpr double kInhabitantsPerWijk = 5400;   // the Netherlands: 17.9 M / ≈ 3,300 wijken
inline constexpr double kInhabitantsPerPc4 = 4400;    // the Netherlands: 17.9 M / ≈ 4,070 PC4 areas
inline constexpr int kMaxWijkenPerGemeente = 99;      // WKggggww: two digits (00–98 used)

struct NationalPlan {
  RegionTable regions;              // the input table (regio renamed) + synthetic regions
  SynthConfig config;               // the input configuration + synthetic gemeenten, final sizes
  std::set<std::string> synthetic;  // codes of the synthetic gemeenten
  double twente_population = 0;     // the configured gemeenten at scale 1 (their sizes here)
};

// Extends the configured Twente to a synthetic Netherlands of `scale` × Twente's population.
// kInvalidArgument if scale <= 1; kDataError if the table has no regio.
Result<NationalPlan> ExtendToNetherlands(const SynthConfig& config, const RegionTable& regions, double scale);

// Maps the n-th synthetic PC4 (0 ≤ n < SyntheticPc4Count()) to a code in 1000–9999 outside Twente's
// 7400–7699.
int SyntheticPc4(int n);
inline constexpr int SyntheticPc4Count() { return 9000 - 300; }

}  // namespace sz::synth::internal
