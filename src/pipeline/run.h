// `samenzicht run`: the stages after ingest, in order — link (when something new was ingested, or
// always with `full`) → compute the catalogue's indicators → signals (pipeline/signals.h) → publish
// (disclosure control, pipeline/publish.h). Signals and publication run when they are older than the
// computation, or always with `full`. Each stage is its own transaction; a failing stage stops
// the run and what the earlier stages stored stays (it is consistent on its own).
//
//   ASSIGN_OR_RETURN(RunReport report, RunAll(workspace, RunRequest{.full = false}));
//   for (const StageTime& stage : report.stages) ...   // "koppelen 19.9 s", "berekenen 4.1 s", "signaleren …", "publiceren …"
//
// Incremental by default: linking extends the stored linkage when it can (pipeline/link.h) and the
// compute stage recomputes only the indicators whose inputs changed (pipeline/compute.h); `full`
// links everything afresh and recomputes every indicator. Without desk extracts in the store linking
// is skipped and the linked indicators are reported as not computed.
// Thread safety: as the Workspace.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/compute.h"
#include "pipeline/link.h"
#include "pipeline/publish.h"
#include "pipeline/signals.h"
#include "pipeline/workspace.h"

namespace sz::pipeline {

struct RunRequest {
  bool full = false;  // link everything afresh (link --full) and recompute every indicator
  std::function<void(const std::string& line)> progress;  // a line per step (may be empty)
};

struct StageTime {
  std::string stage;  // Dutch: "koppelen", "berekenen", "signaleren", "publiceren"
  double seconds = 0;
  std::string summary;  // Dutch, one line
};

struct RunReport {
  std::optional<LinkReport> link;  // nullopt when there was nothing to link
  ComputeReport compute;
  std::optional<SignalsReport> signals;  // nullopt when the signals were already current
  std::optional<PublishReport> publish;  // nullopt when the publication was already current
  std::vector<StageTime> stages;
};

Result<RunReport> RunAll(Workspace& workspace, const RunRequest& request);

}  // namespace sz::pipeline
