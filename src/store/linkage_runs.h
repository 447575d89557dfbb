// LinkageRuns: the store's part that the link stage owns. It keeps the latest run's assignment of
// every stored desk-extract row (an "involvement": one person in one registration) to a person and
// a household, the pairs that may be links, and a log of all runs (pipeline/link.h).
//
//   ASSIGN_OR_RETURN(Transaction tx, store.Begin());
//   ASSIGN_OR_RETURN(int64_t run_id, store.linkage().Replace(run, involvements, pairs));
//   RETURN_IF_ERROR(tx.Commit());
//
// Contract:
// - Replace (in a transaction) replaces the stored linkage with a new run.
// - Extend (in a transaction) extends it (incremental linking): updates the keys of stored
//   involvements, appends new involvements at idx first_new, first_new+1, … and new pairs, and logs
//   `run`. kFailedPrecondition when the store does not hold exactly `first_new` involvements (another
//   run came in between); kInvalidArgument for an update of an idx that is not stored. On error the
//   caller's transaction must not be committed (the pipeline returns, and it rolls back).
// - Both log the run with the counts as they then are in the store (involvements, pairs_kept) and
//   return its id; ids increase.
// - Pairs(min): the stored pairs with probability ≥ min (exact links always), ordered by (a, b).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace sz::store {

struct LinkedInvolvement {
  std::string source;
  std::string record_id;
  int betrokkene_nr = 0;
  std::string person_key;     // stable within a run: "source:record_id:betrokkene_nr" of the person's first involvement
  std::string household_key;  // likewise for the household
};

struct LinkPairRow {
  uint32_t a = 0, b = 0;  // indices into the involvements of the same run
  double weight = 0;      // match weight (log2 odds)
  double probability = 0;
  bool exact = false;  // a BSN or name+birth-date pseudonym agrees
};

// A changed person/household key of a stored involvement (incremental linking).
struct LinkKeyUpdate {
  int64_t idx = 0;
  std::string person_key;
  std::string household_key;
};

struct LinkRunInfo {
  int64_t id = 0;
  std::string created_at;
  int64_t max_ingest_file_id = 0;  // the newest ingested file the run saw
  int64_t involvements = 0;
  int64_t pairs_compared = 0;
  int64_t pairs_kept = 0;  // pairs stored after the run
  int64_t persons = 0;
  int64_t households = 0;
  std::string details;  // JSON: model parameters, blocking statistics
};

class LinkageRuns {
 public:
  virtual ~LinkageRuns() = default;

  virtual Result<int64_t> Replace(const LinkRunInfo& run, const std::vector<LinkedInvolvement>& involvements,
                                  const std::vector<LinkPairRow>& pairs) = 0;
  virtual Result<int64_t> Extend(const LinkRunInfo& run, int64_t first_new, const std::vector<LinkKeyUpdate>& updated,
                                 const std::vector<LinkedInvolvement>& appended,
                                 const std::vector<LinkPairRow>& pairs) = 0;
  virtual Result<std::optional<LinkRunInfo>> Latest() = 0;
  // The latest run's involvements, in the order they were written (idx order).
  virtual Result<std::vector<LinkedInvolvement>> Involvements() = 0;
  // The same, one at a time (a national linkage holds millions): `visit` gets each in idx order; its
  // first error stops the scan and is returned.
  virtual Status ScanInvolvements(const std::function<Status(const LinkedInvolvement&)>& visit) = 0;
  virtual Result<std::vector<LinkPairRow>> Pairs(double min_probability) = 0;
};

}  // namespace sz::store
