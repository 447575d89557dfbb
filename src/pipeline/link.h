// Link: the linkage stage over everything in the store. Reads every stored desk-extract row of the six
// desk sources, links persons and households (linkage/linker.h: exact pseudonym links, blocking,
// Fellegi–Sunter with EM, constrained clustering) and stores the result.
//
//   ASSIGN_OR_RETURN(LinkReport report, LinkStore(workspace, LinkRequest{}));
//   report.skipped;            // true when nothing was ingested since the last run (and !force)
//   report.incremental;        // true when only the new involvements were linked
//   report.stats.persons;
//
// When does a run do what:
// - Nothing ingested since the last run (the run records the newest ingested file it saw): skipped,
//   unless `force`.
// - A full run links every stored involvement: EM estimates the model afresh, and earlier links can be
//   revised by new evidence. It happens on the first run, with `force`, when the new
//   involvements outnumber `max_incremental_share` of all, or when the stored run cannot be extended
//   (no stored model, other comparison settings, an involvement it knew is gone), or when records with
//   field encodings (extract column veldcodering) arrive and the stored model was fitted on records
//   without them.
// - Otherwise an incremental run: the earlier involvements keep their order and persons; only pairs with
//   a new involvement are compared, scored with the stored model; clustering starts from the stored
//   persons (a new involvement may join or bridge them, never split them). The store is extended: new
//   involvements and pairs appended, changed keys updated (store/linkage_runs.h, Extend).
// Person and household keys are stable across runs as long as the earliest involvement of a cluster
// stays in it: the key is "source:record_id:betrokkene_nr" of the cluster's earliest involvement (by
// event date, then source, record id, person number).
// Kept pairs: every exact link and every compared pair with probability ≥ keep_probability, with
// weight and probability, so analysts can choose a threshold (below it pairs are not kept). Pairs are
// streamed, not held: memory grows with the involvements and the kept pairs (docs/linkage.md). The kept
// pairs are bounded by max_kept_pairs_per_record (LinkageOptions): past it the floor rises, and the
// floor in force is stored in the run details ("keep_floor"); an incremental run keeps pairs from at
// least the stored floor, so the stored pairs stay one consistent set.
// Field encodings: when any record carries them, the field-level comparisons and blocking passes are
// used (linkage/comparison.h, blocking.h); records without them are compared as before.
// Run details (link_runs.details, JSON): mode, model (lambda, m, u), dice bounds, blocking statistics,
// model_field_encodings ("none", "all" or "some": which records the model was fitted on),
// records_with_field_encodings, field_filter_conflicts (LinkReport), link_probability (the threshold
// used) and, for full runs, model_link_probability and model_expected_f1 (what ChooseLinkProbability
// chose and expects).
// Errors: kFailedPrecondition with fewer than 2 stored desk involvements; store and truth errors pass
// through (with `truth_persons_csv`, a record missing from the truth is a kDataError naming it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "linkage/evaluation.h"
#include "linkage/linker.h"
#include "pipeline/workspace.h"
#include "store/store.h"

namespace sz::pipeline {

struct LinkRequest {
  bool force = false;                  // a full run, even when nothing new was ingested (CLI: --full)
  double max_incremental_share = 0.5;  // above this share of new involvements: a full run
  double keep_probability = 0.01;
  double max_kept_pairs_per_record = 8;  // see LinkageOptions; 0: no bound
  std::string truth_persons_csv;         // optional: the synthetic truth (truth/persons.csv) to score against
  // The link probability from which a compared pair is a link (linkage::SetLinkThreshold). 0 or below:
  // the one the fitted model chooses (linkage::ChooseLinkProbability, the F1 it expects highest); none:
  // that choice when every involvement has field encodings, else options.clustering.link_probability
  // (0.9). An incremental run fits no model: when the model would choose, or none is given, it keeps the
  // stored run's threshold.
  std::optional<double> threshold;
  // options.on_stage also hears "read" (the stored rows are in columns) and "truth" (the truth is
  // read) before the linker's own stages.
  linkage::LinkageOptions options;
};

// One linked involvement as the report names it (the linkage itself holds only columns).
struct InvolvementRef {
  std::string_view source;  // one of DeskSources() (static storage)
  std::string record_id;
  int betrokkene_nr = 0;
  int64_t event_day = INT64_MAX;  // Date::DayNumber of the event date; INT64_MAX when unknown
};

struct LinkReport {
  bool skipped = false;
  bool incremental = false;
  int64_t new_involvements = 0;  // linked for the first time in this run
  int64_t updated_keys = 0;      // stored involvements whose person or household key changed
  // Field encodings whose filter differs from the one an earlier involvement brought with the same tag
  // (linkage/record_columns.h): a damaged or forged extract, or a tag collision. The first is used.
  int64_t field_filter_conflicts = 0;
  store::LinkRunInfo run;
  linkage::LinkageStats stats;
  std::vector<InvolvementRef> involvements;  // the linked involvements, in stored linkage order
  std::vector<uint32_t> person;              // per record (cluster index)
  std::vector<uint32_t> household;
  // With truth_persons_csv: the true person and household per record (interned labels), and the
  // pairwise scores of the persons and households found against them.
  std::vector<uint32_t> true_person, true_household;
  std::optional<linkage::PairwiseScores> person_scores, household_scores;
};

// The keep floor a stored run kept its pairs from (details "keep_floor"; 0 when the run has none).
double StoredKeepFloor(const store::LinkRunInfo& run);

// Links the workspace's store; each write is one transaction.
Result<LinkReport> LinkStore(Workspace& workspace, const LinkRequest& request);

// The desk sources linkage reads, in order.
const std::vector<std::string>& DeskSources();

}  // namespace sz::pipeline
