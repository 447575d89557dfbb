// The signal stage (issue 14, docs/signals.md): `samenzicht signals` and the step of `samenzicht run`
// after computing. It reads the latest computed cells (store/indicator_values.h), tests every series of
// every indicator the catalogue marks `signaleerbaar` for a rise in its latest periods
// (signals/series_tests.h), puts every test of the run under one Benjamini–Hochberg control
// (signals/fdr.h, `fdr_q` of config/signalen.toml), joins significant periods into signals, ranks and
// explains them in Dutch, and stores them with their triage (store/signal_state.h): a signal that
// persists keeps its id, status and notes; a closed one that returns comes back as a follow-up
// (signals/triage.h).
//
//   ASSIGN_OR_RETURN(SignalsReport report, DetectSignals(workspace));
//   ASSIGN_OR_RETURN(std::vector<store::StoredSignal> list, ListSignals(workspace, {}));
//   ASSIGN_OR_RETURN(store::StoredSignal s, TriageSignal(workspace, {.id = 4, .status = "besproken"}));
//
// Series: per indicator of kind `verhouding` (its numerators: registrations or sums counted per period),
// weekly when the indicator has weeks, else monthly; one per level × region × breakdown the compute
// stage stored, over the consecutive periods from the indicator's first to its last computed period
// (a period without a cell counts 0: nothing was registered). A last period that the data end inside
// (the latest event date of the numerator's sources falls before its last day) is left out: it is not
// complete yet. Indicators with neither weeks nor months,
// with a rolling window, or of other kinds are listed in `not_tested` with the reason. The signal key is
// "reeks|INDICATOR|REGION|BREAKDOWN"; periods are ISO weeks ("2024-W07") or months ("2024-03").
// A total that rose together with one of its categories (overlapping periods) is not a signal of its
// own: the category's signal says so ("Het totaal steeg mee: …"), so that one event is one signal.
// Belasting: per source and region of every signalable forecast indicator, the forecast weeks above the
// source's capacity (config/signalen.toml, Twente) or its own 90th percentile of the last 104 complete
// weeks (signals/load.h); key "belasting|INDICATOR|REGION|bron=SOURCE"; no p-value, so outside the
// false-discovery control.
// Dwarsverbanden: the wijk totals of the single-desk weekly indicators (one per source) are scanned over
// their latest 13 weeks with baselines from the 52 weeks before (pipeline/internal/crossdesk_signals.h,
// signals/crossdesk.h, 999 Monte-Carlo replications); each cluster is one more test under the same
// control (its Gumbel p-value) and a signal when q ≤ fdr_q and its Monte-Carlo p ≤ fdr_q; key
// "dwarsverband|CENTRE|SOURCE+SOURCE". On the same 13 weeks every pair of those desks is tested for
// co-movement across wijken (signals/comovement.h: a permutation test of the rank correlation of the
// wijken's excesses, 999 permutations); a pair is one more test (its normal-approximation p) and a
// signal when q ≤ fdr_q and its permutation p ≤ fdr_q; key "dwarsverband|REGIO|SOURCE+SOURCE".
// Survey waves: every signalable indicator of kind `enquete` gets, per region, a design-based test of
// the change since the previous wave and, per gemeente, of the difference from Twente, in the
// unfavourable direction (pipeline/internal/wave_signals.h, signals/waves.h); each is one more test
// under the same control, a signal of kind `golf` when q ≤ fdr_q; key "golf|INDICATOR|REGION|verandering"
// or "golf|INDICATOR|REGION|twente"; periods are wave years ("2022", "2024").
// Each DetectSignals call is one transaction (all or nothing) and one SignalRun; running it again on
// the same computed cells changes no id, status or note.
// Errors: kFailedPrecondition when nothing has been computed; kDataError for a bad signalen.toml or
// catalogue; for triage kNotFound (unknown id) and kInvalidArgument (unknown status, a step
// signals/triage.h refuses). Thread safety: as the Workspace.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "pipeline/workspace.h"
#include "store/signal_state.h"

namespace sz::pipeline {

struct SignalsRequest {
  int threads = 0;  // 0: hardware concurrency
};

struct SignalsReport {
  int64_t run_id = 0;
  int64_t indicator_run_id = 0;
  int64_t series = 0;         // series looked at
  int64_t not_tested = 0;     // series too short or too sparse to test, or whose method failed
  int64_t failed = 0;         // of those: the method stopped with an error (one series does not stop the run)
  std::string first_failure;  // the first such error (Dutch)
  int64_t tests = 0;          // period tests that entered the false-discovery control
  int64_t signals = 0;        // signals in this run's list
  int64_t new_signals = 0;
  int64_t follow_ups = 0;         // new signals that follow up a closed one
  int64_t load_signals = 0;       // of the signals: belasting
  int64_t crossdesk_tests = 0;    // scan clusters that entered the false-discovery control
  int64_t comovement_tests = 0;   // pairs of desks tested for co-movement across wijken
  int64_t crossdesk_signals = 0;  // of the signals: dwarsverband (scan clusters and co-movement)
  int64_t wave_tests = 0;         // survey tests: change between waves, difference from Twente
  int64_t wave_signals = 0;       // of the signals: golf
  int64_t folded_totals = 0;      // totals told in the signal of a category that rose with them
  std::vector<std::pair<std::string, std::string>> not_tested_indicators;  // id, reason (Dutch)
  double seconds = 0;
};

Result<SignalsReport> DetectSignals(Workspace& workspace, const SignalsRequest& request = {});

// The signal list: with `status`, the signals with that status; without, every signal not afgesloten.
// Ordered by the latest run's rank (rank 1 first), then signals not in it, newest first.
Result<std::vector<store::StoredSignal>> ListSignals(Workspace& workspace, const std::optional<std::string>& status);

Result<store::StoredSignal> ShowSignal(Workspace& workspace, int64_t id);

struct TriageRequest {
  int64_t id = 0;
  std::string status;  // nieuw, besproken, geagendeerd, afgesloten
  std::string note;    // may be empty
  std::string by;      // door; may be empty
};
// Adds the step and sets the status, in one transaction; returns the signal as stored after it.
Result<store::StoredSignal> TriageSignal(Workspace& workspace, const TriageRequest& request);

// The list as JSON (docs/signals.md): an array of objects with id, soort, indicatoren, bronnen, regio,
// uitsplitsing, periode_van, periode_tot, methode, waargenomen, verwacht, drempel, p_waarde, q_waarde,
// score, rang (null when not in the latest run), uitleg, status, volgt_op (null), notities (a list of
// {tijd, door, van, naar, notitie}). Missing numbers are null.
std::string SignalsJson(const std::vector<store::StoredSignal>& signals);
Status WriteSignalsJson(const std::vector<store::StoredSignal>& signals, const std::string& path);

}  // namespace sz::pipeline
