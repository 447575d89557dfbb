// Link: the linkage stage over everything in the store. Reads every stored desk-extract row of the six
// desk sources, links persons and households (linkage/linker.h: exact pseudonym links, blocking,
// Fellegi–Sunter with EM, constrained clustering) and replaces the stored linkage with the result.
//
//   ASSIGN_OR_RETURN(LinkReport report, LinkStore(*store, LinkRequest{}));
//   report.skipped;            // true when nothing was ingested since the last run (and !force)
//   report.stats.persons;
//
// "Incremental": a run records the newest ingested file it saw; when no file was ingested since, the
// run is skipped. Otherwise the whole store is linked again, so earlier links can be revised by new
// evidence (a full re-link of the synthetic Twente takes seconds, see BENCHMARKS.md).
// Person and household keys are stable across runs as long as the earliest involvement of a cluster
// stays in it: the key is "source:record_id:betrokkene_nr" of the cluster's earliest involvement (by
// event date, then source, record id, person number).
// Kept pairs: every exact link and every compared pair with probability ≥ keep_probability, with
// weight and probability, so analysts can choose a threshold (below it pairs are not kept).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "linkage/linker.h"
#include "store/store.h"

namespace sz::pipeline {

struct LinkRequest {
  bool force = false;  // link even when nothing new was ingested
  double keep_probability = 0.01;
  linkage::LinkageOptions options;
};

struct LinkReport {
  bool skipped = false;
  store::LinkRunInfo run;
  linkage::LinkageStats stats;
  std::vector<linkage::LinkRecord> records;  // the linked records, in stored order
  std::vector<uint32_t> person;              // per record (cluster index)
  std::vector<uint32_t> household;
};

Result<LinkReport> LinkStore(store::Store& store, const LinkRequest& request);

// The desk sources linkage reads, in order.
const std::vector<std::string>& DeskSources();

}  // namespace sz::pipeline
