#include "pipeline/export.h"

#include <charconv>
#include <map>

#include "indicators/catalog.h"
#include "io/csv_writer.h"
#include "io/dialect.h"
#include "pipeline/catalog.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"

namespace sz::pipeline {
namespace {

// Shortest text that reads back as the same double, with a decimal comma in the Dutch dialect.
std::string Number(const std::optional<double>& value, bool decimal_comma) {
  if (!value) return "";
  char text[40];
  auto [end, error] = std::to_chars(text, text + sizeof text, *value);
  if (error != std::errc()) return "";
  std::string out(text, end);
  if (decimal_comma) {
    for (char& c : out) {
      if (c == '.') c = ',';
    }
  }
  return out;
}

}  // namespace

const std::vector<std::string>& ExportColumns() {
  static const std::vector<std::string> columns = {
      "indicator", "titel",  "thema",      "regio",      "regio_naam", "niveau",  "periode", "uitsplitsing",
      "teller",    "noemer", "waarde",     "ondergrens", "bovengrens", "eenheid", "n",       "status",
      "reden",     "bron",   "berekend_op"};
  return columns;
}

Result<ExportReport> ExportCells(Workspace& workspace, const ExportRequest& request) {
  ASSIGN_OR_RETURN(io::WriteDialect dialect, io::WriteDialect::Named(request.dialect));
  ASSIGN_OR_RETURN(indicators::Catalog catalog, LoadIndicatorCatalog(workspace));
  for (const std::string& id : request.indicators) {
    if (indicators::FindIndicator(catalog, id) == nullptr) return NotFoundError(msg::UnknownIndicator(id));
  }
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  if (!request.gemeente.empty()) {
    const Region* gemeente = regions->Find(request.gemeente);
    if (gemeente == nullptr || gemeente->level != RegionLevel::kGemeente)
      return NotFoundError(msg::UnknownRegion(request.gemeente));
  }
  ASSIGN_OR_RETURN(std::vector<store::IndicatorRun> runs, store->indicator_values().Runs());
  if (runs.empty()) return FailedPreconditionError(msg::NothingComputedYet());
  std::map<int64_t, std::string> computed_at;
  for (const store::IndicatorRun& run : runs) computed_at[run.id] = run.computed_at;

  store::CellQuery query;
  query.indicators = request.indicators;
  query.level = request.level;
  ASSIGN_OR_RETURN(std::vector<store::IndicatorCell> cells, store->indicator_values().Cells(query));

  ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(request.out, dialect));  // written whole or not at all
  RETURN_IF_ERROR(writer->WriteRow(ExportColumns()));
  ExportReport report;
  report.out = request.out;
  const bool comma = dialect.decimal_comma;
  for (const store::IndicatorCell& cell : cells) {
    if (!request.gemeente.empty()) {
      const bool own = cell.region == request.gemeente ||
                       (cell.level == RegionLevel::kWijk && ImpliedParentCode(cell.region) == request.gemeente);
      if (!own) continue;
    }
    const indicators::Indicator* indicator = indicators::FindIndicator(catalog, cell.indicator);
    if (indicator == nullptr) continue;  // stored by an older catalogue: not exported
    const Region* region = regions->Find(cell.region);
    std::string sources;
    for (const std::string& source : indicator->sources) sources += (sources.empty() ? "" : ",") + source;
    RETURN_IF_ERROR(writer->WriteRow(
        {cell.indicator, indicator->title, std::string(indicators::ThemeName(indicator->theme)), cell.region,
         region ? region->name : "", std::string(indicators::CatalogLevelName(cell.level)), cell.period, cell.breakdown,
         Number(cell.numerator, comma), Number(cell.denominator, comma), Number(cell.value, comma),
         Number(cell.lower, comma), Number(cell.upper, comma), indicator->unit,
         cell.respondents ? std::to_string(*cell.respondents) : "", msg::ExportForAnalystsOnly(),
         msg::ExportForAnalystsReason(), sources, computed_at[cell.run_id]}));
    ++report.rows;
  }
  RETURN_IF_ERROR(writer->Close());
  RETURN_IF_ERROR(WriteProvenance(request.out, {"export",
                                                {{"rijen", std::to_string(report.rows)},
                                                 {"dialect", request.dialect},
                                                 {"berekening", computed_at.rbegin()->second}}}));
  return report;
}

}  // namespace sz::pipeline
