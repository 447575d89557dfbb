#include "pipeline/audit.h"

#include "pipeline/messages.h"
#include "pipeline/output_file.h"
#include "privacy/bytes.h"
#include "privacy/hash.h"

namespace sz::pipeline {
namespace {

void AppendField(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

}  // namespace

Result<std::string> AuditEntryHash(const store::AuditEntry& entry) {
  std::string text = "samenzicht-audit-v1";
  AppendField(text, std::to_string(entry.seq));
  AppendField(text, entry.at);
  AppendField(text, entry.user);
  AppendField(text, entry.action);
  AppendField(text, entry.parameters);
  AppendField(text, std::to_string(entry.cells));
  AppendField(text, entry.outcome);
  AppendField(text, entry.previous_hash);
  ASSIGN_OR_RETURN(privacy::Sha256Digest digest, privacy::Sha256(privacy::AsBytes(text)));
  return privacy::HexEncode(digest);
}

Result<int64_t> AppendAudit(store::Store& store, const Clock& clock, const AuditRecord& record) {
  ASSIGN_OR_RETURN(std::optional<store::AuditEntry> last, store.audit_log().Last());
  store::AuditEntry entry{.seq = last ? last->seq + 1 : 1,
                          .at = UtcTimestamp(clock.NowUnixSeconds()),
                          .user = record.user.empty() ? "-" : record.user,
                          .action = record.action,
                          .parameters = record.parameters.empty() ? "{}" : record.parameters,
                          .cells = record.cells,
                          .outcome = record.outcome,
                          .previous_hash = last ? last->hash : std::string(store::kAuditGenesisHash)};
  ASSIGN_OR_RETURN(entry.hash, AuditEntryHash(entry));
  ASSIGN_OR_RETURN(int64_t seq, store.audit_log().Append(entry));
  if (seq != entry.seq) return InternalError(msg::AuditSeqMismatch(entry.seq, seq));
  return seq;
}

Result<int64_t> RecordAudit(Workspace& workspace, const AuditRecord& record) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(store::Transaction tx, store->Begin());
  ASSIGN_OR_RETURN(int64_t seq, AppendAudit(*store, workspace.clock(), record));
  RETURN_IF_ERROR(tx.Commit());
  return seq;
}

Result<AuditVerification> VerifyAuditLog(Workspace& workspace) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(std::vector<store::AuditEntry> entries, store->audit_log().Entries({}));
  AuditVerification check;
  check.entries = static_cast<int64_t>(entries.size());
  check.head_hash = store::kAuditGenesisHash;
  std::string previous = store::kAuditGenesisHash;
  int64_t expected_seq = 1;
  for (const store::AuditEntry& entry : entries) {
    std::string problem;
    if (entry.seq != expected_seq) {
      problem = msg::AuditEntryMissing(expected_seq, entry.seq);
    } else if (entry.previous_hash != previous) {
      problem = msg::AuditPreviousHashWrong();
    } else {
      ASSIGN_OR_RETURN(std::string hash, AuditEntryHash(entry));
      if (hash != entry.hash) problem = msg::AuditEntryChanged();
    }
    if (!problem.empty()) {
      check.intact = false;
      check.first_broken = entry.seq;
      check.problem = problem;
      break;
    }
    previous = entry.hash;
    ++expected_seq;
  }
  if (!entries.empty()) {
    check.head_seq = entries.back().seq;
    check.head_hash = entries.back().hash;
  }
  return check;
}

Result<std::vector<store::AuditEntry>> ListAudit(Workspace& workspace, const std::string& since,
                                                 const std::string& user) {
  store::AuditQuery query{.user = user};
  if (!since.empty()) {
    Result<Date> date = ParseDate(since);
    if (!date.ok()) return InvalidArgumentError(msg::BadAuditSince(since, date.status().message()));
    query.since = date->ToIso();
  }
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  return store->audit_log().Entries(query);
}

}  // namespace sz::pipeline
