// The inputs of the compute stage (pipeline/compute.h) and each indicator's fingerprint of them: what
// an incremental run compares with the fingerprint stored beside the indicator's cells
// (store/indicator_values.h, Inputs) to skip indicators whose inputs did not change.
//
//   ASSIGN_OR_RETURN(InputState state, ReadInputState(workspace, store, regions, link_run_id));
//   ASSIGN_OR_RETURN(std::string fingerprint, InputFingerprint(indicator, needs_linkage, state));
//
// The fingerprint is SHA-256 (hex) over: kComputeEngineVersion, the indicator id, the catalogue files'
// hash, the region table, for every source the indicator reads (InputSources) the id, SHA-256 and
// ingest time of each ingested file, and the linkage run when `needs_linkage`. Thread safety: pure
// functions over their arguments (ReadInputState reads the store and the catalogue folder).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/region.h"
#include "core/status.h"
#include "indicators/catalog.h"
#include "pipeline/workspace.h"
#include "store/store.h"

namespace sz::pipeline::internal {

// Raise when a computation changes what it makes from the same inputs: every stored indicator is then
// computed again by the next incremental run.
inline constexpr int kComputeEngineVersion = 1;

// What the inputs of one compute stage are: the catalogue, the regions, the ingested files per source
// and the linkage run. An indicator's fingerprint hashes the parts it reads, so an incremental run
// recomputes exactly the indicators whose fingerprint changed.
struct InputState {
  std::string catalog_sha256;
  std::string regions;                                    // every region's code, name, level and parent
  std::map<std::string, std::vector<std::string>> files;  // source → "id:sha256:ingested_at" of each file
  int64_t link_run_id = 0;
};

Result<InputState> ReadInputState(Workspace& workspace, store::Store& store, const RegionTable& regions,
                                  int64_t link_run_id);

// The stored sources an indicator's cells are computed from (sorted).
std::vector<std::string> InputSources(const indicators::Indicator& indicator);

Result<std::string> InputFingerprint(const indicators::Indicator& indicator, bool needs_linkage,
                                     const InputState& state);

// SHA-256 (hex) over the catalogue folder's *.toml file names and contents, in name order.
Result<std::string> CatalogHash(const std::string& dir);

}  // namespace sz::pipeline::internal
