// The shared state of one generation run: options, configuration, geography, derived parameters,
// and the accumulators that outlive a chunk (population counts, survey respondents, summary
// figures). Chunk-level data (persons, households, desk records) lives in chunk.h.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "sources/contract.h"
#include "synth/config.h"
#include "synth/internal/geography.h"
#include "synth/internal/names.h"

namespace sz::synth::internal {

inline constexpr int32_t kNever = INT32_MAX;

// Desks in the order they are simulated within a year (triggers only point forward).
enum Desk : int { kVeiligThuis = 0, kZorgwekkend, kWoningvervuiling, kWonenVerblijf, kJeugdhulp, kWmo, kDeskCount };
const char* DeskName(int desk);
const char* DeskIdPrefix(int desk);

struct SurveyRespondent {
  uint32_t person_hash;  // for a stable order only
  uint16_t wave;         // year
  uint16_t gemeente;
  uint16_t wijk;
  uint8_t stratum;  // age stratum index
  uint8_t age;
  bool female;
  int8_t education;              // 0 laag, 1 midden, 2 hoog, −1 missing
  int8_t income;                 // 1..5, −1 missing
  int8_t true_income;            // 1..5 (for the summary's gradients)
  std::array<int8_t, 16> items;  // −1 missing
};

struct Params {
  // Households at the start.
  double family_share = 0.23;                     // households with minors
  double single_share = 0.3;                      // of other households: one adult
  std::vector<double> minor_age_weights;          // per year of age 0..17
  std::vector<double> parent_free_adult_weights;  // per year of age 18..104 for non-family adults
  double wmo_vulnerability_mean = 1;
  // Desk volumes per person per year at scale 1 (reference year), and within-year repeat fractions.
  std::array<double, kDeskCount> rate_per_person{};
  std::array<double, kDeskCount> within_year_fraction{};
  // Survey: inclusion probability per [wave][gemeente][stratum], item intercepts per [wave][item].
  std::vector<std::vector<std::vector<double>>> inclusion;
  std::vector<std::vector<double>> item_intercept;
  std::vector<int> item_column;                // item index → index among contract columns of the monitor
  std::vector<int> item_parent;                // item index of the implying item, or −1
  std::vector<int> item_order;                 // children before parents
  std::vector<int> stratum_low, stratum_high;  // ages
};

struct Accumulators {
  // bevolking: [year offset][wijk][band][sex]
  std::vector<std::vector<std::array<std::array<int64_t, 2>, 9>>> population;
  // survey eligible counts [wave][gemeente][stratum] and sampled counts
  std::vector<std::vector<std::vector<int64_t>>> survey_population, survey_sampled;
  std::vector<std::vector<SurveyRespondent>> respondents;  // per wave
  // desks: realised records per [desk][year offset]
  std::array<std::vector<int64_t>, kDeskCount> desk_records;
  std::vector<int64_t> vt_meldingen, vt_adviezen;
  // VT classes per year offset: vervolg, hermelding, nieuw; known at another desk (person, household)
  std::vector<std::array<int64_t, 5>> vt_classes;
  // jeugdhulp per year: minors at 1 Jan, minors reached, minors placed
  std::vector<std::array<int64_t, 3>> jeugd;
  int64_t placement_careers_completed = 0, placements_in_completed_careers = 0;
  int64_t placement_careers = 0, placements = 0;
  // wmo per year: persons 75+ at 1 Jan, of whom with a provision during the year
  std::vector<std::array<int64_t, 2>> wmo75;
  // households at ≥2 desks within a calendar year: [year] {households with any record, with ≥2 desks}
  std::vector<std::array<int64_t, 2>> overlap;
  // identity error tags → count; betrokkenen rows
  std::map<std::string, int64_t> identity_errors;
  int64_t betrokkenen_rows = 0;
  int64_t households_start = 0, persons_start = 0;
  int64_t births = 0, deaths = 0, household_moves = 0, moves_between_gemeenten = 0;
  int64_t persons_total = 0;
  int64_t shared_addresses = 0;
};

// An injected dwarsverband (config `dwarsverbanden`): planned once before the chunks
// (crossdesk_clusters.h), realised by the chunks of its gemeente (desks.cc), listed in the truth.
struct CrossDeskCluster {
  int gemeente = 0;                       // index into Geography::gemeenten
  int wijk = 0;                           // index into Geography::wijken
  std::vector<int> desks;                 // Desk values, increasing
  int32_t first_day = 0, last_day = 0;    // Monday of the first ISO week, Sunday of the last
  std::vector<std::vector<int>> planned;  // [index into desks][local chunk of the gemeente]: extra reports
  int64_t realised = 0;                   // extra reports made (a report needs a household living there)
};

struct Model {
  const SynthConfig* config = nullptr;
  const Geography* geography = nullptr;
  uint64_t seed = 0;
  double scale = 1;
  // Desk volumes are configured per inhabitant of Twente at scale 1: this is that population.
  double reference_population = 0;
  // Injected outbreaks and dwarsverbanden: their size and their number relative to the configuration.
  // Scaling Twente's gemeenten makes each event larger (size × scale); a synthetic Netherlands has more
  // gemeenten of real size, so more events of the same size (count × scale).
  double event_size_scale = 1;
  double event_count_scale = 1;
  int first_year = 2016, last_year = 2025;
  Date end_date;
  int32_t start_day = 0, end_day = 0;
  std::array<const sources::SourceContract*, kDeskCount> contracts{};
  std::array<double, kOriginCount> origin_weights{};
  Params params;
  Accumulators acc;
  std::vector<CrossDeskCluster> crossdesk_clusters;
  uint64_t next_person_id = 1, next_household_id = 1;
  std::array<std::map<int, int64_t>, kDeskCount> next_record_number;  // per desk per year

  int years() const { return last_year - first_year + 1; }
  int AgeBand(int age) const;  // index into config->population.age_bands
};

int AgeAt(int32_t birth_day, int32_t day);
int32_t DayOf(int year, int month, int day);
// The same calendar day `years` earlier (29 February → 28 February).
int32_t YearsBefore(int32_t day, int years);

}  // namespace sz::synth::internal
