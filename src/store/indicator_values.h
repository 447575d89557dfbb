// IndicatorValues: the store's part that the compute stage owns — the value of every catalogue
// indicator × region × period × breakdown (a "cell"), with its numerator, denominator and interval,
// and a log of the compute runs that made them (pipeline/compute.h; docs/indicators.md).
//
//   ASSIGN_OR_RETURN(Transaction tx, store.Begin());
//   ASSIGN_OR_RETURN(int64_t run_id, store.indicator_values().AddRun(run));
//   RETURN_IF_ERROR(store.indicator_values().ReplaceIndicator(run_id, "eenzaam_pct", cells));
//   RETURN_IF_ERROR(tx.Commit());
//   ASSIGN_OR_RETURN(std::vector<IndicatorCell> cells, store.indicator_values().Cells({.indicators =
//   {"eenzaam_pct"}}));
//
// Contract:
// - AddRun and ReplaceIndicator need an open transaction (kFailedPrecondition otherwise).
// - AddRun logs a run and returns its id; ids increase. `cells` of the stored run is what the caller
//   gives (the run's total).
// - ReplaceIndicator replaces every stored cell of `indicator` by `cells` (each stamped with run_id;
//   the cells' own run_id is ignored). An empty `cells` removes the indicator's cells. kInvalidArgument
//   when two cells share a key (indicator, level, region, period, breakdown) or a cell names another
//   indicator; kNotFound for a run_id that was not added. Cells of other indicators are untouched.
// - Cells returns the stored cells matching the query, ordered by (indicator, level, region, period,
//   breakdown) in byte order of the texts and the level's number; missing numbers stay missing.
// - Runs returns every run, oldest first; LatestRun the newest (nullopt in an empty store).
// - Inputs: per indicator, the fingerprint of the inputs its stored cells were computed from (made and
//   compared by the compute stage to skip indicators whose inputs did not change). ReplaceIndicator
//   forgets the indicator's fingerprint; SetInputs (in a transaction) stores one after it, an empty
//   fingerprint forgets it. Indicators lists every indicator with stored cells, in byte order.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/region.h"
#include "core/status.h"

namespace sz::store {

struct IndicatorRun {
  int64_t id = 0;                  // set by the store
  std::string computed_at;         // ISO 8601 UTC, e.g. "2026-12-03T10:00:00Z"
  std::string catalog_sha256;      // over the catalogue files, in name order
  int64_t max_ingest_file_id = 0;  // the newest ingested file the run saw
  int64_t link_run_id = 0;         // the linkage run it used (0: none)
  int64_t cells = 0;               // cells written by the run
  std::string details;             // free text for people (Dutch): what was (re)computed
  bool operator==(const IndicatorRun&) const = default;
};

// The key of a cell is (indicator, level, region, period, breakdown).
struct IndicatorCell {
  std::string indicator;                       // a catalogue id
  RegionLevel level = RegionLevel::kGemeente;  // kRegio (Twente), kGemeente or kWijk
  std::string region;                          // CBS code: CR23, GM0153, WK015301
  std::string period;                          // "2023", "2023-Q1", "2023-05", "2023-W05"; a survey wave: its year
  std::string breakdown = "totaal";            // "totaal" or "name=value" joined with "&"
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::optional<double> value;         // numerator / denominator × factor, or the estimate
  std::optional<double> lower, upper;  // the interval (ondergrens, bovengrens)
  std::optional<int64_t> respondents;  // unweighted n of a survey estimate
  int64_t run_id = 0;                  // the run that computed it (set by the store)
  bool operator==(const IndicatorCell&) const = default;
};

struct CellQuery {
  std::vector<std::string> indicators;  // empty: all
  std::optional<RegionLevel> level;
  std::string region;     // "": all; a gemeente code also matches nothing below it
  std::string period;     // "": all
  std::string breakdown;  // "": all (e.g. "totaal")
};

class IndicatorValues {
 public:
  virtual ~IndicatorValues() = default;
  virtual Result<int64_t> AddRun(const IndicatorRun& run) = 0;
  virtual Status ReplaceIndicator(int64_t run_id, const std::string& indicator,
                                  const std::vector<IndicatorCell>& cells) = 0;
  virtual Result<std::vector<IndicatorCell>> Cells(const CellQuery& query) = 0;
  virtual Result<std::vector<IndicatorRun>> Runs() = 0;
  virtual Result<std::optional<IndicatorRun>> LatestRun() = 0;
  virtual Status SetInputs(const std::string& indicator, const std::string& inputs_fingerprint) = 0;
  virtual Result<std::map<std::string, std::string>> Inputs() = 0;
  virtual Result<std::vector<std::string>> Indicators() = 0;
};

// For the backends: the checks ReplaceIndicator makes before writing (kInvalidArgument as above), the
// order Cells returns, and whether a cell matches a query.
Status CheckCells(const std::string& indicator, const std::vector<IndicatorCell>& cells);
bool CellBefore(const IndicatorCell& a, const IndicatorCell& b);
bool CellMatches(const CellQuery& query, const IndicatorCell& cell);

}  // namespace sz::store
