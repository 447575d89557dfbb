// Signal evaluation on the synthetic Twente (issue 14, `samenzicht signals-eval --data DIR`): the signal
// stage replayed week by week over the latest weeks of the computed cells, scored against what the
// generator injected (truth/outbreaks.csv, truth/dwarsverbanden.csv).
//
// Replay: every weekly series the stage would test (pipeline/internal/signal_series.h) is tested as it
// would have been when each replayed week was the latest: each week once, by the method the stage
// chooses, with its p-value (signals/series_tests.h; the methods use only the past of the week they
// evaluate). Per replayed week the tests of that week, the clusters of the space-time scan ending that
// week (signals/crossdesk.h, baselines from the 52 weeks before its 13) and the co-movement across wijken
// of every pair of desks over the same weeks and baselines (signals/comovement.h) go under one
// Benjamini–Hochberg control at the configured fdr_q; a week is significant for a series when its
// alarm fires and q ≤ fdr_q, for a cluster or a pair when q ≤ fdr_q and its Monte-Carlo p ≤ fdr_q. A signal is a
// run of significant weeks of one key with gaps of at most max_gap weeks (the stage's identity rule);
// it is new in its first week. Monthly series are not replayed (the stage tests them once a month).
//
// Scores (injected events wholly inside the replayed weeks):
// - outbreaks found: a series signal of the outbreak's gemeente and breakdown "ziekte=<ziekte>"
//   significant in one of the outbreak's weeks;
// - dwarsverbanden found: a scan cluster significant in one of the cluster's weeks or the 4 after,
//   whose zone contains the cluster's wijk, whose window overlaps the cluster's weeks and which shares
//   at least two desks with it; precision: the share of dwarsverband signals (scan and co-movement) with
//   such a match, where a co-movement signal matches when its weeks overlap an injected cluster of both
//   its desks (the generator injects no pattern across wijken; co-movement signals are also counted apart);
// - new signals per replayed week, Twente-wide (median and maximum); per method: series, signals, new
//   signals per week.
// Errors: kFailedPrecondition when nothing has been computed or there are fewer weekly periods than
// the replay needs; kDataError for an unreadable truth file (naming file and line).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/workspace.h"

namespace sz::pipeline {

struct SignalsEvalRequest {
  std::string data_dir;  // the `samenzicht generate` folder with truth/
  int weeks = 104;       // replayed weeks, ending at the latest computed week
  int replications = 999;
  int threads = 0;  // 0: hardware concurrency
};

struct MethodSignals {
  int64_t series = 0;   // weekly series tested with the method
  int64_t signals = 0;  // signals (runs of significant weeks)
  int64_t outbreaks = 0, outbreaks_found = 0;
};

struct SignalsEvalReport {
  std::string first_week, last_week;
  int weeks = 0;
  int64_t series = 0, series_tested = 0;
  int64_t outbreaks = 0, outbreaks_found = 0;
  int64_t clusters = 0, clusters_found = 0;
  // The injected events not found, each as "kinkhoest GM0153 2024-W25 t/m 2024-W28 (+4)" and
  // "WK015301 woningvervuiling+zorgwekkend_gedrag 2025-W10 t/m 2025-W13 (+24)" (truth-file order).
  std::vector<std::string> outbreaks_missed, clusters_missed;
  int64_t crossdesk_signals = 0, crossdesk_signals_true = 0;
  double crossdesk_false_per_year = 0;
  int64_t comovement_signals = 0, comovement_signals_coinciding = 0;  // part of crossdesk_signals(_true)
  std::vector<int64_t> new_per_week;                                  // per replayed week, all kinds
  double median_new_per_week = 0;
  int64_t max_new_per_week = 0;
  // By method label; the scan's and the co-movement's labels for dwarsverbanden (their `series`: the
  // most desk pairs tested in one week for co-movement, 0 for the scan).
  std::map<std::string, MethodSignals> methods;
  double seconds = 0;

  double OutbreakShare() const { return outbreaks ? static_cast<double>(outbreaks_found) / outbreaks : 0; }
  double ClusterShare() const { return clusters ? static_cast<double>(clusters_found) / clusters : 0; }
  double CrossDeskPrecision() const {
    return crossdesk_signals ? static_cast<double>(crossdesk_signals_true) / crossdesk_signals : 0;
  }
};

Result<SignalsEvalReport> EvaluateSignals(Workspace& workspace, const SignalsEvalRequest& request);

// The report as JSON: weeks, first_week, last_week, series, series_tested, outbreaks{injected, found,
// share, missed}, dwarsverbanden{injected, found, share, missed, signals, true_signals, precision, false_per_year,
// comovement_signals, comovement_coinciding},
// new_signals_per_week{median, max, per_week}, methods{label: {series, signals, outbreaks, found}}, seconds.
Status WriteSignalsEvalJson(const SignalsEvalReport& report, const std::string& path);

}  // namespace sz::pipeline
