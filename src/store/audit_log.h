// The store's audit log: every read of figures and every change made through the server or the
// accounts commands, one entry each, chained by hash (issue 16, docs/api.md). The audit stage
// (pipeline/audit.h) computes the hashes; the store keeps the entries in order, refuses an entry that
// does not continue the chain, and never changes or removes one.
//
//   ASSIGN_OR_RETURN(std::optional<AuditEntry> last, store->audit_log().Last());
//   entry.previous_hash = last ? last->hash : kAuditGenesisHash;
//   entry.hash = …;                                              // pipeline/audit.h
//   ASSIGN_OR_RETURN(int64_t seq, store->audit_log().Append(entry));
//
// Contract:
// - Append needs an open transaction (kFailedPrecondition otherwise). It stores the entry as given
//   (its `seq` is ignored: the store numbers entries 1, 2, …) and returns its seq. The entry's
//   previous_hash must equal the last entry's hash, or kAuditGenesisHash for the first entry
//   (kFailedPrecondition otherwise: another writer appended in between, or the log was tampered with).
// - Last returns the newest entry (nullopt when the log is empty).
// - Entries returns the entries in seq order that match the query: `at` on or after `since` (texts
//   compare, so "2026-12-01" means from that day on) and the given user (empty: any).
// Thread safety: as the Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace sz::store {

// The previous_hash of the first entry: 64 zeros.
inline constexpr const char* kAuditGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

struct AuditEntry {
  int64_t seq = 0;            // set by the store
  std::string at;             // ISO 8601 UTC, set by the caller (it is part of the hash)
  std::string user;           // who (a user name; "-" for the public and for commands run locally)
  std::string action;         // what: "GET /api/waarden", "user add", "signals triage", …
  std::string parameters;     // which parameters, as a JSON object (never a password)
  int64_t cells = 0;          // how many cells were read or changed
  std::string outcome;        // the HTTP status or "ok" / "fout"
  std::string previous_hash;  // the previous entry's hash (hex SHA-256)
  std::string hash;           // this entry's hash (hex SHA-256), see pipeline/audit.h
  bool operator==(const AuditEntry&) const = default;
};

struct AuditQuery {
  std::string since;  // empty: from the start
  std::string user;   // empty: anyone
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual Result<int64_t> Append(const AuditEntry& entry) = 0;
  virtual Result<std::optional<AuditEntry>> Last() = 0;
  virtual Result<std::vector<AuditEntry>> Entries(const AuditQuery& query) = 0;
};

}  // namespace sz::store
