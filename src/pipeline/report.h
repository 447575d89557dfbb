// `samenzicht report`: a printable factsheet per municipality (issue 17): the key figures of every
// theme beside Twente with their trend, the open signals and the 2030 targets, after disclosure
// control for the audience. One self-contained HTML file per gemeente (inline CSS and SVG, nothing
// loaded from elsewhere, A4 print styles) and, unless `pdf` is off, the same printed to PDF by
// headless Chromium.
//
//   ASSIGN_OR_RETURN(std::vector<FactsheetFile> files,
//                    WriteFactsheets(workspace, {.gemeenten = {"GM0153"}, .out_dir = "factsheets"}));
//
// Audience: "" (the default) is each gemeente's own, `gemeente:GMxxxx`; `publiek`, `meldpunt:SOURCE` and
// `analist` as the export has them (pipeline/export.h): every figure comes from SelectCells for that
// audience, so a suppressed cell is "." with its reason. Open signals (not `afgesloten`, in the gemeente
// or its wijken) are shown to `analist` only, and the signals with the desk's own source to
// `meldpunt:SOURCE`; the sheet says so for the others, because signal explanations are made from
// unsuppressed counts (as the API, docs/api.md). The 2030 targets are in every sheet, projected from
// the cells the audience may see (pipeline/targets.h).
//
// Files: OUT_DIR/factsheet-GMxxxx.html (with a provenance sidecar .html.json) and .pdf, each written
// whole or not at all. The sheet has no wijk figures, so any audience may have any gemeente's sheet.
// Errors: kInvalidArgument for no gemeente and not `all`, or an unknown audience; kNotFound for an unknown gemeente;
// kFailedPrecondition as SelectCells (nothing computed or published); kIoError for the files or when Chromium cannot be
// run or fails (named, with what it printed). Thread safety: as the Workspace.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/workspace.h"

namespace sz::pipeline {

struct FactsheetRequest {
  std::vector<std::string> gemeenten;  // GMxxxx
  bool all = false;                    // every gemeente of the region file
  std::string audience;                // "" for each gemeente's own
  std::string out_dir;
  bool pdf = true;
  std::string chromium = "chromium";  // the program (looked up on PATH)
};

struct FactsheetFile {
  std::string gemeente;  // GMxxxx
  std::string name;
  std::string audience;
  std::string html;
  std::string pdf;  // "" when not printed
  int indicators = 0;
  int suppressed = 0;  // key figures shown as "."
  int signals = 0;
  int targets = 0;
};

Result<std::vector<FactsheetFile>> WriteFactsheets(Workspace& workspace, const FactsheetRequest& request);

// The factsheet of one gemeente as HTML (what WriteFactsheets writes), for tests and other callers.
Result<std::string> FactsheetHtml(Workspace& workspace, const std::string& gemeente, const std::string& audience,
                                  FactsheetFile* summary = nullptr);

// Prints `html_path` to `pdf_path` with headless Chromium (`program` on PATH): kIoError when it cannot
// be started, fails, or leaves no PDF.
Status PrintToPdf(const std::string& program, const std::string& html_path, const std::string& pdf_path);

}  // namespace sz::pipeline
