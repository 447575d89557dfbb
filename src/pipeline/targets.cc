#include "pipeline/targets.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/numbers.h"
#include "io/csv_writer.h"
#include "io/dialect.h"
#include "pipeline/audience.h"
#include "pipeline/catalog.h"
#include "pipeline/export.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"

namespace sz::pipeline {
namespace {

using YearSeries = std::map<std::pair<RegionLevel, std::string>, std::vector<indicators::YearValue>>;

// The yearly totals of Twente and the gemeenten (or of `gemeente` alone) before `current_year`, as
// computed.
Result<YearSeries> ComputedYears(store::Store& store, const std::string& indicator, const std::string& gemeente,
                                 int current_year) {
  ASSIGN_OR_RETURN(std::vector<store::IndicatorCell> cells,
                   store.indicator_values().Cells({.indicators = {indicator}}));
  YearSeries series;
  for (const store::IndicatorCell& cell : cells) {
    if (cell.breakdown != "totaal" || !cell.value || cell.period.size() != 4) continue;  // yearly cells only
    if (cell.level != RegionLevel::kRegio && cell.level != RegionLevel::kGemeente) continue;
    if (!gemeente.empty() && cell.region != gemeente) continue;
    const std::optional<int64_t> year = ParseInteger(cell.period);
    if (!year || *year >= current_year) continue;
    series[{cell.level, cell.region}].push_back({static_cast<int>(*year), *cell.value});
  }
  return series;
}

// The same from the cells published to `audience`: a suppressed year has no value and is left out.
Result<YearSeries> PublishedYears(Workspace& workspace, const indicators::Catalog& catalog,
                                  const std::string& indicator, const std::string& gemeente, int current_year,
                                  const std::string& audience) {
  const std::vector<std::string>& columns = ExportColumns();
  auto column = [&](std::string_view name) {
    return static_cast<size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
  };
  const size_t region_at = column("regio"), period_at = column("periode"), value_at = column("waarde");
  CellSelection selection{.indicators = {indicator}, .breakdown = "totaal", .audience = audience, .catalog = &catalog};
  YearSeries series;
  for (RegionLevel level : {RegionLevel::kRegio, RegionLevel::kGemeente}) {
    if (!gemeente.empty() && level == RegionLevel::kRegio) continue;
    selection.level = level;
    selection.region = level == RegionLevel::kGemeente ? gemeente : "";
    ASSIGN_OR_RETURN(std::vector<ExportedCell> cells, SelectCells(workspace, selection, false));
    for (const ExportedCell& cell : cells) {
      const std::string& period = cell.text[period_at];
      if (period.size() != 4 || !cell.number[value_at]) continue;  // yearly cells with a shown value
      const std::optional<int64_t> year = ParseInteger(period);
      if (!year || *year >= current_year) continue;
      series[{level, cell.text[region_at]}].push_back({static_cast<int>(*year), *cell.number[value_at]});
    }
  }
  return series;
}

}  // namespace

Result<std::vector<TargetRow>> ComputeTargets(Workspace& workspace, const TargetsRequest& request) {
  ASSIGN_OR_RETURN(indicators::Catalog catalog, LoadIndicatorCatalog(workspace));
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  RETURN_IF_ERROR(CheckGemeenteFilter(*regions, request.gemeente));
  ASSIGN_OR_RETURN(std::optional<store::IndicatorRun> run, store->indicator_values().LatestRun());
  if (!run) return FailedPreconditionError(msg::NothingComputedYet());
  const int current_year = workspace.clock().Today().year;
  ASSIGN_OR_RETURN(const Audience audience, ParseAudience(request.audience, *regions));

  std::vector<TargetRow> rows;
  for (const indicators::Indicator& indicator : catalog.indicators) {
    if (!indicator.target_2030) continue;
    YearSeries series;
    if (audience.kind == AudienceKind::kAnalyst) {
      ASSIGN_OR_RETURN(series, ComputedYears(*store, indicator.id, request.gemeente, current_year));
    } else {
      ASSIGN_OR_RETURN(
          series, PublishedYears(workspace, catalog, indicator.id, request.gemeente, current_year, request.audience));
    }
    for (auto& [place, values] : series) {
      ASSIGN_OR_RETURN(indicators::TargetTrend trend,
                       indicators::ProjectTarget(values, *indicator.target_2030, indicator.direction));
      const Region* region = regions->Find(place.second);
      rows.push_back({indicator.id, indicator.title, place.second, region ? region->name : "",
                      std::string(indicators::CatalogLevelName(place.first)), indicator.target_2030->value,
                      indicator.target_2030->example, indicator.national_reference, trend});
    }
  }
  if (!request.out.empty()) {
    ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(request.out, io::WriteDialect::DutchExcel()));
    RETURN_IF_ERROR(writer->WriteRow({"indicator", "titel", "regio", "regio_naam", "niveau", "basisjaar", "basiswaarde",
                                      "laatste_jaar", "laatste_waarde", "trend_per_jaar", "doel_2030",
                                      "doel_is_voorbeeld", "verwacht_2030", "ondergrens_2030", "bovengrens_2030",
                                      "status", "landelijke_referentie", "jaren"}));
    for (const TargetRow& row : rows) {
      const indicators::TargetTrend& t = row.trend;
      RETURN_IF_ERROR(writer->WriteRow(
          {row.indicator, row.title, row.region, row.region_name, row.level, std::to_string(t.first_year),
           FormatNumber(t.first_value, true), std::to_string(t.last_year), FormatNumber(t.last_value, true),
           FormatNumber(t.slope, true), FormatNumber(row.target, true), row.example ? "ja" : "nee",
           FormatNumber(t.projected, true), FormatNumber(t.lower, true), FormatNumber(t.upper, true), t.status,
           FormatNumber(row.national_reference, true), std::to_string(t.years)}));
    }
    RETURN_IF_ERROR(writer->Close());
    RETURN_IF_ERROR(WriteProvenance(request.out, {"doelen", {{"berekening", run->computed_at}}}));
  }
  return rows;
}

}  // namespace sz::pipeline
