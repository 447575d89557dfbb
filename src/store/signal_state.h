// The store's signal-state part: the signals the signal stage raised and their triage (issue 14,
// docs/signals.md). The signal stage (pipeline/signals.h) owns it: every run adds a SignalRun and adds
// or updates signals; `samenzicht signals triage` adds triage steps. Nothing here decides what a
// signal is: ids, matching across runs and the triage rules are the signals module's.
//
//   ASSIGN_OR_RETURN(Transaction tx, store->Begin());
//   ASSIGN_OR_RETURN(int64_t run_id, store->signal_state().AddRun(run));
//   ASSIGN_OR_RETURN(int64_t id, store->signal_state().Add(signal));      // a new signal
//   RETURN_IF_ERROR(store->signal_state().Update(signal));                // the same id, new figures
//   RETURN_IF_ERROR(store->signal_state().AddStep(id, step));             // a triage step
//   RETURN_IF_ERROR(tx.Commit());
//   ASSIGN_OR_RETURN(std::vector<StoredSignal> all, store->signal_state().All());
//
// Contract:
// - AddRun, Add, Update and AddStep need an open transaction (kFailedPrecondition otherwise).
// - AddRun returns the run's id; ids increase. `ran_at` empty: the store sets the current UTC time.
// - Add stores a signal and returns its new id (ids increase from 1; the signal's own id and steps are
//   ignored). Update replaces every field of the signal with that id except its steps (kNotFound for
//   an unknown id). AddStep appends a step to the signal's steps (kNotFound for an unknown id); steps
//   are never changed or removed.
// - All returns every signal in id order, each with its steps in the order they were added; Get one
//   signal (nullopt for an unknown id). LatestRun the newest run (nullopt when there is none).
// - List fields (indicators, sources) hold texts without a comma ("," is the backends' separator;
//   kInvalidArgument otherwise). Optional numbers stay missing.
// Thread safety: as the Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace sz::store {

// One triage step: a change of status, a note, or both.
struct TriageStep {
  std::string at;           // ISO 8601 UTC; the store sets the current time when empty
  std::string by;           // who (door); may be empty
  std::string from_status;  // the status before ("" when the status did not change)
  std::string to_status;    // the status after ("" when the status did not change)
  std::string note;         // may be empty
  bool operator==(const TriageStep&) const = default;
};

struct StoredSignal {
  int64_t id = 0;   // set by the store
  std::string key;  // what the signal is about (the signals module's series key); not unique
  std::string kind;  // soort: reeks, dwarsverband, golf, belasting
  std::vector<std::string> indicators;
  std::vector<std::string> sources;
  std::string region;       // CBS code
  std::string breakdown;    // "totaal" or "name=value"
  std::string period_from;  // ISO week "2024-W07" or month "2024-03"
  std::string period_to;
  std::string method;  // e.g. "farringtonFlexible (Noufaily)"
  std::optional<double> observed, expected, threshold, p_value, q_value;
  double score = 0;
  int64_t rank = 0;         // 1 = first in the latest run's list; 0 when not in it
  std::string explanation;  // uitleg, Dutch
  std::string status;       // nieuw, besproken, geagendeerd, afgesloten
  int64_t follows = 0;      // the closed signal this one follows up (0: none)
  int64_t first_run = 0;    // the signal run that raised it
  int64_t last_run = 0;     // the latest signal run that still saw it
  std::vector<TriageStep> steps;
  bool operator==(const StoredSignal&) const = default;
};

struct SignalRun {
  int64_t id = 0;                // set by the store
  std::string ran_at;            // ISO 8601 UTC; set by the store when empty
  int64_t indicator_run_id = 0;  // the compute run whose cells it read
  int64_t tests = 0;             // tests that entered the false-discovery control
  int64_t signals = 0;           // signals in the run's list
  std::string details;           // JSON for people: settings, per-kind counts
  bool operator==(const SignalRun&) const = default;
};

class SignalState {
 public:
  virtual ~SignalState() = default;
  virtual Result<int64_t> AddRun(const SignalRun& run) = 0;
  virtual Result<std::optional<SignalRun>> LatestRun() = 0;
  virtual Result<int64_t> Add(const StoredSignal& signal) = 0;
  virtual Status Update(const StoredSignal& signal) = 0;
  virtual Status AddStep(int64_t id, const TriageStep& step) = 0;
  virtual Result<std::vector<StoredSignal>> All() = 0;
  virtual Result<std::optional<StoredSignal>> Get(int64_t id) = 0;
};

// For the backends: kInvalidArgument when a list field holds a comma (naming the signal and text).
Status CheckSignal(const StoredSignal& signal);

}  // namespace sz::store
