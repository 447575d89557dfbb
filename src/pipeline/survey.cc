#include "pipeline/survey.h"

#include <cmath>
#include <map>
#include <set>

#include "core/numbers.h"
#include "io/text_table.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"
#include "sources/contract.h"

namespace sz::pipeline {
namespace {

// A population table as R's postStratify/rake take it.
Result<survey::PopulationTable> ReadPopulation(const std::string& path) {
  ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(path));
  int count = table.ColumnIndex("Freq");
  if (count < 0) count = table.ColumnIndex("aantal");
  if (count < 0) return InvalidArgumentError(msg::PopulationWithoutCount(path));
  survey::PopulationTable population;
  for (size_t c = 0; c < table.header.size(); ++c) {
    if (static_cast<int>(c) != count) population.variables.push_back(table.header[c]);
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    survey::PopulationTable::Cell cell;
    for (size_t c = 0; c < table.header.size(); ++c) {
      if (static_cast<int>(c) != count) cell.levels.push_back(table.rows[r][c]);
    }
    std::optional<double> value = ParseNumber(table.rows[r][count]);
    if (!value || *value < 0)
      return DataError(msg::BadPopulationCount(path, table.line_numbers[r], table.rows[r][count]));
    cell.count = *value;
    population.cells.push_back(std::move(cell));
  }
  return population;
}

std::vector<std::string> SplitPlus(const std::string& text) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t plus = text.find('+', start);
    parts.push_back(text.substr(start, plus - start));
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  return parts;
}

}  // namespace

Result<survey::SurveyFrame> SurveyFrameFromStore(store::Store& store, int wave) {
  const sources::SourceContract& contract = *sources::FindContract("gezondheidsmonitor");
  const auto& columns = contract.extract.columns;
  const int year = contract.extract.IndexOf("jaar");
  std::vector<std::vector<Value>> rows;
  RETURN_IF_ERROR(store.records().Scan(contract, [&](std::span<const Value> row) -> Status {
    if (row[year].kind() == Value::Kind::kInteger && row[year].integer() == wave)
      rows.emplace_back(row.begin(), row.end());
    return Status::Ok();
  }));
  if (rows.empty()) return NotFoundError(msg::NoSuchWave(wave));
  survey::SurveyFrame frame;
  for (size_t c = 0; c < columns.size(); ++c) {
    if (sources::StoredKind(columns[c].type) != Value::Kind::kText) {
      std::vector<double> values(rows.size(), std::nan(""));
      for (size_t r = 0; r < rows.size(); ++r) {
        const Value& value = rows[r][c];
        if (value.kind() == Value::Kind::kInteger) values[r] = static_cast<double>(value.integer());
        if (value.kind() == Value::Kind::kDecimal) values[r] = value.decimal();
      }
      frame.AddNumeric(columns[c].name, std::move(values));
      continue;
    }
    std::set<std::string> distinct;
    for (const auto& row : rows) {
      if (!row[c].missing()) distinct.insert(row[c].text());
    }
    std::vector<std::string> levels(distinct.begin(), distinct.end());
    std::map<std::string, int> index;
    for (size_t level = 0; level < levels.size(); ++level) index[levels[level]] = static_cast<int>(level);
    std::vector<int> codes(rows.size(), -1);
    for (size_t r = 0; r < rows.size(); ++r) {
      if (!rows[r][c].missing()) codes[r] = index[rows[r][c].text()];
    }
    frame.AddCategorical(columns[c].name, std::move(codes), std::move(levels));
  }
  return frame;
}

Result<SurveyResult> RunSurvey(Workspace& workspace, const SurveyRequest& request) {
  if (request.data.empty() == !request.wave.has_value()) return InvalidArgumentError(msg::FileOrWave());
  survey::ReportOptions options = request.report;
  if (!request.poststratify.empty()) {
    if (request.population.empty()) return InvalidArgumentError(msg::PoststratifyNeedsPopulation());
    ASSIGN_OR_RETURN(survey::PopulationTable population, ReadPopulation(request.population));
    if (SplitPlus(request.poststratify) != population.variables) {
      return InvalidArgumentError(msg::PopulationColumnsDiffer(request.population, request.poststratify));
    }
    options.poststratify = std::move(population);
  } else if (!request.population.empty()) {
    return InvalidArgumentError(msg::PopulationWithoutPoststratify());
  }
  for (const std::string& margin : request.rake_margins) {
    ASSIGN_OR_RETURN(survey::PopulationTable population, ReadPopulation(margin));
    options.rake.push_back(std::move(population));
  }

  SurveyResult result;
  Result<survey::SurveyReport> report = InternalError("");
  if (request.wave) {
    ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
    ASSIGN_OR_RETURN(survey::SurveyFrame frame, SurveyFrameFromStore(*store, *request.wave));
    result.input = msg::StoredWave(*request.wave);
    result.respondents = frame.num_rows();
    report = survey::MakeSurveyReport(options, frame);
  } else {
    ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(request.data));
    result.input = request.data;
    result.respondents = table.rows.size();
    report = survey::MakeSurveyReport(options, table.header, table.rows, table.value_labels);
  }
  if (!report.ok()) return report.status().WithContext(result.input);
  RETURN_IF_ERROR(WriteTextFile(report->csv, request.out));
  for (char c : report->csv) result.rows_written += c == '\n';
  if (result.rows_written > 0) --result.rows_written;  // the header
  RETURN_IF_ERROR(
      WriteProvenance(request.out, {"survey", {{"invoer", result.input}, {"ontwerp", report->description}}}));
  return result;
}

}  // namespace sz::pipeline
