#include "survey/report.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include "core/numbers.h"
#include "survey/domains.h"
#include "survey/messages.h"

namespace sz::survey {
namespace {

std::vector<std::string> SplitList(const std::string& text, char sep) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  size_t begin = 0;
  while (true) {
    size_t end = text.find(sep, begin);
    parts.push_back(text.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  return parts;
}

std::string Number(double value) {
  if (std::isnan(value)) return "NA";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

std::string Cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char ch : text) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return quoted + "\"";
}

Result<AnalysisRequest> ParseRequest(const ReportOptions& options) {
  AnalysisRequest request;
  int statistics = 0;
  if (!options.mean.empty()) {
    ++statistics;
    request.statistic = Statistic::kMean;
    request.variables = SplitList(options.mean, '+');
  }
  if (!options.total.empty()) {
    ++statistics;
    request.statistic = Statistic::kTotal;
    request.variables = SplitList(options.total, '+');
  }
  if (!options.ratio.empty()) {
    ++statistics;
    request.statistic = Statistic::kRatio;
    request.variables = SplitList(options.ratio, '/');
    if (request.variables.size() != 2 || request.variables[0].empty() || request.variables[1].empty()) {
      return InvalidArgumentError(msg::BadRatioOption(options.ratio));
    }
  }
  if (!options.ciprop.empty()) {
    ++statistics;
    request.statistic = Statistic::kCiProp;
    request.variables = {options.ciprop};
  }
  if (!options.quantile.empty()) {
    ++statistics;
    request.statistic = Statistic::kQuantile;
    const size_t colon = options.quantile.rfind(':');
    if (colon == std::string::npos || colon == 0) return InvalidArgumentError(msg::BadQuantileOption(options.quantile));
    const std::string p_text = options.quantile.substr(colon + 1);
    const std::optional<double> p = ParseNumber(p_text);
    if (!p || !(*p >= 0 && *p <= 1)) return InvalidArgumentError(msg::BadQuantileProbability(p_text));
    request.quantile = *p;
    request.variables = {options.quantile.substr(0, colon)};
  }
  if (statistics != 1) {
    return InvalidArgumentError(msg::OneStatistic(statistics));
  }
  for (const auto& variable : request.variables) {
    if (variable.empty()) return InvalidArgumentError(msg::EmptyVariableName());
  }
  ASSIGN_OR_RETURN(request.ci_method, ParseCiMethod(options.ci_method));
  if (!(options.level > 0 && options.level < 1)) {
    return InvalidArgumentError(msg::BadLevel(options.level));
  }
  request.options.level = options.level;
  request.options.deff = options.deff;
  if (options.deff && request.statistic != Statistic::kMean && request.statistic != Statistic::kTotal &&
      request.statistic != Statistic::kRatio) {
    return InvalidArgumentError(msg::DeffNotAvailable());
  }
  request.by = SplitList(options.by, '+');
  return request;
}

std::string Describe(const ReportOptions& options, const AnalysisRequest& request) {
  std::ostringstream text;
  text << "ids=" << (options.ids.empty() ? "1" : options.ids);
  if (!options.strata.empty()) text << " strata=" << options.strata;
  if (!options.weights.empty()) {
    text << " weights=" << options.weights;
  } else {
    text << " " << (options.fpc.empty() ? msg::NoWeightsGiven() : msg::WeightsFromFpc());
  }
  if (!options.fpc.empty()) text << " fpc=" << options.fpc;
  if (options.nest) text << " nest";
  auto variables = [](const PopulationTable& table) {
    std::string joined;
    for (const auto& v : table.variables) joined += (joined.empty() ? "" : "+") + v;
    return joined;
  };
  if (options.poststratify) text << " postStratify=~" << variables(*options.poststratify);
  for (size_t i = 0; i < options.rake.size(); ++i) text << (i ? "|~" : " rake=~") << variables(options.rake[i]);
  text << " lonely.psu=" << options.lonely_psu;
  return msg::DesignDescription(text.str(), Number(options.level), request.variables);
}

}  // namespace

Result<SurveyReport> MakeSurveyReport(const ReportOptions& options, const std::vector<std::string>& header,
                                      const std::vector<std::vector<std::string>>& rows,
                                      const std::map<std::string, std::map<std::string, std::string>>& value_labels) {
  ASSIGN_OR_RETURN(SurveyFrame frame, SurveyFrame::FromRows(header, rows, value_labels));
  return MakeSurveyReport(options, frame);
}

Result<SurveyReport> MakeSurveyReport(const ReportOptions& options, const SurveyFrame& frame) {
  ASSIGN_OR_RETURN(AnalysisRequest request, ParseRequest(options));
  DesignSpec spec;
  if (!options.ids.empty() && options.ids != "1" && options.ids != "0") spec.ids = SplitList(options.ids, '+');
  spec.strata = options.strata;
  spec.weights = options.weights;
  spec.fpc = SplitList(options.fpc, '+');
  spec.nest = options.nest;
  ASSIGN_OR_RETURN(spec.lonely_psu, ParseLonelyPsu(options.lonely_psu));
  ASSIGN_OR_RETURN(Design design, Design::Create(frame, spec));
  if (options.poststratify && !options.rake.empty()) {
    return InvalidArgumentError(msg::PoststratifyOrRake());
  }
  if (options.poststratify) RETURN_IF_ERROR(PostStratify(design, frame, *options.poststratify));
  if (!options.rake.empty()) RETURN_IF_ERROR(Rake(design, frame, options.rake));
  ASSIGN_OR_RETURN(std::vector<DomainEstimate> estimates, SvyBy(design, frame, request));

  std::ostringstream out;
  for (const auto& column : request.by) out << Cell(column) << ",";
  out << "term,estimate,se,ci_low,ci_high,n" << (options.deff ? ",deff" : "") << "\n";
  for (const auto& row : estimates) {
    for (const auto& level : row.key) out << Cell(level) << ",";
    const Estimate& e = row.estimate;
    out << Cell(e.term) << "," << Number(e.estimate) << "," << Number(e.se) << "," << Number(e.ci_low) << ","
        << Number(e.ci_high) << "," << e.n;
    if (options.deff) out << "," << Number(e.deff);
    out << "\n";
  }
  return SurveyReport{out.str(), Describe(options, request)};
}

}  // namespace sz::survey
