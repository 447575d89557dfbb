#include "pipeline/run.h"

#include <chrono>

#include "pipeline/messages.h"
#include "sources/contract.h"
#include "store/indicator_values.h"
#include "store/publications.h"
#include "store/signal_state.h"

namespace sz::pipeline {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<RunReport> RunAll(Workspace& workspace, const RunRequest& request) {
  RunReport report;
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());

  // 1. Link, when there are desk extracts.
  int64_t desk_rows = 0;
  for (const std::string& source : DeskSources()) {
    ASSIGN_OR_RETURN(store::RecordSummary summary, store->records().Summarise(*sources::FindContract(source)));
    desk_rows += summary.rows;
  }
  auto start = std::chrono::steady_clock::now();
  if (desk_rows > 0) {
    if (request.progress) request.progress(msg::RunLinking());
    LinkRequest link;
    link.force = request.full;
    ASSIGN_OR_RETURN(LinkReport linked, LinkStore(workspace, link));
    report.stages.push_back({msg::StageLinking(), SecondsSince(start),
                             msg::LinkStageSummary(linked.skipped, linked.incremental, linked.new_involvements)});
    report.link = std::move(linked);
  } else {
    report.stages.push_back({msg::StageLinking(), 0, msg::NoDeskRowsToLink()});
  }

  // 2. Compute every indicator.
  start = std::chrono::steady_clock::now();
  ComputeRequest compute;
  compute.full = request.full;
  if (request.progress) compute.progress = [&](const std::string& id) { request.progress(msg::RunComputing(id)); };
  ASSIGN_OR_RETURN(report.compute, ComputeIndicators(workspace, compute));
  report.stages.push_back(
      {msg::StageComputing(), SecondsSince(start),
       msg::ComputeStageSummary(report.compute.computed.size(), report.compute.cells, report.compute.unchanged.size(),
                                report.compute.not_computed.size())});

  // 3. Signals, unless they were made from the latest computation already.
  start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::optional<store::IndicatorRun> computed, store->indicator_values().LatestRun());
  ASSIGN_OR_RETURN(std::optional<store::SignalRun> signalled, store->signal_state().LatestRun());
  if (!computed) {
    report.stages.push_back({msg::StageSignalling(), 0, msg::NothingComputedYet()});
  } else if (!request.full && signalled && signalled->indicator_run_id == computed->id) {
    report.stages.push_back({msg::StageSignalling(), 0, msg::SignalsCurrent()});
  } else {
    if (request.progress) request.progress(msg::StageSignalling());
    ASSIGN_OR_RETURN(SignalsReport signals, DetectSignals(workspace));
    report.stages.push_back({msg::StageSignalling(), SecondsSince(start),
                             msg::SignalsStageSummary(signals.signals, signals.new_signals, signals.tests)});
    report.signals = std::move(signals);
  }

  // 4. Publish, unless the publication is of the latest computation already.
  start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::optional<store::PublicationRun> published, store->publications().Latest());
  if (!computed) {
    report.stages.push_back({msg::StagePublishing(), 0, msg::NothingComputedYet()});
  } else if (!request.full && published && published->indicator_run_id == computed->id) {
    report.stages.push_back({msg::StagePublishing(), 0, msg::PublicationCurrent()});
  } else {
    if (request.progress) request.progress(msg::StagePublishing());
    ASSIGN_OR_RETURN(PublishReport publication, PublishIndicators(workspace, {.full = request.full}));
    report.stages.push_back({msg::StagePublishing(), SecondsSince(start),
                             msg::PublishStageSummary(publication.cells, publication.suppressed_primary,
                                                      publication.suppressed_secondary)});
    report.publish = std::move(publication);
  }
  return report;
}

}  // namespace sz::pipeline
