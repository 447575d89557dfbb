#include "indicators/survey_values.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "indicators/messages.h"
#include "survey/calibration.h"
#include "survey/ciprop.h"
#include "survey/comparisons.h"
#include "survey/estimators.h"

namespace sz::indicators {
namespace {

// The value of row `row` of a column as text: a categorical level or a numeric value without ".0".
std::optional<std::string> TextOf(const survey::Variable& variable, size_t row) {
  if (variable.IsMissing(row)) return std::nullopt;
  if (variable.categorical) return variable.levels[variable.codes[row]];
  const double value = variable.values[row];
  if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  return variable.text[row];
}

// The distinct values of a column, in first-seen order for text and ascending for numbers.
std::vector<std::string> ValuesOf(const survey::Variable& variable) {
  std::vector<std::string> out;
  if (variable.categorical) return variable.levels;
  std::vector<double> seen;
  for (size_t r = 0; r < variable.values.size(); ++r) {
    if (variable.IsMissing(r)) continue;
    if (std::find(seen.begin(), seen.end(), variable.values[r]) == seen.end()) seen.push_back(variable.values[r]);
  }
  std::sort(seen.begin(), seen.end());
  for (double value : seen)
    out.push_back(value == std::floor(value) ? std::to_string(static_cast<long long>(value)) : std::to_string(value));
  return out;
}

struct Place {
  RegionLevel level;
  std::string code;
};

}  // namespace

survey::DesignSpec MonitorDesign() {
  survey::DesignSpec spec;
  spec.ids = {"psu"};
  spec.strata = "stratum";
  spec.weights = "gewicht";
  spec.nest = true;  // PSU numbers may restart in every stratum; unique ones are unchanged by it
  spec.lonely_psu = survey::LonelyPsu::kAdjust;
  return spec;
}

Result<survey::Design> CalibratedMonitorDesign(survey::SurveyFrame& frame, const SourceRows& bevolking, int wave) {
  static const std::vector<std::pair<AgeSpan, std::string>> kBands = {{{18, 24}, "18-24"}, {{25, 44}, "25-44"},
                                                                      {{45, 64}, "45-64"}, {{65, 74}, "65-74"},
                                                                      {{75, 84}, "75-84"}, {{85, 150}, "85+"}};
  constexpr const char* kOther = "overig";
  // The population per cell: gemeente rows of the wave's year.
  const sources::TableSpec& table = bevolking.contract->extract;
  const int year = table.IndexOf("jaar"), region = table.IndexOf("regio"), band = table.IndexOf("leeftijdsklasse"),
            sex = table.IndexOf("geslacht"), count = table.IndexOf("aantal");
  std::map<std::string, double> population;
  for (const std::vector<Value>& row : bevolking.rows) {
    if (row[year].kind() != Value::Kind::kInteger || row[year].integer() != wave) continue;
    const std::string_view code = row[region].TextOrEmpty();
    if (!code.starts_with("GM")) continue;
    ASSIGN_OR_RETURN(int64_t people, row[count].AsInteger("aantal"));
    population[std::string(code) + '|' + std::string(row[band].TextOrEmpty()) + '|' +
               std::string(row[sex].TextOrEmpty())] += static_cast<double>(people);
  }
  if (population.empty()) return DataError(msg::NoPopulationToCalibrate(wave));

  ASSIGN_OR_RETURN(const survey::Variable* gemeente, frame.Find("gemeente"));
  ASSIGN_OR_RETURN(const survey::Variable* age, frame.Find("leeftijd"));
  ASSIGN_OR_RETURN(const survey::Variable* geslacht, frame.Find("geslacht"));
  ASSIGN_OR_RETURN(const survey::Variable* weight, frame.Find("gewicht"));
  const size_t n = frame.num_rows();
  std::vector<std::string> cell_of(n, kOther);
  double other_weight = 0;
  for (size_t r = 0; r < n; ++r) {
    const std::optional<std::string> gm = TextOf(*gemeente, r), sx = TextOf(*geslacht, r);
    if (gm && sx && !age->IsMissing(r) && (*sx == "man" || *sx == "vrouw")) {
      for (const auto& [span, name] : kBands) {
        if (span.Contains(static_cast<long long>(age->values[r]))) cell_of[r] = *gm + '|' + name + '|' + *sx;
      }
    }
    if (cell_of[r] == kOther && !weight->IsMissing(r)) other_weight += weight->values[r];
  }
  std::vector<std::string> levels(cell_of.begin(), cell_of.end());
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  std::vector<int> codes(n);
  for (size_t r = 0; r < n; ++r) {
    codes[r] = static_cast<int>(std::lower_bound(levels.begin(), levels.end(), cell_of[r]) - levels.begin());
  }
  survey::PopulationTable table_of_cells{.variables = {"kalibratiecel"}};
  for (const std::string& level : levels) {
    double total = other_weight;
    if (level != kOther) {
      auto found = population.find(level);
      if (found == population.end() || found->second <= 0) return DataError(msg::NoPopulationForCell(level, wave));
      total = found->second;
    }
    table_of_cells.cells.push_back({{level}, total});
  }
  frame.AddCategorical("kalibratiecel", std::move(codes), std::move(levels));
  ASSIGN_OR_RETURN(survey::Design design, survey::Design::Create(frame, MonitorDesign()));
  RETURN_IF_ERROR(survey::PostStratify(design, frame, table_of_cells));
  return design;
}

Result<std::vector<IndicatorValue>> SurveyValues(const Indicator& indicator, const survey::SurveyFrame& frame,
                                                 const survey::Design& design, int wave,
                                                 const std::string& twente_code) {
  if ((indicator.kind != IndicatorKind::kSurvey && indicator.kind != IndicatorKind::kSurveyIncomeGap) ||
      !indicator.survey) {
    return InvalidArgumentError(msg::NotASurveyIndicator(indicator.id));
  }
  const SurveySpec& spec = *indicator.survey;
  ASSIGN_OR_RETURN(const survey::Variable* y, frame.Find(spec.variable));
  ASSIGN_OR_RETURN(const survey::Variable* age, frame.Find("leeftijd"));
  ASSIGN_OR_RETURN(const survey::Variable* gemeente, frame.Find("gemeente"));
  const size_t n = frame.num_rows();

  // In the indicator's age span.
  std::vector<char> in_age(n, 0);
  for (size_t r = 0; r < n; ++r) {
    if (age->IsMissing(r)) continue;
    in_age[r] = !spec.age || spec.age->Contains(static_cast<long long>(age->values[r]));
  }

  std::vector<Place> places;
  auto wants = [&](RegionLevel level) {
    return std::find(indicator.levels.begin(), indicator.levels.end(), level) != indicator.levels.end();
  };
  if (wants(RegionLevel::kRegio)) places.push_back({RegionLevel::kRegio, twente_code});
  if (wants(RegionLevel::kGemeente)) {
    for (const std::string& code : ValuesOf(*gemeente)) places.push_back({RegionLevel::kGemeente, code});
  }
  // Wijken where the wave names them (the column is optional in the contract).
  Result<const survey::Variable*> wijk = frame.Find("wijk");
  if (wants(RegionLevel::kWijk) && wijk.ok()) {
    std::vector<std::string> codes = ValuesOf(**wijk);
    std::sort(codes.begin(), codes.end());
    for (const std::string& code : codes) places.push_back({RegionLevel::kWijk, code});
  }

  // Breakdowns: totaal, then name=value for each value of each breakdown column.
  std::vector<std::pair<std::string, std::vector<char>>> breakdowns = {{kNoBreakdown, std::vector<char>(n, 1)}};
  if (indicator.kind == IndicatorKind::kSurvey) {
    for (const std::string& column : indicator.breakdowns) {
      ASSIGN_OR_RETURN(const survey::Variable* by, frame.Find(column));
      for (const std::string& value : ValuesOf(*by)) {
        std::vector<char> member(n, 0);
        for (size_t r = 0; r < n; ++r) member[r] = TextOf(*by, r) == value;
        breakdowns.emplace_back(BreakdownText(column, value), std::move(member));
      }
    }
  }

  const std::string period = std::to_string(wave);
  const survey::EstimateOptions options;
  const std::vector<double>& weights = design.weights();
  std::vector<IndicatorValue> values;
  for (const Place& place : places) {
    std::vector<char> in_place(n, 1);
    if (place.level == RegionLevel::kGemeente) {
      for (size_t r = 0; r < n; ++r) in_place[r] = TextOf(*gemeente, r) == place.code;
    } else if (place.level == RegionLevel::kWijk) {
      for (size_t r = 0; r < n; ++r) in_place[r] = TextOf(**wijk, r) == place.code;
    }
    for (const auto& [label, in_breakdown] : breakdowns) {
      std::vector<char> member(n, 0);
      size_t answered = 0;
      double weighted_yes = 0, weighted_answered = 0;
      for (size_t r = 0; r < n; ++r) {
        member[r] = in_age[r] && in_place[r] && in_breakdown[r];
        if (member[r] && !y->IsMissing(r) && weights[r] > 0) {
          ++answered;
          weighted_answered += weights[r];
          weighted_yes += weights[r] * y->values[r];
        }
      }
      if (answered == 0) continue;
      IndicatorValue cell;
      cell.level = place.level;
      cell.region = place.code;
      cell.period = period;
      cell.breakdown = label;
      if (indicator.kind == IndicatorKind::kSurvey) {
        ASSIGN_OR_RETURN(survey::Estimate estimate,
                         survey::SvyCiProp(design, frame, spec.variable, survey::CiMethod::kLogit,
                                           survey::DomainOf(design, member), options));
        cell.numerator = weighted_yes;
        cell.denominator = weighted_answered;
        cell.respondents = estimate.n;
        if (std::isfinite(estimate.estimate)) cell.value = estimate.estimate * indicator.factor;
        if (std::isfinite(estimate.ci_low)) cell.lower = estimate.ci_low * indicator.factor;
        if (std::isfinite(estimate.ci_high)) cell.upper = estimate.ci_high * indicator.factor;
      } else {
        ASSIGN_OR_RETURN(const survey::Variable* quintile, frame.Find("inkomen_kwintiel"));
        const std::vector<std::string> levels = ValuesOf(*quintile);
        if (levels.size() < 2) continue;
        std::vector<char> highest(n, 0), lowest(n, 0);
        size_t in_both = 0;
        for (size_t r = 0; r < n; ++r) {
          const std::optional<std::string> q = TextOf(*quintile, r);
          highest[r] = member[r] && q == levels.back();
          lowest[r] = member[r] && q == levels.front();
          in_both += (highest[r] || lowest[r]) && !y->IsMissing(r);
        }
        if (in_both == 0) continue;
        Result<survey::Comparison> gap = survey::CompareDomains(
            design, frame, spec.variable, survey::DomainOf(design, highest), survey::DomainOf(design, lowest), options);
        if (!gap.ok()) return gap.status();
        cell.respondents = static_cast<long long>(in_both);
        if (std::isfinite(gap->difference)) cell.value = gap->difference * indicator.factor;
        if (std::isfinite(gap->ci_low)) cell.lower = gap->ci_low * indicator.factor;
        if (std::isfinite(gap->ci_high)) cell.upper = gap->ci_high * indicator.factor;
      }
      values.push_back(std::move(cell));
    }
  }
  SortValues(values);
  return values;
}

}  // namespace sz::indicators
