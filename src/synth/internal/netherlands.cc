#include "synth/internal/netherlands.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

#include "synth/internal/rng.h"
#include "synth/messages.h"

namespace sz::synth::internal {
namespace {

// Place-name parts for synthetic gemeenten ("Oosterveen", "Zandloo"): 30 × 30 = 900 names, more
// than the ≈ 1,250 gemeenten of scale 100 need only with a numeral, which the caller adds.
constexpr std::array<std::string_view, 30> kPlacePrefixes = {
    "Ooster", "Wester", "Noorder", "Zuider", "Hooge", "Lage",   "Nieuw",  "Oud",   "Groot", "Klein",
    "Zand",   "Veen",   "Heide",   "Eiken",  "Linde", "Berken", "Wilgen", "Beuke", "Molen", "Kerk",
    "Brug",   "Water",  "Riet",    "Leem",   "Klei",  "Hazel",  "Essen",  "Mos",   "Vlas",  "Haver"};
constexpr std::array<std::string_view, 30> kPlaceRoots = {
    "veen",  "wolde", "horst", "dam",   "dijk",  "broek", "hoven", "loo",  "donk",  "rade",
    "beek",  "meer",  "zijl",  "wijk",  "dorp",  "hem",   "ingen", "burg", "stede", "mond",
    "haven", "zand",  "berg",  "voort", "sloot", "wier",  "hout",  "lo",   "recht", "vliet"};
constexpr std::array<std::string_view, 5> kQuarters = {"Centrum", "Noord", "Oost", "Zuid", "West"};
constexpr std::array<std::string_view, 12> kDistricts = {"Noordoost",  "Zuidoost",     "Zuidwest", "Noordwest",
                                                         "Binnenstad", "Buitengebied", "Haven",    "Park",
                                                         "Es",         "Kamp",         "Brink",    "Heide"};

constexpr double kMedianGemeente = 28000;  // the Netherlands: median ≈ 28,000, mean ≈ 52,000
constexpr double kGemeenteSigma = 1.0;
constexpr double kMinGemeente = 1000;    // Schiermonnikoog ≈ 950, Vlieland ≈ 1,200
constexpr double kMaxGemeente = 930000;  // Amsterdam

std::string Code(std::string_view prefix, int number, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%0*d", digits, number);
  return std::string(prefix) + buffer;
}

std::string WijkName(const std::string& gemeente, int k) {
  if (k < static_cast<int>(kQuarters.size())) return gemeente + " " + std::string(kQuarters[k]);
  int d = k - static_cast<int>(kQuarters.size());
  if (d < static_cast<int>(kDistricts.size())) return gemeente + " " + std::string(kDistricts[d]);
  return gemeente + " Wijk " + std::to_string(k);
}

}  // namespace

int SyntheticPc4(int n) { return n < 6400 ? 1000 + n : 7700 + (n - 6400); }

Result<NationalPlan> ExtendToNetherlands(const SynthConfig& config, const RegionTable& regions, double scale) {
  if (!(scale > 1)) return InvalidArgumentError(msg::BadScale());
  const std::vector<const Region*> regio = regions.AtLevel(RegionLevel::kRegio);
  if (regio.empty()) return DataError(msg::NoRegioForNetherlands());
  NationalPlan plan;
  plan.config = config;
  for (const auto& [code, inhabitants] : config.population.gemeenten) plan.twente_population += inhabitants;

  // The input table, level by level (parents precede children), the first regio renamed.
  for (RegionLevel level :
       {RegionLevel::kLand, RegionLevel::kRegio, RegionLevel::kGemeente, RegionLevel::kWijk, RegionLevel::kBuurt}) {
    for (const Region* region : regions.AtLevel(level)) {
      Region copy = *region;
      if (region == regio.front()) copy.name = "Synthetisch Nederland";
      RETURN_IF_ERROR(plan.regions.Add(std::move(copy)));
    }
  }

  // Gemeente sizes: log-normal like the Netherlands' 342, until the population is placed. A fixed
  // stream (not the seed): the regions depend on the scale only.
  Rng rng = Rng::Derive(0x4E4C, 0x6D);
  double remaining = plan.twente_population * (scale - 1);
  std::vector<double> sizes;
  while (remaining > 0) {
    double size = std::clamp(rng.LogNormal(kMedianGemeente, kGemeenteSigma), kMinGemeente, kMaxGemeente);
    if (remaining - size < kMinGemeente) {
      if (remaining >= kMinGemeente || sizes.empty()) {
        sizes.push_back(remaining);
      } else {
        sizes.back() += remaining;
      }
      break;
    }
    sizes.push_back(size);
    remaining -= size;
  }
  if (kFirstSyntheticGemeente + static_cast<int>(sizes.size()) > 9999)
    return InvalidArgumentError(msg::TooManyGemeenten());

  std::set<std::string> names;
  for (const Region* gemeente : regions.AtLevel(RegionLevel::kGemeente)) names.insert(gemeente->name);
  for (size_t g = 0; g < sizes.size(); ++g) {
    const int number = kFirstSyntheticGemeente + static_cast<int>(g);
    std::string name;
    for (int attempt = 0; name.empty() || names.count(name) != 0; ++attempt) {
      name = std::string(kPlacePrefixes[rng.Below(kPlacePrefixes.size())]) +
             std::string(kPlaceRoots[rng.Below(kPlaceRoots.size())]);
      if (attempt >= 20) name += " " + std::to_string(attempt - 18);
    }
    names.insert(name);
    const std::string code = Code("GM", number, 4);
    RETURN_IF_ERROR(plan.regions.Add({code, name, RegionLevel::kGemeente, regio.front()->code}));
    const int wijken =
        std::clamp(static_cast<int>(std::lround(sizes[g] / kInhabitantsPerWijk)), 1, kMaxWijkenPerGemeente);
    for (int w = 0; w < wijken; ++w) {
      const std::string wijk_code = Code("WK", number * 100 + w, 6);
      const std::string wijk_name = WijkName(name, w);
      RETURN_IF_ERROR(plan.regions.Add({wijk_code, wijk_name, RegionLevel::kWijk, code}));
      const int buurten = 1 + static_cast<int>(MixHash(static_cast<uint64_t>(number), static_cast<uint64_t>(w)) % 8);
      for (int b = 0; b < buurten; ++b) {
        RETURN_IF_ERROR(
            plan.regions.Add({Code("BU", (number * 100 + w) * 100 + b, 8),
                              wijk_name + " buurt " + std::to_string(b + 1), RegionLevel::kBuurt, wijk_code}));
      }
    }
    plan.config.population.gemeenten[code] = sizes[g];
    plan.config.population.deprivation[code] = std::exp(0.2 * rng.Normal());
    plan.synthetic.insert(code);
  }
  return plan;
}

}  // namespace sz::synth::internal
