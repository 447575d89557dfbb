// Link pairs for review: the pairs the latest linkage kept (exact links and pairs with probability ≥
// the run's keep floor), named by their involvements, with a table of what each threshold would link.
// An analyst uses it to choose a threshold and to review the grey zone (pairs not in one person).
//
//   ASSIGN_OR_RETURN(LinkPairsReport report, ReviewLinkPairs(workspace, LinkPairsRequest{.min_probability = 0.5}));
//   report.thresholds;   // per threshold: links, links inside today's persons, (with a truth) true links
//   report.pairs;        // the pairs ≥ min_probability, with both involvements and today's verdict
//
// Thresholds: 0.01 0.1 0.3 0.5 0.7 0.8 0.9 0.95 0.99 and "exact only" (threshold 1 with exact links).
// Rows below the run's keep floor (details "keep_floor", raised when the kept pairs outgrew their bound)
// are marked `below_floor`: the store lacks their pairs between that threshold and the floor.
// With a truth (the synthetic truth/persons.csv), each row also has how many of its links join one true
// person, and the run's true pairs, so precision and recall of the links at each threshold follow.
// Errors: kFailedPrecondition when nothing was linked yet; store and truth errors pass through.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/workspace.h"
#include "store/store.h"

namespace sz::pipeline {

struct LinkPairsRequest {
  double min_probability = 0.5;   // pairs listed (every threshold row counts all stored pairs)
  std::string truth_persons_csv;  // optional
};

struct ThresholdRow {
  double threshold = 0;  // 1 with exact_only: only exact links
  bool exact_only = false;
  int64_t links = 0;           // stored pairs that are exact or have probability ≥ threshold
  int64_t within_persons = 0;  // of which both involvements are in one person now
  int64_t true_links = -1;     // of which one true person (-1 without truth)
  bool below_floor = false;    // threshold under the run's keep floor: its count is incomplete
};

struct ReviewedPair {
  const store::LinkedInvolvement* a = nullptr;
  const store::LinkedInvolvement* b = nullptr;
  store::LinkPairRow pair;
  bool same_person = false;  // in the stored clustering
};

struct LinkPairsReport {
  store::LinkRunInfo run;
  std::vector<store::LinkedInvolvement> involvements;
  std::vector<ThresholdRow> thresholds;
  std::vector<ReviewedPair> pairs;  // pointers into `involvements`
  int64_t true_pairs = -1;          // pairs of involvements of one true person (-1 without truth)
  double keep_floor = 0;            // pairs below it were not kept (run details)
};

Result<LinkPairsReport> ReviewLinkPairs(Workspace& workspace, const LinkPairsRequest& request);

// The report's pairs as CSV in the Dutch Excel dialect, header first: bron_a;registratie_a;betrokkene_a;
// bron_b;registratie_b;betrokkene_b;gewicht;kans;exact;zelfde_persoon (decimal commas, ja/nee).
Status WriteLinkPairsCsv(const LinkPairsReport& report, const std::string& path);

}  // namespace sz::pipeline
