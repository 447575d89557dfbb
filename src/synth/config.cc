#include "synth/config.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>
#include <utility>

#include "sources/contract.h"
#include "synth/messages.h"

namespace sz::synth {
namespace {

using nlohmann::json;

// Line and column (1-based) of byte `byte` (1-based, as json::parse_error::byte counts) in `text`.
std::pair<long, long> LineAndColumn(const std::string& text, size_t byte) {
  const size_t index = std::min(byte == 0 ? 0 : byte - 1, text.size());
  long line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < index; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<long>(index - line_start) + 1};
}

// The JSON parser's explanation without its "[json.exception...] parse error at line 3, column 5: " prefix.
std::string ParserDetail(std::string_view what) {
  if (size_t bracket = what.find("] "); !what.empty() && what.front() == '[' && bracket != std::string_view::npos) {
    what.remove_prefix(bracket + 2);
  }
  if (what.starts_with("parse error")) {
    if (size_t colon = what.find(": "); colon != std::string_view::npos) what.remove_prefix(colon + 2);
  }
  return std::string(what);
}

// Reads optional keys into fields, remembering the first type or range error with its key path.
class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  Status status() const { return status_; }

  void Fail(const std::string& key, const std::string& what) {
    if (status_.ok()) status_ = InvalidArgumentError(msg::Config(Key(key), what));
  }
  std::string Key(const std::string& key) const {
    if (key.empty()) return path_;
    return path_.empty() ? key : path_ + "." + key;
  }

  void Number(const json& object, const std::string& key, double& field, double low = -1e18, double high = 1e18) {
    if (!object.contains(key)) return;
    const json& value = object.at(key);
    if (!value.is_number()) return Fail(key, msg::MustBeNumber());
    double v = value.get<double>();
    if (!(v >= low && v <= high)) return Fail(key, msg::MustBeBetween(low, high, v));
    field = v;
  }
  void Probability(const json& object, const std::string& key, double& field) { Number(object, key, field, 0, 1); }
  void Integer(const json& object, const std::string& key, int& field, int low, int high) {
    double v = field;
    Number(object, key, v, low, high);
    if (std::floor(v) != v) return Fail(key, msg::MustBeWholeNumber());
    field = static_cast<int>(v);
  }
  void Text(const json& object, const std::string& key, std::string& field) {
    if (!object.contains(key)) return;
    if (!object.at(key).is_string()) return Fail(key, msg::MustBeText());
    field = object.at(key).get<std::string>();
  }
  void Weights(const json& object, const std::string& key, std::map<std::string, double>& field) {
    if (!object.contains(key)) return;
    const json& value = object.at(key);
    if (!value.is_object()) return Fail(key, msg::MustBeWeights());
    field.clear();
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!it.value().is_number() || it.value().get<double>() < 0) {
        return Fail(key + "." + it.key(), msg::MustBeNonNegativeNumber());
      }
      field[it.key()] = it.value().get<double>();
    }
  }
  // name → any number (logits may be negative).
  void NumberMap(const json& object, const std::string& key, std::map<std::string, double>& field) {
    if (!object.contains(key)) return;
    const json& value = object.at(key);
    if (!value.is_object()) return Fail(key, msg::MustBeWeights());
    field.clear();
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!it.value().is_number()) return Fail(key + "." + it.key(), msg::MustBeNumber());
      field[it.key()] = it.value().get<double>();
    }
  }
  void Numbers(const json& object, const std::string& key, std::vector<double>& field) {
    if (!object.contains(key)) return;
    const json& value = object.at(key);
    if (!value.is_array()) return Fail(key, msg::MustBeNumberList());
    field.clear();
    for (const json& element : value) {
      if (!element.is_number()) return Fail(key, msg::MustBeNumberList());
      field.push_back(element.get<double>());
    }
  }
  void Texts(const json& object, const std::string& key, std::vector<std::string>& field) {
    if (!object.contains(key)) return;
    const json& value = object.at(key);
    if (!value.is_array()) return Fail(key, msg::MustBeTextList());
    field.clear();
    for (const json& element : value) {
      if (!element.is_string()) return Fail(key, msg::MustBeTextList());
      field.push_back(element.get<std::string>());
    }
  }
  const json& Object(const json& object, const std::string& key) {
    static const json kEmpty = json::object();
    if (!object.contains(key)) return kEmpty;
    if (!object.at(key).is_object()) {
      Fail(key, msg::MustBeObject());
      return kEmpty;
    }
    return object.at(key);
  }
  Reader Sub(const std::string& key) const { return Reader(Key(key)); }
  void Absorb(const Reader& child) {
    if (status_.ok() && !child.status_.ok()) status_ = child.status_;
  }

 private:
  std::string path_;
  Status status_;
};

void ReadPopulation(const json& node, Reader& r, PopulationConfig& p) {
  r.Integer(node, "reference_year", p.reference_year, 1990, 2100);
  r.Weights(node, "gemeenten", p.gemeenten);
  r.Weights(node, "deprivation", p.deprivation);
  if (node.contains("age_band_shares")) {
    std::map<std::string, double> shares;
    r.Weights(node, "age_band_shares", shares);
    // Keep the contract's band order, not the map's.
    p.age_bands.clear();
    p.age_band_ranges.clear();
    p.age_band_shares.clear();
    const sources::SourceContract* bevolking = sources::FindContract("bevolking");
    const sources::ColumnSpec* band_column = bevolking ? bevolking->extract.Find("leeftijdsklasse") : nullptr;
    if (band_column == nullptr) return r.Fail("age_band_shares", msg::ContractWithoutAgeBands());
    for (const std::string& band : band_column->allowed) {
      auto it = shares.find(band);
      if (it == shares.end()) return r.Fail("age_band_shares", msg::MissesAgeBand(band));
      std::optional<AgeRange> range = ParseAgeRange(band);
      if (!range) return r.Fail("age_band_shares." + band, msg::NotAnAgeRange(band));
      p.age_bands.push_back(band);
      p.age_band_ranges.push_back(*range);
      p.age_band_shares.push_back(it->second);
      shares.erase(it);
    }
    if (!shares.empty()) return r.Fail("age_band_shares." + shares.begin()->first, msg::NotAnAgeBandOfTheContract());
    double total = 0;
    for (double share : p.age_band_shares) total += share;
    if (std::abs(total - 1.0) > 0.005) return r.Fail("age_band_shares", msg::MustSumToOne());
  }
  r.Number(node, "persons_per_household", p.persons_per_household, 1.2, 5);
  r.Number(node, "children_per_family", p.children_per_family, 1, 5);
  r.Probability(node, "single_parent_share", p.single_parent_share);
  r.Probability(node, "adult_child_at_home", p.adult_child_at_home);
  r.Probability(node, "male_share", p.male_share);
  r.Number(node, "births_per_1000", p.births_per_1000, 0, 50);
  r.Number(node, "mortality_a", p.mortality_a, 0, 1);
  r.Number(node, "mortality_b", p.mortality_b, 0, 1);
  r.Probability(node, "household_move_rate", p.household_move_rate);
  r.Probability(node, "other_gemeente_share", p.other_gemeente_share);
  r.Probability(node, "leave_home_rate", p.leave_home_rate);
  r.Probability(node, "separation_rate", p.separation_rate);
  r.Probability(node, "partnering_rate", p.partnering_rate);
  r.Weights(node, "origin", p.origin);
  r.Number(node, "vulnerability_sigma", p.vulnerability_sigma, 0, 3);
  r.Number(node, "vulnerability_income_slope", p.vulnerability_income_slope, 0, 3);
}

void ReadIdentityErrors(const json& node, Reader& r, IdentityErrorConfig& e) {
  r.Probability(node, "typo_surname", e.typo_surname);
  r.Probability(node, "typo_given_name", e.typo_given_name);
  r.Probability(node, "swap_day_month", e.swap_day_month);
  r.Probability(node, "birth_date_missing", e.birth_date_missing);
  r.Probability(node, "birth_year_off_by_one", e.birth_year_off_by_one);
  r.Probability(node, "nickname", e.nickname);
  r.Probability(node, "initials_only", e.initials_only);
  r.Probability(node, "first_given_name_only", e.first_given_name_only);
  r.Probability(node, "tussenvoegsel_in_surname", e.tussenvoegsel_in_surname);
  r.Probability(node, "diacritics_stripped", e.diacritics_stripped);
  r.Probability(node, "uppercase_surname", e.uppercase_surname);
  r.Probability(node, "wrong_bsn_typo", e.wrong_bsn_typo);
  r.Probability(node, "wrong_bsn_other_person", e.wrong_bsn_other_person);
  r.Probability(node, "old_address_after_move", e.old_address_after_move);
  r.Probability(node, "postcode_with_space", e.postcode_with_space);
  r.Probability(node, "postcode_missing", e.postcode_missing);
  r.Probability(node, "house_number_missing", e.house_number_missing);
  r.Probability(node, "sex_missing", e.sex_missing);
  r.Probability(node, "sex_letter", e.sex_letter);
}

void ReadDesk(const json& node, Reader& r, DeskConfig& d) {
  r.Number(node, "reports_per_year", d.reports_per_year, 0, 1e9);
  r.Number(node, "trend_per_year", d.trend_per_year, -0.5, 0.5);
  r.Probability(node, "repeat_probability", d.repeat_probability);
  r.Number(node, "repeat_gap_months", d.repeat_gap_months, 0.1, 120);
  r.Probability(node, "bsn_missing", d.bsn_missing);
  r.Probability(node, "toelichting_share", d.toelichting_share);
  r.Number(node, "vulnerability_power", d.vulnerability_power, 0, 5);
  if (node.contains("categories")) {
    const json& categories = r.Object(node, "categories");
    Reader sub = r.Sub("categories");
    for (auto it = categories.begin(); it != categories.end(); ++it) {
      sub.Weights(categories, it.key(), d.categories[it.key()]);
    }
    r.Absorb(sub);
  }
}

void ReadSurvey(const json& node, Reader& r, SurveyConfig& s) {
  std::vector<double> waves;
  r.Numbers(node, "waves", waves);
  if (!waves.empty()) {
    s.waves.clear();
    for (double wave : waves) s.waves.push_back(static_cast<int>(wave));
  }
  r.Number(node, "respondents_per_wave", s.respondents_per_wave, 0, 1e8);
  r.Probability(node, "equal_allocation_share", s.equal_allocation_share);
  if (node.contains("age_strata")) {
    r.Texts(node, "age_strata", s.age_strata);
    s.age_strata_ranges.clear();
    for (const std::string& stratum : s.age_strata) {
      std::optional<AgeRange> range = ParseAgeRange(stratum);
      if (!range) return r.Fail("age_strata", msg::BadAgeStratum(stratum));
      s.age_strata_ranges.push_back(*range);
    }
  }
  r.Numbers(node, "age_strata_oversampling", s.age_strata_oversampling);
  r.Weights(node, "response_by_age", s.response_by_age);
  r.Numbers(node, "response_income_factor", s.response_income_factor);
  r.Probability(node, "item_missing", s.item_missing);
  r.Probability(node, "item_missing_extra_75plus", s.item_missing_extra_75plus);
  r.Probability(node, "income_missing", s.income_missing);
  r.Probability(node, "education_missing", s.education_missing);
  r.Integer(node, "fieldwork_month", s.fieldwork_month, 1, 12);
  if (s.age_strata.size() != s.age_strata_oversampling.size()) {
    r.Fail("age_strata_oversampling", msg::OneNumberPerStratum());
  }
  if (s.response_income_factor.size() != 5) r.Fail("response_income_factor", msg::FiveIncomeFactors());
  if (node.contains("items")) {
    const json& items = r.Object(node, "items");
    s.items.clear();
    for (auto it = items.begin(); it != items.end(); ++it) {
      Reader sub = r.Sub("items." + it.key());
      if (!it.value().is_object()) {
        sub.Fail("", msg::MustBeObject());
        r.Absorb(sub);
        continue;
      }
      SurveyItemConfig item;
      item.name = it.key();
      sub.Probability(it.value(), "prevalence_2020", item.prevalence_2020);
      sub.Number(it.value(), "change_per_year", item.change_per_year, -0.1, 0.1);
      sub.Number(it.value(), "income_slope", item.income_slope, -3, 3);
      sub.Number(it.value(), "female", item.female, -3, 3);
      sub.NumberMap(it.value(), "age", item.age);
      sub.Text(it.value(), "implied_by", item.implied_by);
      r.Absorb(sub);
      s.items.push_back(std::move(item));
    }
  }
}

void ReadCrossDeskClusters(const json& node, Reader& r, CrossDeskClusterConfig& c) {
  r.Number(node, "clusters_per_year", c.clusters_per_year, 0, 1000);
  r.Number(node, "extra_reports_median", c.extra_reports_median, 0, 1e6);
  r.Integer(node, "min_weeks", c.min_weeks, 1, 13);
  r.Integer(node, "max_weeks", c.max_weeks, 1, 13);
  r.Integer(node, "min_desks", c.min_desks, 2, 4);
  r.Integer(node, "max_desks", c.max_desks, 2, 4);
  r.Texts(node, "desks", c.desks);
  if (c.max_weeks < c.min_weeks) r.Fail("max_weeks", msg::AtLeastMinWeeks("min_weeks"));
  if (c.max_desks < c.min_desks) r.Fail("max_desks", msg::AtLeastMinDesks());
}

void ReadInfections(const json& node, Reader& r, InfectionConfig& c) {
  r.Number(node, "outbreaks_per_year", c.outbreaks_per_year, 0, 1000);
  r.Number(node, "outbreak_extra_cases_median", c.outbreak_extra_cases_median, 0, 1e6);
  r.Integer(node, "outbreak_min_weeks", c.outbreak_min_weeks, 1, 52);
  r.Integer(node, "outbreak_max_weeks", c.outbreak_max_weeks, 1, 52);
  r.Weights(node, "outbreak_diseases", c.outbreak_diseases);
  if (c.outbreak_max_weeks < c.outbreak_min_weeks)
    r.Fail("outbreak_max_weeks", msg::AtLeastMinWeeks("outbreak_min_weeks"));
  if (node.contains("diseases")) {
    const json& diseases = r.Object(node, "diseases");
    c.diseases.clear();
    for (auto it = diseases.begin(); it != diseases.end(); ++it) {
      Reader sub = r.Sub("diseases." + it.key());
      DiseaseConfig disease;
      disease.name = it.key();
      if (it.value().is_object()) {
        sub.Number(it.value(), "per_100k_per_year", disease.per_100k_per_year, 0, 1e5);
        sub.Number(it.value(), "seasonal_amplitude", disease.seasonal_amplitude, 0, 1);
        sub.Integer(it.value(), "peak_week", disease.peak_week, 1, 53);
        sub.Number(it.value(), "trend_per_year", disease.trend_per_year, -0.5, 0.5);
        sub.Number(it.value(), "dispersion", disease.dispersion, 0, 1e6);
      } else {
        sub.Fail("", msg::MustBeObject());
      }
      r.Absorb(sub);
      c.diseases.push_back(std::move(disease));
    }
  }
}

}  // namespace

Result<SynthConfig> ParseSynthConfig(const std::string& json_text) {
  json root;
  try {
    root = json::parse(json_text, nullptr, true, true);
  } catch (const json::parse_error& error) {
    const auto [line, column] = LineAndColumn(json_text, error.byte);
    return InvalidArgumentError(msg::NotValidJson(line, column, ParserDetail(error.what())));
  } catch (const json::exception& error) {
    return InvalidArgumentError(msg::NotValidJson(0, 0, ParserDetail(error.what())));
  }
  if (!root.is_object()) return InvalidArgumentError(msg::NotAJsonObject());
  SynthConfig config;
  Reader r("");
  {
    Reader sub = r.Sub("population");
    ReadPopulation(r.Object(root, "population"), sub, config.population);
    r.Absorb(sub);
  }
  {
    Reader sub = r.Sub("identity_errors");
    ReadIdentityErrors(r.Object(root, "identity_errors"), sub, config.identity_errors);
    r.Absorb(sub);
  }
  const json& desks = r.Object(root, "desks");
  for (auto it = desks.begin(); it != desks.end(); ++it) {
    Reader sub = r.Sub("desks." + it.key());
    if (!it.value().is_object()) {
      sub.Fail("", msg::MustBeObject());
    } else {
      ReadDesk(it.value(), sub, config.desks[it.key()]);
    }
    r.Absorb(sub);
  }
  {
    const json& node = r.Object(root, "veilig_thuis");
    Reader sub = r.Sub("veilig_thuis");
    VeiligThuisConfig& vt = config.veilig_thuis;
    sub.Probability(node, "vervolg_probability", vt.vervolg_probability);
    sub.Probability(node, "hermelding_probability", vt.hermelding_probability);
    sub.Number(node, "case_days_melding", vt.case_days_melding, 0, 2000);
    sub.Number(node, "case_days_advies", vt.case_days_advies, 0, 365);
    sub.Number(node, "hermelding_gap_months", vt.hermelding_gap_months, 0.1, 36);
    sub.Probability(node, "same_kind_repeat", vt.same_kind_repeat);
    sub.Weights(node, "geweldsvorm_melding", vt.geweldsvorm_melding);
    sub.Weights(node, "geweldsvorm_advies", vt.geweldsvorm_advies);
    sub.Probability(node, "wonen_verblijf_after_partnergeweld", vt.wonen_verblijf_after_partnergeweld);
    sub.Probability(node, "jeugdhulp_after_kindermishandeling", vt.jeugdhulp_after_kindermishandeling);
    sub.Probability(node, "placement_after_kindermishandeling", vt.placement_after_kindermishandeling);
    if (vt.vervolg_probability + vt.hermelding_probability > 0.98) {
      sub.Fail("hermelding_probability", msg::VervolgPlusHermeldingTooHigh());
    }
    r.Absorb(sub);
  }
  {
    const json& node = r.Object(root, "jeugdhulp");
    Reader sub = r.Sub("jeugdhulp");
    JeugdhulpConfig& j = config.jeugdhulp;
    sub.Probability(node, "reach_share_minors", j.reach_share_minors);
    sub.Probability(node, "placement_share_minors", j.placement_share_minors);
    sub.Number(node, "placements_per_placed_child", j.placements_per_placed_child, 1, 30);
    sub.Number(node, "placement_months", j.placement_months, 0.5, 60);
    sub.Number(node, "trajectory_months", j.trajectory_months, 0.5, 60);
    sub.Number(node, "extra_trajectories", j.extra_trajectories, 0, 10);
    sub.Probability(node, "parent_listed", j.parent_listed);
    sub.Integer(node, "providers", j.providers, 1, 10000);
    r.Absorb(sub);
  }
  {
    const json& node = r.Object(root, "wmo");
    Reader sub = r.Sub("wmo");
    sub.Weights(node, "new_per_1000_by_band", config.wmo.new_per_1000_by_band);
    sub.Weights(node, "duration_months", config.wmo.duration_months);
    sub.Integer(node, "providers", config.wmo.providers, 1, 10000);
    r.Absorb(sub);
  }
  {
    Reader sub = r.Sub("survey");
    ReadSurvey(r.Object(root, "survey"), sub, config.survey);
    r.Absorb(sub);
  }
  {
    Reader sub = r.Sub("infections");
    ReadInfections(r.Object(root, "infections"), sub, config.infections);
    r.Absorb(sub);
  }
  if (root.contains("dwarsverbanden")) {
    Reader sub = r.Sub("dwarsverbanden");
    ReadCrossDeskClusters(r.Object(root, "dwarsverbanden"), sub, config.dwarsverbanden);
    r.Absorb(sub);
  }
  r.Integer(root, "chunk_households", config.chunk_households, 100, 10000000);
  r.Probability(root, "toelichting_with_name", config.toelichting_with_name);
  RETURN_IF_ERROR(r.status());
  if (config.population.gemeenten.empty()) {
    return InvalidArgumentError(msg::Config("population.gemeenten", msg::IsEmpty()));
  }
  if (config.population.age_bands.empty()) {
    return InvalidArgumentError(msg::Config("population.age_band_shares", msg::IsMissing()));
  }
  return config;
}

Result<SynthConfig> LoadSynthConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(msg::CannotOpenConfig(path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError(msg::ReadFailed(path));
  Result<SynthConfig> config = ParseSynthConfig(buffer.str());
  if (!config.ok()) return config.status().WithContext(path);
  return config;
}

Status ValidateSynthConfig(const SynthConfig& config, const RegionTable& regions) {
  for (const auto& [code, inhabitants] : config.population.gemeenten) {
    const Region* region = regions.Find(code);
    if (region == nullptr || region->level != RegionLevel::kGemeente) {
      return InvalidArgumentError(msg::Config("population.gemeenten." + code, msg::NotAGemeenteOfTheRegions()));
    }
  }
  for (const auto& [desk, desk_config] : config.desks) {
    const sources::SourceContract* contract = sources::FindContract(desk);
    if (contract == nullptr || !contract->is_desk) {
      return InvalidArgumentError(msg::Config("desks." + desk, msg::NotADeskSource(sources::ContractNames())));
    }
    for (const auto& [column, weights] : desk_config.categories) {
      const sources::ColumnSpec* spec = contract->records->Find(column);
      if (spec == nullptr) spec = contract->persons->Find(column);
      if (spec == nullptr || spec->type != sources::ColumnType::kCategory) {
        return InvalidArgumentError(
            msg::Config("desks." + desk + ".categories." + column, msg::NotACategoryColumn(desk)));
      }
      for (const auto& [value, weight] : weights) {
        bool allowed = false;
        for (const std::string& candidate : spec->allowed) allowed = allowed || candidate == value;
        if (!allowed) {
          return InvalidArgumentError(msg::Config("desks." + desk + ".categories." + column + "." + value,
                                                  msg::NotAnAllowedValue(desk, column)));
        }
      }
    }
  }
  for (const auto& desk :
       {"veilig_thuis", "zorgwekkend_gedrag", "woningvervuiling", "wonen_verblijf", "jeugdhulp", "wmo"}) {
    if (!config.desks.count(desk)) {
      return InvalidArgumentError(msg::Config(std::string("desks.") + desk, msg::IsMissing()));
    }
  }
  const sources::SourceContract* vt = sources::FindContract("veilig_thuis");
  const sources::ColumnSpec* geweldsvorm = vt->records->Find("geweldsvorm");
  for (const CategoryWeights* weights :
       {&config.veilig_thuis.geweldsvorm_melding, &config.veilig_thuis.geweldsvorm_advies}) {
    for (const auto& [value, weight] : *weights) {
      bool allowed = false;
      for (const std::string& candidate : geweldsvorm->allowed) allowed = allowed || candidate == value;
      if (!allowed) {
        return InvalidArgumentError(msg::Config("veilig_thuis.geweldsvorm_*." + value, msg::NotAnAllowedGeweldsvorm()));
      }
    }
  }
  const sources::SourceContract* monitor = sources::FindContract("gezondheidsmonitor");
  for (const SurveyItemConfig& item : config.survey.items) {
    const sources::ColumnSpec* spec = monitor->extract.Find(item.name);
    if (spec == nullptr || spec->type != sources::ColumnType::kInteger || spec->max != 1.0) {
      return InvalidArgumentError(msg::Config("survey.items." + item.name, msg::NotAZeroOneItem()));
    }
    for (const auto& [band, logit] : item.age) {
      bool known = false;
      for (const std::string& candidate : config.population.age_bands) known = known || candidate == band;
      if (!known)
        return InvalidArgumentError(msg::Config("survey.items." + item.name + ".age." + band, msg::NotAnAgeBand()));
    }
  }
  const CrossDeskClusterConfig& clusters = config.dwarsverbanden;
  for (size_t k = 0; k < clusters.desks.size(); ++k) {
    const std::string& desk = clusters.desks[k];
    bool reporting = desk == "veilig_thuis" || desk == "zorgwekkend_gedrag" || desk == "woningvervuiling" ||
                     desk == "wonen_verblijf";
    if (!reporting) return InvalidArgumentError(msg::Config("dwarsverbanden.desks", msg::NotAReportDesk(desk)));
    for (size_t j = 0; j < k; ++j) {
      if (clusters.desks[j] == desk) {
        return InvalidArgumentError(msg::Config("dwarsverbanden.desks", msg::DeskTwice(desk)));
      }
    }
  }
  if (clusters.clusters_per_year > 0 && static_cast<int>(clusters.desks.size()) < clusters.max_desks) {
    return InvalidArgumentError(msg::Config("dwarsverbanden.max_desks", msg::MoreDesksThanListed()));
  }
  const sources::SourceContract* infections = sources::FindContract("infectieziekten");
  const sources::ColumnSpec* ziekte = infections->extract.Find("ziekte");
  for (const DiseaseConfig& disease : config.infections.diseases) {
    bool allowed = false;
    for (const std::string& candidate : ziekte->allowed) allowed = allowed || candidate == disease.name;
    if (!allowed) {
      return InvalidArgumentError(msg::Config("infections.diseases." + disease.name, msg::NotAnAllowedZiekte()));
    }
  }
  return Status::Ok();
}

}  // namespace sz::synth
