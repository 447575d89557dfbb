// Test helper: a workspace over the checkout's configuration directory (regions, linkage schema,
// generator parameters), with a store of the test's choice (an in-memory one by default).
#pragma once

#include <string>

#include "pipeline/workspace.h"

namespace sz::testing {

inline std::string ConfigDir() { return std::string(SZ_SOURCE_DIR) + "/config"; }

inline pipeline::Workspace TestWorkspace(const std::string& store_url = "memory:", const Clock* clock = nullptr) {
  Result<pipeline::Workspace> workspace =
      pipeline::Workspace::Open({.config_dir = ConfigDir(), .store_url = store_url, .clock = clock});
  if (!workspace.ok()) std::abort();  // the checkout's config/ is always there
  return std::move(workspace).value();
}

}  // namespace sz::testing
