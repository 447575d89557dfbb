#include "synth/internal/survey.h"

#include <readstat.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <nlohmann/json.hpp>

#include "core/numbers.h"
#include "io/csv_writer.h"
#include "synth/messages.h"

namespace sz::synth::internal {
namespace {

double Sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

int StratumOf(const Model& model, int age) {
  const Params& params = model.params;
  for (size_t s = 0; s < params.stratum_low.size(); ++s) {
    if (age >= params.stratum_low[s] && age <= params.stratum_high[s]) return static_cast<int>(s);
  }
  return -1;
}

double ItemLogit(const SurveyItemConfig& item, const std::string& band, bool female, int quintile) {
  double x = item.income_slope * (quintile - 3) + (female ? item.female : 0.0);
  auto it = item.age.find(band);
  if (it != item.age.end()) x += it->second;
  return x;
}

double TargetPrevalence(const SurveyItemConfig& item, int wave) {
  return std::clamp(item.prevalence_2020 + item.change_per_year * (wave - 2020), 0.001, 0.999);
}

const sources::SourceContract& Monitor() { return *sources::FindContract("gezondheidsmonitor"); }

}  // namespace

Status PrepareSurvey(Model& model) {
  const SurveyConfig& survey = model.config->survey;
  const PopulationConfig& pop = model.config->population;
  Params& params = model.params;
  if (survey.age_strata_ranges.size() != survey.age_strata.size()) {
    return InvalidArgumentError(msg::Config("survey.age_strata", msg::AgeRangesNotParsed()));
  }
  for (const AgeRange& stratum : survey.age_strata_ranges) {
    params.stratum_low.push_back(stratum.low);
    params.stratum_high.push_back(stratum.high.value_or(200));
  }
  // Adult population shares per band (18+).
  std::vector<std::pair<std::string, double>> adult_bands;
  double adult_total = 0;
  for (size_t b = 0; b < pop.age_bands.size(); ++b) {
    if (pop.age_band_ranges[b].low >= 18) {
      adult_bands.push_back({pop.age_bands[b], pop.age_band_shares[b]});
      adult_total += pop.age_band_shares[b];
    }
  }
  // Expected stratum sizes per gemeente, from the single-year age weights of the configuration.
  std::vector<double> stratum_share(survey.age_strata.size(), 0.0);
  std::vector<double> stratum_response(survey.age_strata.size(), 0.0);
  for (int age = 18; age < 105; ++age) {
    int s = StratumOf(model, age);
    if (s < 0) continue;
    int band = model.AgeBand(age);
    // share of this single year: band share spread evenly (close enough for the allocation)
    const std::string& name = pop.age_bands[band];
    const AgeRange& range = pop.age_band_ranges[band];
    double width = range.high ? *range.high - range.low + 1 : 20.0;
    double share = pop.age_band_shares[band] / width;
    stratum_share[s] += share;
    auto it = survey.response_by_age.find(name);
    double response = it == survey.response_by_age.end() ? 0.44 : it->second;
    stratum_response[s] += share * response;
  }
  double mean_income_factor = 0;
  for (double f : survey.response_income_factor) mean_income_factor += f / 5;
  for (size_t s = 0; s < stratum_share.size(); ++s) {
    stratum_response[s] = stratum_share[s] > 0 ? stratum_response[s] / stratum_share[s] * mean_income_factor : 0.44;
  }
  double total_population = 0;
  for (const GemeenteGeo& g : model.geography->gemeenten) total_population += g.population;
  const size_t gemeenten = model.geography->gemeenten.size();
  params.inclusion.assign(survey.waves.size(),
                          std::vector<std::vector<double>>(gemeenten, std::vector<double>(stratum_share.size(), 0)));
  for (size_t wave = 0; wave < survey.waves.size(); ++wave) {
    for (size_t g = 0; g < gemeenten; ++g) {
      const GemeenteGeo& geo = model.geography->gemeenten[g];
      double respondents = survey.respondents_per_wave * model.scale *
                           (survey.equal_allocation_share / gemeenten +
                            (1 - survey.equal_allocation_share) * geo.population / total_population);
      double weighted = 0;
      for (size_t s = 0; s < stratum_share.size(); ++s)
        weighted += stratum_share[s] * survey.age_strata_oversampling[s];
      for (size_t s = 0; s < stratum_share.size(); ++s) {
        double wanted = respondents * stratum_share[s] * survey.age_strata_oversampling[s] / weighted;
        double population = geo.population * stratum_share[s];
        params.inclusion[wave][g][s] = population > 0 ? std::min(1.0, wanted / stratum_response[s] / population) : 0;
      }
    }
  }
  // Item models: intercepts calibrated so the adult population prevalence equals the wave's target.
  const sources::SourceContract& monitor = Monitor();
  const std::vector<SurveyItemConfig>& items = survey.items;
  params.item_column.clear();
  params.item_parent.assign(items.size(), -1);
  for (size_t i = 0; i < items.size(); ++i) {
    params.item_column.push_back(monitor.extract.IndexOf(items[i].name));
    if (!items[i].implied_by.empty()) {
      for (size_t j = 0; j < items.size(); ++j) {
        if (items[j].name == items[i].implied_by) params.item_parent[i] = static_cast<int>(j);
      }
      if (params.item_parent[i] < 0) {
        return InvalidArgumentError(
            msg::Config("survey.items." + items[i].name + ".implied_by", msg::ImpliedByNamesNoItem()));
      }
      if (!items[params.item_parent[i]].implied_by.empty()) {
        return InvalidArgumentError(msg::Config("survey.items." + items[i].name + ".implied_by", msg::ImpliedChain()));
      }
    }
  }
  if (items.size() > 16) return InvalidArgumentError(msg::Config("survey.items", msg::AtMost16Items()));
  params.item_order.clear();
  for (size_t i = 0; i < items.size(); ++i)
    if (params.item_parent[i] < 0) params.item_order.push_back(static_cast<int>(i));
  for (size_t i = 0; i < items.size(); ++i)
    if (params.item_parent[i] >= 0) params.item_order.push_back(static_cast<int>(i));
  params.item_intercept.assign(survey.waves.size(), std::vector<double>(items.size(), 0));
  for (size_t wave = 0; wave < survey.waves.size(); ++wave) {
    for (int i : params.item_order) {
      const SurveyItemConfig& item = items[i];
      int parent = params.item_parent[i];
      double target = TargetPrevalence(item, survey.waves[wave]);
      auto marginal = [&](double alpha) {
        double total = 0;
        for (const auto& [band, share] : adult_bands) {
          for (int female = 0; female < 2; ++female) {
            for (int q = 1; q <= 5; ++q) {
              double w = share / adult_total * 0.5 * 0.2;
              double p = Sigmoid(alpha + ItemLogit(item, band, female, q));
              if (parent >= 0) {
                double pc = Sigmoid(params.item_intercept[wave][parent] + ItemLogit(items[parent], band, female, q));
                p = pc + (1 - pc) * p;
              }
              total += w * p;
            }
          }
        }
        return total;
      };
      double low = -20, high = 20;
      for (int iteration = 0; iteration < 100; ++iteration) {
        double mid = 0.5 * (low + high);
        if (marginal(mid) < target)
          low = mid;
        else
          high = mid;
      }
      params.item_intercept[wave][i] = 0.5 * (low + high);
    }
  }
  model.acc.survey_population.assign(
      survey.waves.size(), std::vector<std::vector<int64_t>>(gemeenten, std::vector<int64_t>(stratum_share.size(), 0)));
  model.acc.survey_sampled = model.acc.survey_population;
  model.acc.respondents.assign(survey.waves.size(), {});
  return Status::Ok();
}

void SurveyChunk(Model& model, Chunk& chunk, int wave_index, int32_t day) {
  const SurveyConfig& survey = model.config->survey;
  Rng rng = Rng::Derive(model.seed, 0x5E7, static_cast<uint64_t>(chunk.index), static_cast<uint64_t>(wave_index));
  for (const Person& person : chunk.persons) {
    if (!person.AliveOn(day)) continue;
    int age = AgeAt(person.birth_day, day);
    int stratum = StratumOf(model, age);
    if (age < 18 || stratum < 0) continue;
    const Household& household = chunk.households[person.HouseholdOn(day)];
    const Episode& episode = household.EpisodeOn(day);
    int gemeente = episode.gemeente;
    ++model.acc.survey_population[wave_index][gemeente][stratum];
    if (!rng.Bernoulli(model.params.inclusion[wave_index][gemeente][stratum])) continue;
    ++model.acc.survey_sampled[wave_index][gemeente][stratum];
    int band = model.AgeBand(age);
    const std::string& band_name = model.config->population.age_bands[band];
    int quintile = household.income_quintile;
    auto response_it = survey.response_by_age.find(band_name);
    double response = (response_it == survey.response_by_age.end() ? 0.44 : response_it->second) *
                      survey.response_income_factor[quintile - 1];
    if (!rng.Bernoulli(std::min(0.98, response))) continue;
    SurveyRespondent r{};
    r.person_hash = static_cast<uint32_t>(MixHash(person.id, model.seed));
    r.wave = static_cast<uint16_t>(survey.waves[wave_index]);
    r.gemeente = static_cast<uint16_t>(gemeente);
    r.wijk = static_cast<uint16_t>(model.geography->WijkOf(gemeente, episode.dwelling));
    r.stratum = static_cast<uint8_t>(stratum);
    r.age = static_cast<uint8_t>(std::min(age, 120));
    r.female = person.female;
    r.true_income = static_cast<int8_t>(quintile);
    r.income = rng.Bernoulli(survey.income_missing) ? -1 : static_cast<int8_t>(quintile);
    static const double kEducation[5][3] = {
        {.45, .40, .15}, {.35, .45, .20}, {.25, .45, .30}, {.18, .42, .40}, {.10, .35, .55}};
    std::vector<double> education(kEducation[quintile - 1], kEducation[quintile - 1] + 3);
    if (age >= 65) education[0] += 0.15;
    r.education = rng.Bernoulli(survey.education_missing) ? -1 : static_cast<int8_t>(rng.Pick(education));
    r.items.fill(-1);
    std::array<int8_t, 16> truth{};
    const std::vector<SurveyItemConfig>& items = survey.items;
    for (int i : model.params.item_order) {
      double p =
          Sigmoid(model.params.item_intercept[wave_index][i] + ItemLogit(items[i], band_name, person.female, quintile));
      int parent = model.params.item_parent[i];
      bool value = (parent >= 0 && truth[parent]) || rng.Bernoulli(p);
      truth[i] = value ? 1 : 0;
      double missing = survey.item_missing + (age >= 75 ? survey.item_missing_extra_75plus : 0.0);
      r.items[i] = rng.Bernoulli(missing) ? -1 : truth[i];
    }
    model.acc.respondents[wave_index].push_back(r);
  }
}

namespace {

struct SavContext {
  FILE* file;
};

ssize_t WriteBytes(const void* bytes, size_t length, void* ctx) {
  auto* context = static_cast<SavContext*>(ctx);
  return static_cast<ssize_t>(std::fwrite(bytes, 1, length, context->file));
}

bool IsNumeric(const sources::ColumnSpec& column) {
  return column.type == sources::ColumnType::kInteger || column.type == sources::ColumnType::kDecimal;
}

// The value of one contract column for a respondent; "" means missing.
std::string Cell(const Model& model, const SurveyRespondent& r, const std::string& id, double weight,
                 const sources::ColumnSpec& column, int column_index, bool decimal_comma) {
  const std::string& name = column.name;
  if (name == "respondent_id" || name == "psu") return id;
  if (name == "jaar") return std::to_string(r.wave);
  if (name == "gemeente") return model.geography->gemeenten[r.gemeente].code;
  if (name == "wijk") return model.geography->wijken[r.wijk].code;
  if (name == "stratum") {
    return model.geography->gemeenten[r.gemeente].code + "_" + model.config->survey.age_strata[r.stratum];
  }
  if (name == "gewicht") return io::FormatDecimal(weight, decimal_comma, 4);
  if (name == "leeftijd") return std::to_string(r.age);
  if (name == "geslacht") return r.female ? "vrouw" : "man";
  if (name == "opleiding") {
    if (r.education < 0) return "";
    return column.allowed.size() == 3 ? column.allowed[r.education] : "";
  }
  if (name == "inkomen_kwintiel") return r.income < 0 ? "" : std::to_string(r.income);
  for (size_t i = 0; i < model.params.item_column.size(); ++i) {
    if (model.params.item_column[i] == column_index) return r.items[i] < 0 ? "" : std::to_string(r.items[i]);
  }
  return "";  // a column this generator does not model stays empty
}

// Writes the .sav with one row per call of row_cells(k), k < row_count (cells as the CSV, '.' decimals).
Status WriteSav(const std::string& path, size_t row_count,
                const std::function<std::vector<std::string>(size_t)>& row_cells, int32_t timestamp_day) {
  const sources::SourceContract& monitor = Monitor();
  const auto& columns = monitor.extract.columns;
  std::string tmp = path + ".tmp";
  FILE* file = std::fopen(tmp.c_str(), "wb");
  if (file == nullptr) return IoError(msg::CannotCreateFile(path, std::strerror(errno)));
  SavContext context{file};
  readstat_writer_t* writer = readstat_writer_init();
  readstat_set_data_writer(writer, WriteBytes);
  readstat_writer_set_file_label(writer, "Gezondheidsmonitor (synthetisch)");
  readstat_writer_set_file_timestamp(writer, static_cast<time_t>(timestamp_day) * 86400 + 43200);
  std::vector<readstat_variable_t*> variables;
  for (size_t c = 0; c < columns.size(); ++c) {
    size_t width = 1;
    if (!IsNumeric(columns[c])) {
      for (size_t r = 0; r < row_count; ++r) width = std::max(width, row_cells(r)[c].size());
    }
    readstat_variable_t* variable =
        IsNumeric(columns[c]) ? readstat_add_variable(writer, columns[c].name.c_str(), READSTAT_TYPE_DOUBLE, 0)
                              : readstat_add_variable(writer, columns[c].name.c_str(), READSTAT_TYPE_STRING, width);
    readstat_variable_set_label(variable, columns[c].description.c_str());
    variables.push_back(variable);
  }
  readstat_error_t error = readstat_begin_writing_sav(writer, &context, static_cast<long>(row_count));
  Status bad_cell;  // a numeric cell that is not a number: a bug in the row builder
  for (size_t r = 0; r < row_count && error == READSTAT_OK && bad_cell.ok(); ++r) {
    error = readstat_begin_row(writer);
    std::vector<std::string> cells = row_cells(r);
    for (size_t c = 0; c < columns.size() && error == READSTAT_OK && bad_cell.ok(); ++c) {
      const std::string& cell = cells[c];
      if (IsNumeric(columns[c])) {
        if (cell.empty()) {
          error = readstat_insert_missing_value(writer, variables[c]);
        } else if (const std::optional<double> number = ParseNumber(cell)) {
          error = readstat_insert_double_value(writer, variables[c], *number);
        } else {
          bad_cell = InternalError(msg::NotANumberCell(cell));
        }
      } else {
        error = readstat_insert_string_value(writer, variables[c], cell.c_str());
      }
    }
    if (error == READSTAT_OK && bad_cell.ok()) error = readstat_end_row(writer);
  }
  if (error == READSTAT_OK && bad_cell.ok()) error = readstat_end_writing(writer);
  readstat_writer_free(writer);
  bool closed = std::fclose(file) == 0;
  if (!bad_cell.ok()) {
    std::remove(tmp.c_str());
    return bad_cell;
  }
  if (error != READSTAT_OK || !closed) {
    std::remove(tmp.c_str());
    return IoError(msg::SavWriteFailed(path, readstat_error_message(error)));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return IoError(msg::CannotRename(path, std::strerror(errno)));
  return Status::Ok();
}

// Per wave: the respondents in output order and their weights.
struct WaveOutput {
  std::vector<const SurveyRespondent*> respondents;
  std::vector<double> weights;
};

WaveOutput Prepare(const Model& model, size_t wave) {
  WaveOutput out;
  const auto& all = model.acc.respondents[wave];
  for (const SurveyRespondent& r : all) out.respondents.push_back(&r);
  std::stable_sort(out.respondents.begin(), out.respondents.end(),
                   [](const SurveyRespondent* a, const SurveyRespondent* b) {
                     if (a->gemeente != b->gemeente) return a->gemeente < b->gemeente;
                     if (a->stratum != b->stratum) return a->stratum < b->stratum;
                     return a->person_hash < b->person_hash;
                   });
  std::vector<std::vector<int64_t>> respondents(model.geography->gemeenten.size(),
                                                std::vector<int64_t>(model.params.stratum_low.size(), 0));
  for (const SurveyRespondent* r : out.respondents) ++respondents[r->gemeente][r->stratum];
  for (const SurveyRespondent* r : out.respondents) {
    out.weights.push_back(static_cast<double>(model.acc.survey_population[wave][r->gemeente][r->stratum]) /
                          static_cast<double>(respondents[r->gemeente][r->stratum]));
  }
  return out;
}

}  // namespace

Status WriteSurvey(const Model& model, const std::string& out_dir, const io::WriteDialect& dialect,
                   int64_t& rows_written) {
  const sources::SourceContract& monitor = Monitor();
  std::string dir = out_dir + "/gezondheidsmonitor";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return IoError(msg::CannotCreateDirectory(dir, ec.message()));
  for (size_t wave = 0; wave < model.acc.respondents.size(); ++wave) {
    if (model.acc.respondents[wave].empty()) continue;
    int year = model.config->survey.waves[wave];
    WaveOutput output = Prepare(model, wave);
    auto cells = [&](size_t k, bool decimal_comma) {
      char id[32];
      std::snprintf(id, sizeof id, "R%d-%06zu", year, k + 1);
      std::vector<std::string> row;
      for (size_t c = 0; c < monitor.extract.columns.size(); ++c) {
        row.push_back(Cell(model, *output.respondents[k], id, output.weights[k], monitor.extract.columns[c],
                           static_cast<int>(c), decimal_comma));
      }
      return row;
    };
    std::string base = dir + "/monitor-" + std::to_string(year);
    ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(base + ".csv", dialect));
    std::vector<std::string> header;
    for (const sources::ColumnSpec& column : monitor.extract.columns) header.push_back(column.name);
    RETURN_IF_ERROR(writer->WriteRow(header));
    for (size_t k = 0; k < output.respondents.size(); ++k)
      RETURN_IF_ERROR(writer->WriteRow(cells(k, dialect.decimal_comma)));
    RETURN_IF_ERROR(writer->Close());
    RETURN_IF_ERROR(WriteSav(
        base + ".sav", output.respondents.size(), [&](size_t k) { return cells(k, false); }, model.end_day));
    rows_written += static_cast<int64_t>(output.respondents.size());
  }
  return Status::Ok();
}

nlohmann::json SurveySummary(const Model& model) {
  nlohmann::json out = nlohmann::json::object();
  const SurveyConfig& survey = model.config->survey;
  for (size_t wave = 0; wave < model.acc.respondents.size(); ++wave) {
    if (model.acc.respondents[wave].empty()) continue;
    WaveOutput output = Prepare(model, wave);
    int64_t sampled = 0;
    for (const auto& g : model.acc.survey_sampled[wave])
      for (int64_t n : g) sampled += n;
    nlohmann::json w;
    w["respondenten"] = output.respondents.size();
    w["steekproef"] = sampled;
    w["respons"] = sampled > 0 ? static_cast<double>(output.respondents.size()) / sampled : 0.0;
    nlohmann::json items = nlohmann::json::object();
    for (size_t i = 0; i < survey.items.size(); ++i) {
      double sum = 0, total = 0, low_sum = 0, low_total = 0, high_sum = 0, high_total = 0;
      for (size_t k = 0; k < output.respondents.size(); ++k) {
        const SurveyRespondent& r = *output.respondents[k];
        if (r.items[i] < 0) continue;
        double weight = output.weights[k];
        sum += weight * r.items[i];
        total += weight;
        if (r.true_income == 1) {
          low_sum += weight * r.items[i];
          low_total += weight;
        } else if (r.true_income == 5) {
          high_sum += weight * r.items[i];
          high_total += weight;
        }
      }
      items[survey.items[i].name] = {{"geconfigureerd", TargetPrevalence(survey.items[i], survey.waves[wave])},
                                     {"gerealiseerd_gewogen", total > 0 ? sum / total : 0.0},
                                     {"kwintiel_1", low_total > 0 ? low_sum / low_total : 0.0},
                                     {"kwintiel_5", high_total > 0 ? high_sum / high_total : 0.0}};
    }
    w["items"] = items;
    out[std::to_string(survey.waves[wave])] = w;
  }
  return out;
}

}  // namespace sz::synth::internal
