// `samenzicht export`: the stored indicator cells as a table for people and other tools, one row per
// cell, with the columns
//   indicator;titel;thema;regio;regio_naam;niveau;periode;uitsplitsing;teller;noemer;waarde;
//   ondergrens;bovengrens;eenheid;n;status;reden;bron;berekend_op
// (docs/indicators.md, "Export"). Dialect `dutch` (the default): ';', decimal comma, UTF-8 with BOM,
// CRLF, as Excel opens it; `plain`: ',', decimal point, LF. Missing numbers are empty cells. The file
// starts with its header line and has a provenance sidecar OUT.json; it is written whole or not at all.
// XLSX: a sheet "definities" (id, titel, definitie, thema, …, doel_2030, the sheet of each indicator)
// and one sheet per indicator with the same columns, numbers as numbers and missing ones empty.
// Until disclosure control lands every row has status `alleen_analist` and says why in `reden`.
//
//   ASSIGN_OR_RETURN(ExportReport report, ExportCells(workspace, {.out = "eenzaam.csv", .indicators =
//   {"eenzaam_pct"}}));
//
// Filters: indicators (empty: all), a gemeente (its cells, its wijken's and nothing else), a level.
// Errors: kInvalidArgument for an unknown format; kNotFound for an unknown indicator or gemeente; kFailedPrecondition
// when nothing has been computed yet; kIoError for the file. Thread safety: as the Workspace.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/region.h"
#include "core/status.h"
#include "pipeline/workspace.h"

namespace sz::pipeline {

struct ExportRequest {
  std::string out;
  std::vector<std::string> indicators;
  std::string gemeente;              // GMxxxx, "" for all
  std::optional<RegionLevel> level;  // kRegio (twente), kGemeente, kWijk
  std::string format = "csv";        // csv or xlsx
  std::string dialect = "dutch";     // dutch or plain (CSV only)
};

struct ExportReport {
  int64_t rows = 0;
  std::string out;
};

Result<ExportReport> ExportCells(Workspace& workspace, const ExportRequest& request);

// The export's column names, in order.
const std::vector<std::string>& ExportColumns();

}  // namespace sz::pipeline
