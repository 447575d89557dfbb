#include "pipeline/export.h"

#include <charconv>
#include <map>

#include "indicators/catalog.h"
#include "io/csv_writer.h"
#include "io/dialect.h"
#include "io/xlsx_writer.h"
#include "pipeline/audience.h"
#include "pipeline/catalog.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"

namespace sz::pipeline {
namespace {

// Shortest text that reads back as the same double, with a decimal comma in the Dutch dialect.

using ExportRow = ExportedCell;

// A sheet "definities" (one row per indicator exported) and one sheet per indicator with its cells.
Status WriteXlsx(const std::string& path, const indicators::Catalog& catalog, const std::vector<ExportRow>& rows) {
  ASSIGN_OR_RETURN(auto book, io::XlsxWriter::Create(path));
  auto texts = [](const std::vector<std::string>& cells) {
    std::vector<io::XlsxCell> out;
    for (const std::string& cell : cells) out.push_back(io::XlsxCell::Text(cell));
    return out;
  };
  std::vector<std::string> ids;
  for (const ExportRow& row : rows) {
    if (ids.empty() || ids.back() != row.indicator) ids.push_back(row.indicator);
  }
  RETURN_IF_ERROR(book->AddSheet(msg::DefinitionsSheet()));
  RETURN_IF_ERROR(
      book->WriteRow(texts({"indicator", "titel", "definitie", "thema", "ontwikkelrichting", "soort", "eenheid",
                            "richting", "bron", "doel_2030", "doel_2030_voorbeeld", "werkblad"})));
  std::vector<std::string> sheets;
  for (const std::string& id : ids) {
    const indicators::Indicator& ind = *indicators::FindIndicator(catalog, id);
    std::string sources;
    for (const std::string& source : ind.sources) sources += (sources.empty() ? "" : ",") + source;
    sheets.push_back(book->SheetName(id));
    std::vector<io::XlsxCell> cells =
        texts({ind.id, ind.title, ind.definition, std::string(indicators::ThemeName(ind.theme)),
               std::string(indicators::DevelopmentDirectionName(ind.development)),
               std::string(indicators::IndicatorKindName(ind.kind)), ind.unit,
               std::string(indicators::DirectionName(ind.direction)), sources});
    cells.push_back(ind.target_2030 ? io::XlsxCell::Number(ind.target_2030->value) : io::XlsxCell::Empty());
    cells.push_back(ind.target_2030 ? io::XlsxCell::Text(ind.target_2030->example ? "ja" : "nee")
                                    : io::XlsxCell::Empty());
    cells.push_back(io::XlsxCell::Text(sheets.back()));
    RETURN_IF_ERROR(book->WriteRow(cells));
  }
  size_t sheet = 0;
  std::string current;
  for (const ExportRow& row : rows) {
    if (row.indicator != current) {
      current = row.indicator;
      RETURN_IF_ERROR(book->AddSheet(sheets[sheet++]));
      RETURN_IF_ERROR(book->WriteRow(texts(ExportColumns())));
    }
    std::vector<io::XlsxCell> cells;
    for (size_t c = 0; c < row.text.size(); ++c) {
      if (row.number[c]) {
        cells.push_back(io::XlsxCell::Number(*row.number[c]));
      } else if (c >= 8 && c <= 14 && c != 13 && row.text[c] != ".") {
        cells.push_back(io::XlsxCell::Empty());  // a missing number is an empty cell
      } else {
        cells.push_back(io::XlsxCell::Text(row.text[c]));
      }
    }
    RETURN_IF_ERROR(book->WriteRow(cells));
  }
  return book->Close();
}

// The columns a cell shows, as computed or as published.
struct Shown {
  std::optional<double> numerator, denominator, value, lower, upper;
  std::optional<int64_t> respondents;
  std::string value_text;  // "." for a suppressed cell; "" to format `value`
  std::string status, reason;
};

ExportRow MakeRow(const indicators::Indicator& indicator, const RegionTable& regions, RegionLevel level,
                  const std::string& region_code, const std::string& period, const std::string& breakdown,
                  const Shown& shown, const std::string& computed_at, bool comma) {
  const Region* region = regions.Find(region_code);
  std::string sources;
  for (const std::string& source : indicator.sources) sources += (sources.empty() ? "" : ",") + source;
  std::optional<double> respondents;
  if (shown.respondents) respondents = static_cast<double>(*shown.respondents);
  ExportRow row;
  row.indicator = indicator.id;
  row.text = {indicator.id,
              indicator.title,
              std::string(indicators::ThemeName(indicator.theme)),
              region_code,
              region ? region->name : "",
              std::string(indicators::CatalogLevelName(level)),
              period,
              breakdown,
              FormatNumber(shown.numerator, comma),
              FormatNumber(shown.denominator, comma),
              shown.value_text.empty() ? FormatNumber(shown.value, comma) : shown.value_text,
              FormatNumber(shown.lower, comma),
              FormatNumber(shown.upper, comma),
              indicator.unit,
              FormatNumber(respondents, false),
              shown.status,
              shown.reason,
              sources,
              computed_at};
  row.number.assign(row.text.size(), std::nullopt);
  row.number[8] = shown.numerator;
  row.number[9] = shown.denominator;
  row.number[10] = shown.value;
  row.number[11] = shown.lower;
  row.number[12] = shown.upper;
  row.number[14] = respondents;
  return row;
}

bool InGemeente(const std::string& gemeente, RegionLevel level, const std::string& region) {
  return gemeente.empty() || region == gemeente ||
         (level == RegionLevel::kWijk && ImpliedParentCode(region) == gemeente);
}

}  // namespace

const std::vector<std::string>& ExportColumns() {
  static const std::vector<std::string> columns = {
      "indicator", "titel",  "thema",      "regio",      "regio_naam", "niveau",  "periode", "uitsplitsing",
      "teller",    "noemer", "waarde",     "ondergrens", "bovengrens", "eenheid", "n",       "status",
      "reden",     "bron",   "berekend_op"};
  return columns;
}

namespace {

// SelectCells, and the time of the computation the cells come from.
Result<std::vector<ExportedCell>> SelectCellsMadeFrom(Workspace& workspace, const CellSelection& request, bool comma,
                                                      std::string& made_from) {
  indicators::Catalog loaded;
  if (request.catalog == nullptr) {
    ASSIGN_OR_RETURN(loaded, LoadIndicatorCatalog(workspace));
  }
  const indicators::Catalog& catalog = request.catalog != nullptr ? *request.catalog : loaded;
  for (const std::string& id : request.indicators) {
    if (indicators::FindIndicator(catalog, id) == nullptr) return NotFoundError(msg::UnknownIndicator(id));
  }
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  RETURN_IF_ERROR(CheckGemeenteFilter(*regions, request.gemeente));
  ASSIGN_OR_RETURN(std::vector<store::IndicatorRun> runs, store->indicator_values().Runs());
  if (runs.empty()) return FailedPreconditionError(msg::NothingComputedYet());
  std::map<int64_t, std::string> computed_at;
  for (const store::IndicatorRun& run : runs) computed_at[run.id] = run.computed_at;

  ASSIGN_OR_RETURN(Audience audience, ParseAudience(request.audience, *regions));
  store::CellQuery query;
  query.indicators = request.indicators;
  query.level = request.level;
  query.region = request.region;
  query.period = request.period;
  query.breakdown = request.breakdown;
  std::vector<ExportRow> rows;
  made_from = computed_at.rbegin()->second;
  if (audience.kind == AudienceKind::kAnalyst) {
    ASSIGN_OR_RETURN(std::vector<store::IndicatorCell> cells, store->indicator_values().Cells(query));
    for (const store::IndicatorCell& cell : cells) {
      if (!InGemeente(request.gemeente, cell.level, cell.region)) continue;
      if (!request.breakdown.empty() && cell.breakdown != request.breakdown) continue;
      const indicators::Indicator* indicator = indicators::FindIndicator(catalog, cell.indicator);
      if (indicator == nullptr) continue;  // stored by an older catalogue: not exported
      Shown shown{cell.numerator,
                  cell.denominator,
                  cell.value,
                  cell.lower,
                  cell.upper,
                  cell.respondents,
                  "",
                  msg::ExportForAnalystsOnly(),
                  msg::ExportForAnalystsReason()};
      rows.push_back(MakeRow(*indicator, *regions, cell.level, cell.region, cell.period, cell.breakdown, shown,
                             computed_at[cell.run_id], comma));
    }
  } else {
    // Outside the analysts: only the publication, and only one made from the latest computation.
    ASSIGN_OR_RETURN(std::optional<store::PublicationRun> publication, store->publications().Latest());
    if (!publication) return FailedPreconditionError(msg::NothingPublishedYet());
    if (publication->indicator_run_id != runs.back().id) return FailedPreconditionError(msg::PublicationOutdated());
    made_from = computed_at[publication->indicator_run_id];
    ASSIGN_OR_RETURN(std::vector<store::PublishedCell> cells, store->publications().Cells(query));
    for (const store::PublishedCell& cell : cells) {
      if (!InGemeente(request.gemeente, cell.level, cell.region)) continue;
      if (!request.breakdown.empty() && cell.breakdown != request.breakdown) continue;
      const indicators::Indicator* indicator = indicators::FindIndicator(catalog, cell.indicator);
      if (indicator == nullptr || !MaySee(audience, cell.level, cell.region, indicator->sources)) continue;
      Shown shown{cell.numerator,
                  cell.denominator,
                  cell.value,
                  cell.lower,
                  cell.upper,
                  cell.respondents,
                  store::IsSuppressed(cell.status) ? "." : "",
                  std::string(store::CellStatusName(cell.status)),
                  cell.reason};
      rows.push_back(
          MakeRow(*indicator, *regions, cell.level, cell.region, cell.period, cell.breakdown, shown, made_from, comma));
    }
  }
  return rows;
}

}  // namespace

Result<std::vector<ExportedCell>> SelectCells(Workspace& workspace, const CellSelection& selection,
                                              bool decimal_comma) {
  std::string made_from;
  return SelectCellsMadeFrom(workspace, selection, decimal_comma, made_from);
}

Result<std::string> CellsVersion(Workspace& workspace) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(std::optional<store::IndicatorRun> run, store->indicator_values().LatestRun());
  ASSIGN_OR_RETURN(std::optional<store::PublicationRun> publication, store->publications().Latest());
  return "run " + std::to_string(run ? run->id : 0) + ", publication " +
         std::to_string(publication ? publication->id : 0);
}

Result<ExportReport> ExportCells(Workspace& workspace, const ExportRequest& request) {
  if (request.format != "csv" && request.format != "xlsx")
    return InvalidArgumentError(msg::UnknownExportFormat(request.format));
  ASSIGN_OR_RETURN(io::WriteDialect dialect, io::WriteDialect::Named(request.dialect));
  ASSIGN_OR_RETURN(indicators::Catalog catalog, LoadIndicatorCatalog(workspace));
  std::string made_from;
  ASSIGN_OR_RETURN(std::vector<ExportRow> rows, SelectCellsMadeFrom(workspace,
                                                                    {.indicators = request.indicators,
                                                                     .gemeente = request.gemeente,
                                                                     .level = request.level,
                                                                     .audience = request.audience},
                                                                    dialect.decimal_comma, made_from));
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  ASSIGN_OR_RETURN(Audience audience, ParseAudience(request.audience, *regions));
  ExportReport report;
  report.out = request.out;
  report.rows = static_cast<int64_t>(rows.size());
  if (request.format == "xlsx") {
    RETURN_IF_ERROR(WriteXlsx(request.out, catalog, rows));
  } else {
    ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(request.out, dialect));  // written whole or not at all
    RETURN_IF_ERROR(writer->WriteRow(ExportColumns()));
    for (const ExportRow& row : rows) RETURN_IF_ERROR(writer->WriteRow(row.text));
    RETURN_IF_ERROR(writer->Close());
  }
  RETURN_IF_ERROR(WriteProvenance(request.out, {"export",
                                                {{"rijen", std::to_string(report.rows)},
                                                 {"formaat", request.format},
                                                 {"dialect", request.format == "xlsx" ? "" : request.dialect},
                                                 {"doelgroep", audience.ToString()},
                                                 {"berekening", made_from}}}));
  return report;
}

}  // namespace sz::pipeline
