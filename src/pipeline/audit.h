// The audit log (issue 16, docs/api.md): every read of figures and every change made through the
// server or the account commands is appended as one entry, and the entries are chained by hash, so
// that a changed, inserted or removed entry is detected by VerifyAuditLog.
//
//   RETURN_IF_ERROR(AppendAudit(*store, workspace.clock(), {.user = "losser", .action = "GET /api/waarden",
//                                                           .parameters = R"({"indicator":"vt_meldingen"})",
//                                                           .cells = 12, .outcome = "200"}));
//   ASSIGN_OR_RETURN(AuditVerification check, VerifyAuditLog(workspace));
//
// The chain: entry n's hash is the hex SHA-256 of "samenzicht-audit-v1", its seq and each of its
// fields (at, user, action, parameters, cells, outcome, previous_hash), each field written as its
// length in bytes, a colon and its bytes (so no two entries serialise alike); previous_hash is entry
// n-1's hash, the first entry's is 64 zeros (store/audit_log.h). A changed field breaks its own hash;
// a removed or inserted entry breaks the next entry's previous_hash or the numbering. Removing the
// newest entries leaves a valid shorter chain: VerifyAuditLog reports the head (seq and hash) so that
// an operator can keep it elsewhere and compare (docs/api.md).
//
// Never put a password, a name, a BSN or any other identity in `parameters`: the log is read by the
// beheerder and kept for years. Thread safety: as the Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "pipeline/workspace.h"
#include "store/audit_log.h"
#include "store/store.h"

namespace sz::pipeline {

struct AuditRecord {
  std::string user = "-";         // the account, or "-" for the public and for local commands
  std::string action;             // "GET /api/waarden", "user add", ...
  std::string parameters = "{}";  // a JSON object
  int64_t cells = 0;
  std::string outcome = "ok";  // the HTTP status, or "ok" / "fout"
};

// The hash of `entry` as the chain defines it (uses entry.seq and entry.previous_hash, not entry.hash).
Result<std::string> AuditEntryHash(const store::AuditEntry& entry);

// Appends one entry, timed by `clock`, chained to the newest entry. Needs an open transaction, so that
// a change and its entry commit together (kFailedPrecondition otherwise). Returns its seq.
Result<int64_t> AppendAudit(store::Store& store, const Clock& clock, const AuditRecord& record);

// AppendAudit in a transaction of its own (for reads, which change nothing else).
Result<int64_t> RecordAudit(Workspace& workspace, const AuditRecord& record);

struct AuditVerification {
  int64_t entries = 0;
  bool intact = true;
  int64_t first_broken = 0;  // the seq of the first entry that does not fit (when !intact)
  std::string problem;       // why, in Dutch (when !intact)
  int64_t head_seq = 0;      // the newest entry
  std::string head_hash;     // its hash (kAuditGenesisHash for an empty log)
};

// Walks the whole chain from the first entry. A broken chain is a result, not an error; errors are
// the store's own.
Result<AuditVerification> VerifyAuditLog(Workspace& workspace);

// The entries from `since` (a date YYYY-MM-DD or an ISO time; "" for all) of `user` ("" for all).
// kInvalidArgument for a `since` that is not a date.
Result<std::vector<store::AuditEntry>> ListAudit(Workspace& workspace, const std::string& since,
                                                 const std::string& user);

}  // namespace sz::pipeline
