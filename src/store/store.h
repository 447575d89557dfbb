// Store: where Samenzicht keeps what it ingests and computes, behind one backend-neutral interface.
// A store is made of parts, one per stage that owns data, each a small interface in its own header:
//
//   ingest_log()  files ingested and rows rejected   (store/ingest_log.h)   — the ingest stage
//   records()     validated rows per source, typed    (store/records.h)      — the ingest stage
//   linkage()     linkage runs, persons, pairs        (store/linkage_runs.h) — the link stage
//   settings()    small facts of the data             (store/settings.h)
//   indicator_values()  computed indicator cells, compute runs (store/indicator_values.h) — the compute stage
//   publications()      what disclosure control lets out (store/publications.h) — the publish stage
//   signal_state()      signals, their triage steps, signal runs (store/signal_state.h) — the signal stage
//   accounts()          who may log in to the server, with which role (store/accounts.h) — the accounts stage
//   audit_log()         every read of figures and every change, chained by hash (store/audit_log.h) — the audit stage
//
// Backends: SQLite (a file; the default), in
// memory (tests, throwaway runs), and later PostgreSQL (the shared server); every backend passes
// tests/store/store_conformance_test.cc.
//
//   ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore("sqlite:var/samenzicht.db"));
//   ASSIGN_OR_RETURN(Transaction tx, store->Begin());
//   ASSIGN_OR_RETURN(int64_t file_id, store->ingest_log().AddFile(info));
//   ASSIGN_OR_RETURN(InsertOutcome outcome, store->records().Insert(file_id, line, contract, values));
//   RETURN_IF_ERROR(tx.Commit());
//
// Transactions: every write happens inside one (kFailedPrecondition otherwise), and becomes visible
// at Commit() or not at all: a destroyed transaction, a failed commit, a crash or kill -9 leave the
// store as it was. One transaction at a time per Store. Reads see the open transaction's writes.
// Thread safety: one Store per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/accounts.h"
#include "store/audit_log.h"
#include "store/indicator_values.h"
#include "store/ingest_log.h"
#include "store/linkage_runs.h"
#include "store/publications.h"
#include "store/records.h"
#include "store/settings.h"
#include "store/signal_state.h"

namespace sz::store {

// What a backend does to end a transaction (implemented by each backend).
class TransactionBackend {
 public:
  virtual ~TransactionBackend() = default;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
};

// An open transaction. Destroyed without a successful Commit(), it rolls back.
class Transaction {
 public:
  explicit Transaction(std::unique_ptr<TransactionBackend> backend) : backend_(std::move(backend)) {}
  Transaction(Transaction&&) noexcept = default;
  Transaction& operator=(Transaction&& other) noexcept;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Makes every write of the transaction visible. On failure nothing is (the transaction is rolled
  // back). Calling it twice is kFailedPrecondition.
  Status Commit();

 private:
  std::unique_ptr<TransactionBackend> backend_;
};

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite:var/samenzicht.db", "memory:": for messages.
  virtual std::string Describe() const = 0;
  virtual int SchemaVersion() = 0;
  // kFailedPrecondition when a transaction is already open; kIoError when the backend cannot start
  // one (e.g. the database is locked by another process).
  virtual Result<Transaction> Begin() = 0;

  virtual IngestLog& ingest_log() = 0;
  virtual Records& records() = 0;
  virtual LinkageRuns& linkage() = 0;
  virtual Settings& settings() = 0;
  virtual IndicatorValues& indicator_values() = 0;
  virtual Publications& publications() = 0;
  virtual SignalState& signal_state() = 0;
  virtual Accounts& accounts() = 0;
  virtual AuditLog& audit_log() = 0;
};

// Opens a store from a URL:
//   "sqlite:PATH" or a plain PATH   an SQLite file (created, with missing parent folders, if absent)
//   "memory:"                       a new, empty in-memory store
//   "postgresql://…"                not yet available (kInvalidArgument saying so)
// Errors: kInvalidArgument for an unknown kind of URL; the backend's errors otherwise (kIoError when
// the file cannot be created or written, kDataError when it is not a Samenzicht database or is newer
// than this program).
Result<std::unique_ptr<Store>> OpenStore(std::string_view url);

}  // namespace sz::store
