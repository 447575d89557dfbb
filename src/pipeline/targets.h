// `samenzicht doelen`: the 2030 targets per gemeente and Twente — for every catalogue indicator with a
// `doel_2030`, from its stored yearly cells (breakdown totaal; survey indicators per wave): baseline,
// latest value, the (example) target, the trend, the projected 2030 value with its prediction interval
// and the status op_koers / niet_op_koers / onzeker (indicators/targets.h), and the national reference
// value where the catalogue gives one (landelijke_referentie, e.g. CBS's hermelding share).
//
//   ASSIGN_OR_RETURN(std::vector<TargetRow> rows, ComputeTargets(workspace, {.gemeente = "GM0168"}));
//
// Only complete years count: years from the workspace clock's current year on are left out (their
// cells hold part of a year). `audience` (pipeline/audience.h) says from which cells: `analist` (the
// default) projects the computed cells; every other audience the cells published to it (export.h's
// SelectCells), so a suppressed year is a year without a value and a rounded one counts as published.
// A projection made from published values only tells what those values tell, so it is as safe to
// show as they are. `out` writes the rows as Dutch CSV (header line first, provenance in
// OUT.json). Errors: kFailedPrecondition when nothing has been computed; kNotFound for an unknown
// gemeente; the catalogue's and the store's errors. Thread safety: as the Workspace.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "indicators/targets.h"
#include "pipeline/workspace.h"

namespace sz::pipeline {

struct TargetsRequest {
  std::string gemeente;              // "" for every gemeente and Twente
  std::string out;                   // "" to write nothing
  std::string audience = "analist";  // publiek, gemeente:GMxxxx, meldpunt:SOURCE, analist
};

struct TargetRow {
  std::string indicator, title, region, region_name, level;  // level: twente or gemeente
  double target = 0;
  bool example = true;
  std::optional<double> national_reference;
  indicators::TargetTrend trend;
};

Result<std::vector<TargetRow>> ComputeTargets(Workspace& workspace, const TargetsRequest& request);

}  // namespace sz::pipeline
