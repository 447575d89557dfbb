// Workspace: what a command or a server request needs to reach the data — the store, the region
// table, the clock and the configuration directory — found in one place. Every pipeline stage takes
// a Workspace; the command line and the server are thin shells that fill in WorkspaceOptions.
//
//   ASSIGN_OR_RETURN(Workspace workspace, Workspace::Open({.store_url = "sqlite:var/samenzicht.db"}));
//   ASSIGN_OR_RETURN(IngestReport report, Ingest(workspace, request));
//
// The configuration directory is, in this order (FindConfigDir):
//   1. `config_dir` when given (the command's --config-dir): it must exist;
//   2. the environment variable SAMENZICHT_CONFIG, when set and not empty: it must exist;
//   3. beside the installed binary: BINDIR/config, or BINDIR/../share/samenzicht/config;
//   4. the checkout the binary was built in, found upward from the binary: a folder with a
//      CMakeLists.txt and a config/ folder.
// Candidates 3 and 4 count only when they look like a configuration directory (a regions/ folder and
// linkage-schema.json). No path of the source tree is compiled into the binary.
//
// The store and the region table are opened when first asked for, so a command that needs neither
// (schema, keygen) never touches them. Errors: kNotFound when no configuration directory is found,
// naming where it looked; the store's and the region file's own errors when they are opened.
// Thread safety: a Workspace belongs to one thread (as its Store does).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/region.h"
#include "core/status.h"
#include "store/store.h"

namespace sz::pipeline {

struct WorkspaceOptions {
  std::string config_dir;                       // --config-dir; "" to find it
  std::string store_url = "var/samenzicht.db";  // --db: a store URL (store/store.h OpenStore)
  std::string regions_file;                     // --regions; "": SAMENZICHT_REGIONS, else
                                                // CONFIG/regions/twente-synthetic-2024.csv
  const Clock* clock = nullptr;                 // nullptr for the system clock
};

// The configuration directory by the order above. `environment` is SAMENZICHT_CONFIG's value (or
// nullopt), `executable` the running binary's path ("" when unknown): parameters, so tests can vary them.
Result<std::filesystem::path> FindConfigDir(std::string_view given, std::optional<std::string> environment,
                                            const std::filesystem::path& executable);

// The path of the running binary (/proc/self/exe), or "" when the system does not say.
std::filesystem::path ExecutablePath();

class Workspace {
 public:
  // Finds the configuration directory (with this process's environment and binary) and keeps the
  // options; opens nothing yet.
  static Result<Workspace> Open(const WorkspaceOptions& options);

  // A workspace over a store, a region table and a clock that the caller made and keeps alive (tests,
  // embedding). `regions` may be nullptr when the caller's stages need none.
  static Workspace Borrowing(store::Store* store, const RegionTable* regions, const Clock& clock,
                             std::filesystem::path config_dir);

  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

  const std::filesystem::path& config_dir() const { return config_dir_; }
  // A file of the configuration directory, e.g. ConfigFile("linkage-schema.json").
  std::string ConfigFile(std::string_view relative) const;

  // The store, opened from the options' URL on first use.
  Result<store::Store*> Store();
  // The region table, loaded on first use from the options' file or the configuration directory's.
  Result<const RegionTable*> Regions();
  const Clock& clock() const { return *clock_; }

 private:
  Workspace() = default;

  WorkspaceOptions options_;
  std::filesystem::path config_dir_;
  const Clock* clock_ = nullptr;
  std::unique_ptr<store::Store> owned_store_;
  store::Store* store_ = nullptr;
  std::unique_ptr<RegionTable> owned_regions_;
  const RegionTable* regions_ = nullptr;
};

// The region file the configuration directory ships (the synthetic Twente of 2024).
inline constexpr const char* kDefaultRegionFile = "regions/twente-synthetic-2024.csv";

}  // namespace sz::pipeline
