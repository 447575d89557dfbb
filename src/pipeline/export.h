// `samenzicht export`: the stored indicator cells as a table for people and other tools, one row per
// cell, with the columns
//   indicator;titel;thema;regio;regio_naam;niveau;periode;uitsplitsing;teller;noemer;waarde;
//   ondergrens;bovengrens;eenheid;n;status;reden;bron;berekend_op
// (docs/indicators.md, "Export"). Dialect `dutch` (the default): ';', decimal comma, UTF-8 with BOM,
// CRLF, as Excel opens it; `plain`: ',', decimal point, LF. Missing numbers are empty cells. The file
// starts with its header line and has a provenance sidecar OUT.json; it is written whole or not at all.
// XLSX: a sheet "definities" (id, titel, definitie, thema, …, doel_2030, the sheet of each indicator)
// and one sheet per indicator with the same columns, numbers as numbers and missing ones empty.
// Audience (pipeline/audience.h): `analist` (the default) exports the computed cells, unsuppressed,
// with status `alleen_analist`; `publiek`, `gemeente:GMxxxx` and `meldpunt:SOURCE` export only the
// published cells (pipeline/publish.h) that audience may see, with their status and Dutch reason; a
// suppressed cell has `waarde` "." and empty teller, noemer, ondergrens and bovengrens; a rounded one
// the rounded counts and the value from them.
//
//   ASSIGN_OR_RETURN(ExportReport report, ExportCells(workspace, {.out = "eenzaam.csv", .indicators =
//   {"eenzaam_pct"}}));
//
// Filters: indicators (empty: all), a gemeente (its cells, its wijken's and nothing else), a level.
// Errors: kInvalidArgument for an unknown format or audience; kFailedPrecondition for an audience
// other than analist when nothing is published or the publication is older than the latest
// computation (run samenzicht publish); kNotFound for an unknown indicator or gemeente; kFailedPrecondition
// when nothing has been computed yet; kIoError for the file. Thread safety: as the Workspace.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/region.h"
#include "core/status.h"
#include "pipeline/workspace.h"

namespace sz::indicators {
struct Catalog;
}  // namespace sz::indicators

namespace sz::pipeline {

struct ExportRequest {
  std::string out;
  std::vector<std::string> indicators;
  std::string gemeente;              // GMxxxx, "" for all
  std::optional<RegionLevel> level;  // kRegio (twente), kGemeente, kWijk
  std::string format = "csv";        // csv or xlsx
  std::string dialect = "dutch";     // dutch or plain (CSV only)
  std::string audience = "analist";  // publiek, gemeente:GMxxxx, meldpunt:SOURCE, analist
};

// Which cells, for whom: the export's filters and the API's (/api/waarden). `region` picks one region's
// own cells (a gemeente code matches nothing below it; use `gemeente` for a gemeente and its wijken).
struct CellSelection {
  std::vector<std::string> indicators;  // empty: all (each must exist: kNotFound)
  std::string gemeente;                 // GMxxxx: its cells and its wijken's; "" for all
  std::optional<RegionLevel> level;
  std::string region;     // "" for all
  std::string period;     // "" for all
  std::string breakdown;  // "" for all
  std::string audience = "analist";
  // The indicator catalogue when the caller keeps it loaded (the server); nullptr to read it here.
  const indicators::Catalog* catalog = nullptr;
};

// One selected cell: the export's columns in order, as text and, where a column is a number, as one.
struct ExportedCell {
  std::string indicator;
  std::vector<std::string> text;              // ExportColumns() order; "" for a missing value
  std::vector<std::optional<double>> number;  // the same columns: the number where it is one
};

// The cells `selection.audience` may see, with the same rules, statuses and errors as ExportCells.
// `decimal_comma` formats the text columns the Dutch way.
Result<std::vector<ExportedCell>> SelectCells(Workspace& workspace, const CellSelection& selection, bool decimal_comma);

// What SelectCells' answer depends on besides its selection: the latest computation and the latest
// publication, as "run R, publication P" (P 0 when nothing is published). Equal versions give equal
// cells for an equal selection, so a caller may keep an answer as long as the version stays (the
// server's response cache). Two small reads.
Result<std::string> CellsVersion(Workspace& workspace);

struct ExportReport {
  int64_t rows = 0;
  std::string out;
};

Result<ExportReport> ExportCells(Workspace& workspace, const ExportRequest& request);

// The export's column names, in order.
const std::vector<std::string>& ExportColumns();

}  // namespace sz::pipeline
