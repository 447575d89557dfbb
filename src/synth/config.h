// SynthConfig: every parameter of the synthetic Twente, loaded from one documented JSON file
// (config/synthetic-twente.json; keys explained in docs/synthetic-twente.md). Comments are allowed
// in the file. Defaults follow DOMAIN.md §2 and §9; a scenario is changed by editing the file and
// passing it with `samenzicht generate --config FILE`.
//
//   ASSIGN_OR_RETURN(SynthConfig config, LoadSynthConfig("config/synthetic-twente.json"));
//   config.desks.at("veilig_thuis").reports_per_year;   // 8500 (Twente, scale 1)
//
// Loading checks types and ranges (kInvalidArgument naming the key) and parses the age bands and
// age strata once (AgeRange; a bad band is an error naming the key, never an exception); whether category values and
// gemeente codes exist in the contracts and the region table is checked by ValidateSynthConfig.
// Thread safety: plain values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/age_span.h"
#include "core/region.h"
#include "core/status.h"

namespace sz::synth {

// value → relative weight (need not sum to 1)
using CategoryWeights = std::map<std::string, double>;

// An age band as the configuration and the bevolking contract write it: "0-3" (ages 0 to 3) or
// "85+" (85 and older, no `high`): core/age_span.h, the one parser for age bands.
using AgeRange = ::sz::AgeSpan;
inline std::optional<AgeRange> ParseAgeRange(std::string_view text) { return ParseAgeSpan(text); }

struct PopulationConfig {
  int reference_year = 2023;                  // the year the gemeente sizes refer to (1 January)
  std::map<std::string, double> gemeenten;    // GM code → inhabitants at scale 1
  std::map<std::string, double> deprivation;  // GM code → relative deprivation (1 = Twente average)
  std::vector<std::string> age_bands;         // bevolking contract bands, in order
  std::vector<AgeRange> age_band_ranges;      // same order, parsed from age_bands when loading
  std::vector<double> age_band_shares;        // same order, sums to 1
  double persons_per_household = 2.2;
  double children_per_family = 1.85;  // mean number of minors in a household with minors
  double single_parent_share = 0.18;  // of households with minors
  double adult_child_at_home = 0.35;  // probability a family household has a child 18–24 at home
  double male_share = 0.497;
  double births_per_1000 = 9.5;
  double mortality_a = 2.0e-5;  // Gompertz q(age) = a·exp(b·age)
  double mortality_b = 0.098;
  double household_move_rate = 0.08;         // per household per year
  double other_gemeente_share = 0.25;        // of moves, to another Twente gemeente
  double leave_home_rate = 0.12;             // per person 18–29 living with parents, per year
  double separation_rate = 0.012;            // per couple per year
  double partnering_rate = 0.04;             // per single adult 20–50 per year
  CategoryWeights origin;                    // name pools: nl, tr, ma, de, pl, other
  double vulnerability_sigma = 0.9;          // spread of the household's latent vulnerability (log scale)
  double vulnerability_income_slope = 0.35;  // log-vulnerability per income quintile below 3
};

struct IdentityErrorConfig {
  double typo_surname = 0.03;
  double typo_given_name = 0.03;
  double swap_day_month = 0.01;
  double birth_date_missing = 0.02;
  double birth_year_off_by_one = 0.005;
  double nickname = 0.10;  // roepnaam/nickname instead of official given names
  double initials_only = 0.06;
  double first_given_name_only = 0.25;
  double tussenvoegsel_in_surname = 0.15;  // of persons with a tussenvoegsel
  double diacritics_stripped = 0.35;       // of names with diacritics
  double uppercase_surname = 0.04;
  double wrong_bsn_typo = 0.008;
  double wrong_bsn_other_person = 0.003;
  double old_address_after_move = 0.30;  // within a year of a move
  double postcode_with_space = 0.10;
  double postcode_missing = 0.03;
  double house_number_missing = 0.02;
  double sex_missing = 0.02;
  double sex_letter = 0.15;  // M/V instead of man/vrouw
};

struct DeskConfig {
  double reports_per_year = 0;    // Twente at scale 1 (veilig_thuis: adviezen + meldingen)
  double trend_per_year = 0;      // relative change per year after reference_year
  double repeat_probability = 0;  // probability a report is followed by another about the same household
  double repeat_gap_months = 6;   // mean gap to that next report
  double bsn_missing = 0.4;
  double toelichting_share = 0.15;                    // records with free text
  double vulnerability_power = 1.0;                   // how strongly the household's vulnerability drives selection
  std::map<std::string, CategoryWeights> categories;  // column → value → weight
};

struct VeiligThuisConfig {
  double vervolg_probability = 0.27;                 // a report spawns a next report while the case is open
  double hermelding_probability = 0.36;              // … or after the case closed, within 3 years
  double case_days_melding = 110;                    // median days a melding stays open
  double case_days_advies = 4;                       // median days an advies stays open
  double hermelding_gap_months = 11;                 // mean months from closing to the hermelding
  double same_kind_repeat = 0.7;                     // a repeat report keeps the violence type
  CategoryWeights geweldsvorm_melding;               // geweldsvorm among meldingen
  CategoryWeights geweldsvorm_advies;                // … among adviezen
  double wonen_verblijf_after_partnergeweld = 0.06;  // vrouwenopvang application after a partnergeweld melding
  double jeugdhulp_after_kindermishandeling = 0.30;  // youth-care trajectory after a child-abuse melding
  double placement_after_kindermishandeling = 0.04;  // placement career after a child-abuse melding
};

struct JeugdhulpConfig {
  double reach_share_minors = 0.10;      // minors with a trajectory in a year
  double placement_share_minors = 0.01;  // minors in an out-of-home placement in a year
  double placements_per_placed_child = 7.5;
  double placement_months = 4.5;     // mean length of one placement trajectory
  double trajectory_months = 9;      // median length of a non-placement trajectory
  double extra_trajectories = 0.35;  // mean extra consecutive trajectories per episode
  double parent_listed = 0.75;       // a parent is registered as betrokkene
  int providers = 60;                // distinct provider codes
};

struct WmoConfig {
  std::map<std::string, double> new_per_1000_by_band;  // bevolking age band → new provisions per 1,000 per year
  std::map<std::string, double> duration_months;       // soort → median duration
  int providers = 80;
};

struct SurveyItemConfig {
  std::string name;                   // gezondheidsmonitor column
  double prevalence_2020 = 0;         // adults 18+, Twente
  double change_per_year = 0;         // absolute change per year from 2020
  double income_slope = 0;            // logit per income quintile above 3
  double female = 0;                  // logit for women
  std::map<std::string, double> age;  // bevolking age band → logit
  std::string implied_by;             // an item that implies this one (ernstig_eenzaam → eenzaam)
};

struct SurveyConfig {
  std::vector<int> waves;                   // 2016, 2020, 2022, 2024
  double respondents_per_wave = 25000;      // Twente at scale 1
  double equal_allocation_share = 0.5;      // of the sample spread equally over gemeenten (rest proportional)
  std::vector<std::string> age_strata;      // e.g. 18-64, 65-74, 75+
  std::vector<AgeRange> age_strata_ranges;  // same order, parsed from age_strata when loading
  std::vector<double> age_strata_oversampling;
  std::map<std::string, double> response_by_age;  // bevolking age band → response probability
  std::vector<double> response_income_factor;     // per quintile 1..5
  double item_missing = 0.03;
  double item_missing_extra_75plus = 0.03;
  double income_missing = 0.08;
  double education_missing = 0.02;
  int fieldwork_month = 10;
  std::vector<SurveyItemConfig> items;
};

struct DiseaseConfig {
  std::string name;
  double per_100k_per_year = 1;
  double seasonal_amplitude = 0;  // relative, 0 = flat
  int peak_week = 30;
  double trend_per_year = 0;  // relative
  double dispersion = 5;      // negative-binomial k (0 = Poisson)
};

struct InfectionConfig {
  std::vector<DiseaseConfig> diseases;
  double outbreaks_per_year = 6;
  double outbreak_extra_cases_median = 12;  // at scale 1
  int outbreak_min_weeks = 2;
  int outbreak_max_weeks = 6;
  CategoryWeights outbreak_diseases;
};

// Injected dwarsverbanden: clusters where two or three desks rise together in one wijk for some weeks
// (docs/synthetic-twente.md, "Dwarsverbanden"); listed in truth/dwarsverbanden.csv.
struct CrossDeskClusterConfig {
  double clusters_per_year = 3;      // 0 switches the injection off
  double extra_reports_median = 6;   // extra reports per desk per cluster, at scale 1
  int min_weeks = 3, max_weeks = 8;  // the cluster's length in ISO weeks
  int min_desks = 2, max_desks = 3;  // how many of `desks` rise together
  std::vector<std::string> desks = {"zorgwekkend_gedrag", "woningvervuiling", "wonen_verblijf"};
};

struct SynthConfig {
  PopulationConfig population;
  IdentityErrorConfig identity_errors;
  std::map<std::string, DeskConfig> desks;  // per desk source name
  VeiligThuisConfig veilig_thuis;
  JeugdhulpConfig jeugdhulp;
  WmoConfig wmo;
  SurveyConfig survey;
  InfectionConfig infections;
  CrossDeskClusterConfig dwarsverbanden;
  int chunk_households = 2000;         // households simulated together (memory bound)
  double toelichting_with_name = 0.3;  // free texts that mention a name (leak tests)
};

// Parses the JSON text (comments allowed). Errors are kInvalidArgument with the key path.
Result<SynthConfig> ParseSynthConfig(const std::string& json_text);
// Reads and parses a file (kNotFound / kIoError when it cannot be read).
Result<SynthConfig> LoadSynthConfig(const std::string& path);
// Checks the configuration against the source contracts (category values, desk names) and the region
// table (gemeente codes). Errors are kInvalidArgument and name the offending key and value.
Status ValidateSynthConfig(const SynthConfig& config, const RegionTable& regions);

}  // namespace sz::synth
