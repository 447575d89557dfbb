#include "synth/internal/geography.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "synth/internal/names.h"
#include "synth/internal/netherlands.h"
#include "synth/internal/rng.h"
#include "synth/messages.h"

namespace sz::synth::internal {
namespace {

constexpr int kFirstPc4 = 7400;
constexpr int kPc4Count = 300;  // 7400–7699
constexpr char kPostcodeLetters[] = "ABCDEGHJKLMNPRSTVWXZ";
constexpr int kLetterCount = 20;
constexpr int kDwellingsPerPostcode = 14;

uint64_t HashText(const std::string& text) {
  uint64_t hash = 1469598103934665603ULL;
  for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return hash;
}

// The n-th usable letter pair (PostNL does not use SA, SD and SS).
std::string LetterPair(int index) {
  int seen = 0;
  for (int first = 0; first < kLetterCount; ++first) {
    for (int second = 0; second < kLetterCount; ++second) {
      std::string pair{kPostcodeLetters[first], kPostcodeLetters[second]};
      if (pair == "SA" || pair == "SD" || pair == "SS") continue;
      if (seen++ == index) return pair;
    }
  }
  return "ZZ";
}
constexpr int kLetterPairs = kLetterCount * kLetterCount - 3;

std::string Woonplaats(const std::string& gemeente, const std::string& wijk) {
  static const char* kCities[] = {"Almelo", "Enschede", "Hengelo", "Oldenzaal", "Borne", "Haaksbergen", "Losser"};
  for (const char* city : kCities) {
    if (gemeente == city && wijk.rfind(gemeente, 0) == 0) return gemeente;
  }
  for (const char* city : kCities) {
    if (gemeente == city && (wijk == "Glanerbrug" || wijk == "Overdinkel" || wijk == "De Lutte" || wijk == "Glane" ||
                             wijk == "Beuningen" || wijk == "Zenderen" || wijk == "Hertme" || wijk == "Buurse")) {
      return wijk;
    }
  }
  for (const char* city : kCities) {
    if (gemeente == city) return gemeente;
  }
  // Village gemeenten: the wijk is named after its village ("Rijssen Centrum" → "Rijssen").
  for (const char* suffix : {" Centrum", " Noord", " Zuid", " Oost", " West"}) {
    std::string s(suffix);
    if (wijk.size() > s.size() && wijk.compare(wijk.size() - s.size(), s.size(), s) == 0) {
      return wijk.substr(0, wijk.size() - s.size());
    }
  }
  return wijk;
}

uint64_t Gcd(uint64_t a, uint64_t b) {
  while (b != 0) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

}  // namespace

int Geography::BuurtOf(int gemeente, uint64_t dwelling) const {
  const GemeenteGeo& g = gemeenten[gemeente];
  uint64_t count = g.postcodes.size();
  uint64_t local = ((dwelling % count) * g.stride) % count;
  return postcodes[g.postcodes[local]].buurt;
}

DwellingAddress Geography::Address(int gemeente, uint64_t dwelling) const {
  const GemeenteGeo& g = gemeenten[gemeente];
  uint64_t count = g.postcodes.size();
  uint64_t local = ((dwelling % count) * g.stride) % count;
  uint64_t slot = dwelling / count;
  DwellingAddress address;
  address.postcode = g.postcodes[local];
  const PostcodeGeo& pc = postcodes[address.postcode];
  switch (pc.addition_style) {
    case 0: address.house_number = pc.first_number + 2 * static_cast<int>(slot); break;
    case 1: {
      static const char* kLetters[] = {"A", "B", "C", "D", "E", "F"};
      address.house_number = pc.first_number + 2 * static_cast<int>(slot / 6);
      address.addition = kLetters[slot % 6];
      break;
    }
    default:
      address.house_number = pc.first_number + 2 * static_cast<int>(slot / 4);
      address.addition = std::to_string(1 + slot % 4);
      break;
  }
  return address;
}

Result<Geography> BuildGeography(const SynthConfig& config, const RegionTable& regions, double scale, int years,
                                 const std::set<std::string>& synthetic) {
  Geography geo;
  const PopulationConfig& pop = config.population;
  // Gemeenten in region-file order, restricted to the configured ones.
  double total_population = 0;
  for (const Region* region : regions.AtLevel(RegionLevel::kGemeente)) {
    auto it = pop.gemeenten.find(region->code);
    if (it == pop.gemeenten.end()) continue;
    GemeenteGeo g;
    g.code = region->code;
    g.name = region->name;
    g.population = it->second * scale;
    auto dep = pop.deprivation.find(region->code);
    g.deprivation = dep == pop.deprivation.end() ? 1.0 : dep->second;
    int gemeente_index = static_cast<int>(geo.gemeenten.size());
    for (const Region* wijk : regions.Children(region->code)) {
      if (wijk->level != RegionLevel::kWijk) continue;
      int wijk_index = static_cast<int>(geo.wijken.size());
      // A synthetic gemeente is one town: its wijken ("Zandloo Noord") lie in the woonplaats of its name.
      std::string woonplaats = synthetic.count(region->code) != 0 ? region->name : Woonplaats(region->name, wijk->name);
      geo.wijken.push_back({wijk->code, wijk->name, gemeente_index, std::move(woonplaats)});
      g.wijken.push_back(wijk_index);
      for (const Region* buurt : regions.Children(wijk->code)) {
        if (buurt->level != RegionLevel::kBuurt) continue;
        double weight = 0.4 + static_cast<double>(MixHash(HashText(buurt->code)) >> 11) * 0x1.0p-53;
        geo.buurten.push_back({buurt->code, wijk_index, weight});
      }
    }
    if (g.wijken.empty()) return DataError(msg::GemeenteWithoutWijken(g.code));
    total_population += g.population;
    geo.gemeenten.push_back(std::move(g));
  }
  if (geo.gemeenten.empty()) return DataError(msg::NoConfiguredGemeente());
  for (const auto& [code, inhabitants] : pop.gemeenten) {
    bool found = false;
    for (const GemeenteGeo& g : geo.gemeenten) found = found || g.code == code;
    if (!found) return DataError(msg::ConfiguredGemeenteMissing(code));
  }
  std::vector<int> buurten_per_wijk(geo.wijken.size(), 0);
  for (const BuurtGeo& b : geo.buurten) ++buurten_per_wijk[b.wijk];
  for (size_t w = 0; w < geo.wijken.size(); ++w) {
    // Persons live in buurten: a wijk without one cannot be populated.
    if (buurten_per_wijk[w] == 0) return DataError(msg::WijkWithoutBuurten(geo.wijken[w].code));
  }
  // Deprivation normalised to a population-weighted mean of 1.
  double weighted = 0;
  for (const GemeenteGeo& g : geo.gemeenten) weighted += g.population * g.deprivation;
  for (GemeenteGeo& g : geo.gemeenten) g.deprivation *= total_population / weighted;

  // Chunks and dwelling pools.
  double persons_per_chunk = config.chunk_households * pop.persons_per_household;
  for (size_t gi = 0; gi < geo.gemeenten.size(); ++gi) {
    GemeenteGeo& g = geo.gemeenten[gi];
    int64_t target = std::llround(g.population);
    g.chunks = std::max<int>(1, static_cast<int>(std::ceil(static_cast<double>(target) / persons_per_chunk)));
    g.first_chunk = static_cast<int>(geo.chunks.size());
    for (int c = 0; c < g.chunks; ++c) {
      int64_t persons = target / g.chunks + (c < target % g.chunks ? 1 : 0);
      geo.chunks.push_back({static_cast<int>(gi), c, persons});
    }
  }
  double move_share = (pop.household_move_rate + 0.05) * pop.other_gemeente_share;
  for (size_t gi = 0; gi < geo.gemeenten.size(); ++gi) {
    GemeenteGeo& g = geo.gemeenten[gi];
    uint64_t next = 0;
    for (int c = 0; c < g.chunks; ++c) {
      double households = geo.chunks[g.first_chunk + c].persons / pop.persons_per_household;
      uint64_t size = static_cast<uint64_t>(std::ceil(households * (1.3 + 0.04 * years))) + 16;
      g.home_start.push_back(next);
      g.home_size.push_back(size);
      next += size;
    }
    g.incoming_start.assign(geo.chunks.size(), 0);
    g.incoming_size.assign(geo.chunks.size(), 0);
    for (size_t chunk = 0; chunk < geo.chunks.size(); ++chunk) {
      const ChunkPlan& plan = geo.chunks[chunk];
      if (plan.gemeente == static_cast<int>(gi)) continue;
      double share = g.population / (total_population - geo.gemeenten[plan.gemeente].population);
      double expected = plan.persons / pop.persons_per_household * years * move_share * share;
      uint64_t size = static_cast<uint64_t>(std::ceil(expected * 2.5)) + 4;
      g.incoming_start[chunk] = next;
      g.incoming_size[chunk] = size;
      next += size;
    }
    g.dwellings = next;
  }

  // PC4 ranges per gemeente: the configured (Twente) gemeenten share 7400–7699 in proportion to their
  // population; synthetic gemeenten take the rest of 1000–9999 at the Netherlands' density (one PC4 per
  // ≈ 4,400 inhabitants), at least one per wijk while the range lasts. Postcodes per buurt follow the
  // buurt's weight.
  std::vector<bool> is_synthetic(geo.gemeenten.size(), false);
  double twente_population = 0;
  for (size_t gi = 0; gi < geo.gemeenten.size(); ++gi) {
    is_synthetic[gi] = synthetic.count(geo.gemeenten[gi].code) != 0;
    if (!is_synthetic[gi]) twente_population += geo.gemeenten[gi].population;
  }
  std::vector<int> pc4_count(geo.gemeenten.size());
  int pc4_total = 0;
  int64_t synthetic_wanted = 0;
  for (size_t gi = 0; gi < geo.gemeenten.size(); ++gi) {
    const int wijken = static_cast<int>(geo.gemeenten[gi].wijken.size());
    if (is_synthetic[gi]) {
      pc4_count[gi] =
          std::max<int>(wijken, static_cast<int>(std::lround(geo.gemeenten[gi].population / kInhabitantsPerPc4)));
      synthetic_wanted += pc4_count[gi];
      continue;
    }
    pc4_count[gi] = std::max<int>(
        wijken, static_cast<int>(std::floor(kPc4Count * geo.gemeenten[gi].population / twente_population)));
    pc4_total += pc4_count[gi];
  }
  if (pc4_total > kPc4Count) return DataError(msg::TooManyWijken());
  if (synthetic_wanted > SyntheticPc4Count()) {  // very large scales: PC4 areas grow beyond one wijk
    int64_t synthetic_total = 0;
    for (size_t gi = 0; gi < geo.gemeenten.size(); ++gi) {
      if (!is_synthetic[gi]) continue;
      pc4_count[gi] = std::max<int>(
          1, static_cast<int>(static_cast<int64_t>(pc4_count[gi]) * SyntheticPc4Count() / synthetic_wanted));
      synthetic_total += pc4_count[gi];
    }
    if (synthetic_total > SyntheticPc4Count()) return DataError(msg::TooManyWijken());
  }
  int pc4_next = kFirstPc4;
  int synthetic_pc4_next = 0;
  for (size_t gi = 0; gi < geo.gemeenten.size(); ++gi) {
    GemeenteGeo& g = geo.gemeenten[gi];
    int& next_pc4 = is_synthetic[gi] ? synthetic_pc4_next : pc4_next;
    uint64_t per_postcode = std::max<uint64_t>(kDwellingsPerPostcode,
                                               (g.dwellings + static_cast<uint64_t>(pc4_count[gi]) * kLetterPairs - 1) /
                                                   (static_cast<uint64_t>(pc4_count[gi]) * kLetterPairs));
    uint64_t postcode_count = std::max<uint64_t>(1, (g.dwellings + per_postcode - 1) / per_postcode);
    std::vector<int> buurt_indices;
    double weight_total = 0;
    for (size_t b = 0; b < geo.buurten.size(); ++b) {
      if (geo.wijken[geo.buurten[b].wijk].gemeente == static_cast<int>(gi)) {
        buurt_indices.push_back(static_cast<int>(b));
        weight_total += geo.buurten[b].weight;
      }
    }
    postcode_count = std::max<uint64_t>(postcode_count, buurt_indices.size());
    // Largest-remainder allocation, at least one postcode per buurt.
    std::vector<uint64_t> per_buurt(buurt_indices.size(), 1);
    uint64_t assigned = buurt_indices.size();
    std::vector<std::pair<double, size_t>> remainders;
    for (size_t k = 0; k < buurt_indices.size(); ++k) {
      double exact = (postcode_count - buurt_indices.size()) * geo.buurten[buurt_indices[k]].weight / weight_total;
      uint64_t whole = static_cast<uint64_t>(std::floor(exact));
      per_buurt[k] += whole;
      assigned += whole;
      remainders.push_back({exact - whole, k});
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (size_t r = 0; assigned < postcode_count && r < remainders.size(); ++r, ++assigned)
      ++per_buurt[remainders[r].second];
    uint64_t index = 0;
    for (size_t k = 0; k < buurt_indices.size(); ++k) {
      for (uint64_t n = 0; n < per_buurt[k]; ++n, ++index) {
        const int local_pc4 = static_cast<int>(index * pc4_count[gi] / postcode_count);
        const int pc4 = is_synthetic[gi] ? SyntheticPc4(next_pc4 + local_pc4) : next_pc4 + local_pc4;
        // Letter index within its PC4: count of earlier postcodes with the same PC4.
        uint64_t first_in_pc4 = (local_pc4 * postcode_count + pc4_count[gi] - 1) / pc4_count[gi];
        int letters = static_cast<int>(index - first_in_pc4);
        uint64_t hash = MixHash(HashText(g.code), index);
        PostcodeGeo pc;
        pc.code = std::to_string(pc4) + LetterPair(letters % kLetterPairs);
        pc.buurt = buurt_indices[k];
        pc.street = static_cast<uint16_t>(hash % StreetCount());
        pc.first_number = static_cast<uint16_t>(1 + 2 * ((hash >> 16) % 40));
        uint64_t style = (hash >> 32) % 100;
        pc.addition_style = style < 12 ? 1 : (style < 18 ? 2 : 0);
        g.postcodes.push_back(static_cast<int>(geo.postcodes.size()));
        geo.postcodes.push_back(std::move(pc));
      }
    }
    next_pc4 += pc4_count[gi];
    // A stride coprime with the postcode count spreads consecutive dwellings over the gemeente.
    uint64_t count = g.postcodes.size();
    uint64_t stride = std::max<uint64_t>(1, static_cast<uint64_t>(count * 0.6180339887)) | 1;
    while (count > 1 && Gcd(stride, count) != 1) ++stride;
    g.stride = count > 1 ? stride % count : 1;
    if (g.stride == 0) g.stride = 1;
  }
  return geo;
}

}  // namespace sz::synth::internal
