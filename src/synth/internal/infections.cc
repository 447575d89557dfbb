#include "synth/internal/infections.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/period.h"
#include "io/csv_writer.h"
#include "synth/internal/rng.h"
#include "synth/messages.h"

namespace sz::synth::internal {

Status WriteInfections(const Model& model, const std::string& out_dir, const io::WriteDialect& dialect,
                       const io::WriteDialect& truth_dialect, int64_t& rows, int64_t& outbreak_rows,
                       nlohmann::json& summary) {
  const InfectionConfig& config = model.config->infections;
  const sources::SourceContract& contract = *sources::FindContract("infectieziekten");
  const sources::ColumnSpec* ziekte = contract.extract.Find("ziekte");
  Rng rng = Rng::Derive(model.seed, 0x1F);

  // Complete ISO weeks of the ISO years in range, up to the end date.
  std::vector<IsoWeek> weeks;
  IsoWeek week = IsoWeek::FromDate(Date{model.first_year, 1, 4});  // week 1 of the first year
  while (week.Monday().AddDays(6).DayNumber() <= model.end_day && week.year <= model.last_year) {
    weeks.push_back(week);
    week = week.Next();
  }
  const auto& gemeenten = model.geography->gemeenten;
  std::vector<const DiseaseConfig*> diseases;  // per allowed value (nullptr: not configured → 0)
  for (const std::string& name : ziekte->allowed) {
    const DiseaseConfig* found = nullptr;
    for (const DiseaseConfig& disease : config.diseases)
      if (disease.name == name) found = &disease;
    diseases.push_back(found);
  }

  // Outbreaks: disease, gemeente, weeks and extra cases.
  struct Outbreak {
    size_t disease;
    size_t gemeente;
    size_t first_week, last_week;
    int extra;
  };
  std::vector<Outbreak> outbreaks;
  std::map<std::tuple<size_t, size_t, size_t>, int> extra;  // (week, gemeente, disease)
  if (!weeks.empty()) {
    std::vector<double> disease_weights;
    for (size_t d = 0; d < ziekte->allowed.size(); ++d) {
      auto it = config.outbreak_diseases.find(ziekte->allowed[d]);
      disease_weights.push_back(it == config.outbreak_diseases.end() || diseases[d] == nullptr ? 0.0 : it->second);
    }
    std::vector<double> gemeente_weights;
    for (const GemeenteGeo& g : gemeenten) gemeente_weights.push_back(g.population);
    double total_weight = 0;
    for (double w : disease_weights) total_weight += w;
    int count =
        total_weight > 0 ? rng.Poisson(config.outbreaks_per_year * model.event_count_scale * weeks.size() / 52.18) : 0;
    for (int k = 0; k < count; ++k) {
      Outbreak outbreak;
      outbreak.disease = rng.Pick(disease_weights);
      outbreak.gemeente = rng.Pick(gemeente_weights);
      int duration = rng.IntBetween(config.outbreak_min_weeks, config.outbreak_max_weeks);
      duration = std::min<int>(duration, static_cast<int>(weeks.size()));
      outbreak.first_week = rng.Below(weeks.size() - duration + 1);
      outbreak.last_week = outbreak.first_week + duration - 1;
      outbreak.extra = std::max(3, static_cast<int>(std::lround(rng.LogNormal(
                                       config.outbreak_extra_cases_median * model.event_size_scale, 0.5))));
      std::vector<double> profile;  // rises and falls over the outbreak's weeks
      for (int w = 0; w < duration; ++w) profile.push_back((w + 1.0) * (duration - w));
      for (int c = 0; c < outbreak.extra; ++c) {
        extra[{outbreak.first_week + rng.Pick(profile), outbreak.gemeente, outbreak.disease}] += 1;
      }
      outbreaks.push_back(outbreak);
    }
  }

  std::string dir = out_dir + "/infectieziekten";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return IoError(msg::CannotCreateDirectory(dir, ec.message()));
  ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(dir + "/infectieziekten.csv", dialect));
  std::vector<std::string> header;
  for (const sources::ColumnSpec& column : contract.extract.columns) header.push_back(column.name);
  RETURN_IF_ERROR(writer->WriteRow(header));
  int64_t total_cases = 0;
  for (size_t w = 0; w < weeks.size(); ++w) {
    double week_of_year = weeks[w].week;
    int years_from_reference = weeks[w].year - model.config->population.reference_year;
    for (size_t g = 0; g < gemeenten.size(); ++g) {
      for (size_t d = 0; d < diseases.size(); ++d) {
        int count = 0;
        if (diseases[d] != nullptr) {
          const DiseaseConfig& disease = *diseases[d];
          double mean = disease.per_100k_per_year / 52.18 * gemeenten[g].population / 1e5 *
                        (1 + disease.seasonal_amplitude *
                                 std::cos(6.283185307179586 * (week_of_year - disease.peak_week) / 52.18)) *
                        std::pow(1 + disease.trend_per_year, years_from_reference);
          count = rng.NegativeBinomial(std::max(0.0, mean), disease.dispersion);
        }
        auto it = extra.find({w, g, d});
        if (it != extra.end()) count += it->second;
        total_cases += count;
        std::vector<std::string> row;
        for (const sources::ColumnSpec& column : contract.extract.columns) {
          if (column.name == "week")
            row.push_back(weeks[w].ToString());
          else if (column.name == "gemeente")
            row.push_back(gemeenten[g].code);
          else if (column.name == "ziekte")
            row.push_back(ziekte->allowed[d]);
          else if (column.name == "aantal")
            row.push_back(std::to_string(count));
          else
            row.push_back("");
        }
        RETURN_IF_ERROR(writer->WriteRow(row));
        ++rows;
      }
    }
  }
  RETURN_IF_ERROR(writer->Close());

  ASSIGN_OR_RETURN(auto truth, io::CsvWriter::Create(out_dir + "/truth/outbreaks.csv", truth_dialect));
  RETURN_IF_ERROR(truth->WriteRow({"ziekte", "gemeente", "eerste_week", "laatste_week", "extra_gevallen"}));
  int64_t extra_cases = 0;
  for (const Outbreak& outbreak : outbreaks) {
    RETURN_IF_ERROR(truth->WriteRow({ziekte->allowed[outbreak.disease], gemeenten[outbreak.gemeente].code,
                                     weeks[outbreak.first_week].ToString(), weeks[outbreak.last_week].ToString(),
                                     std::to_string(outbreak.extra)}));
    extra_cases += outbreak.extra;
    ++outbreak_rows;
  }
  RETURN_IF_ERROR(truth->Close());
  summary = {{"weken", weeks.size()},
             {"uitbraken_geconfigureerd_per_jaar", config.outbreaks_per_year},
             {"uitbraken", outbreaks.size()},
             {"extra_gevallen", extra_cases},
             {"meldingen_totaal", total_cases}};
  return Status::Ok();
}

}  // namespace sz::synth::internal
