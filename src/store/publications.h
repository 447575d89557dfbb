// The store's publications part: what disclosure control lets out of the analysts (issue 15,
// docs/disclosure.md). `samenzicht publish` replaces the whole publication at once, with a record of
// the run; everything outside the analysts (export --audience, the server) reads these cells only.
//
//   ASSIGN_OR_RETURN(Transaction tx, store->Begin());
//   ASSIGN_OR_RETURN(int64_t id, store->publications().Replace(run, cells));
//   RETURN_IF_ERROR(tx.Commit());
//   ASSIGN_OR_RETURN(std::vector<PublishedCell> cells, store->publications().Cells(query));
//
// One cell per (indicator, level, region, period, breakdown), as in indicator_values.h; which
// audience sees which cell is decided by the reader (pipeline/audience.h), so the same cell is the
// same for everyone who may see it. Contract: Replace needs an open transaction (kFailedPrecondition)
// and rejects duplicate keys (kInvalidArgument); Cells returns them in CellBefore order.
// Thread safety: as the Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/indicator_values.h"

namespace sz::store {

enum class CellStatus {
  kPublished,           // gepubliceerd: shown as computed
  kRounded,             // afgerond: counts rounded (wijk level), the value computed from them
  kSuppressedPrimary,   // onderdrukt_primair: a primary rule hides it
  kSuppressedSecondary  // onderdrukt_secundair: hidden so that another hidden cell cannot be worked out
};
std::string_view CellStatusName(CellStatus status);  // the Dutch names above
std::optional<CellStatus> CellStatusNamed(std::string_view name);
bool IsSuppressed(CellStatus status);

struct PublishedCell {
  std::string indicator;
  RegionLevel level = RegionLevel::kGemeente;
  std::string region;
  std::string period;
  std::string breakdown = "totaal";
  CellStatus status = CellStatus::kPublished;
  std::string reason;  // Dutch; empty for kPublished
  // What is shown; all empty when suppressed.
  std::optional<double> numerator, denominator, value, lower, upper;
  std::optional<int64_t> respondents;
  bool operator==(const PublishedCell&) const = default;
};

struct PublicationRun {
  int64_t id = 0;                // set by the store
  std::string published_at;      // ISO 8601 UTC; set by the store when empty
  int64_t indicator_run_id = 0;  // the latest compute run when it was made
  int64_t cells = 0;             // published cells (every status)
  int64_t rounded = 0;           // afgerond
  int64_t suppressed_primary = 0;
  int64_t suppressed_secondary = 0;
  double information_loss = 0;  // the cost of the secondary suppressions (docs/disclosure.md)
  std::string details;          // JSON: rules, audit figures, per-indicator counts
  bool operator==(const PublicationRun&) const = default;
};

class Publications {
 public:
  virtual ~Publications() = default;
  // Removes every published cell and stores `cells` with a new run; returns the run's id.
  virtual Result<int64_t> Replace(const PublicationRun& run, const std::vector<PublishedCell>& cells) = 0;
  virtual Result<std::optional<PublicationRun>> Latest() = 0;
  // The cells matching the query (CellMatches on their key), in CellBefore order.
  virtual Result<std::vector<PublishedCell>> Cells(const CellQuery& query) = 0;
};

// For the backends: duplicate keys (kInvalidArgument naming the first) and the order and match of
// cells, as for indicator cells.
Status CheckPublishedCells(const std::vector<PublishedCell>& cells);
bool PublishedBefore(const PublishedCell& a, const PublishedCell& b);
bool PublishedMatches(const CellQuery& query, const PublishedCell& cell);

}  // namespace sz::store
