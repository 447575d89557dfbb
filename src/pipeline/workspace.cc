#include "pipeline/workspace.h"

#include <unistd.h>

#include <cstdlib>

#include "io/region_file.h"
#include "pipeline/messages.h"

namespace sz::pipeline {
namespace {

namespace fs = std::filesystem;

bool LooksLikeConfigDir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "regions", ec) && fs::is_regular_file(dir / "linkage-schema.json", ec);
}

}  // namespace

fs::path ExecutablePath() {
  std::error_code ec;
  fs::path path = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : path;
}

Result<fs::path> FindConfigDir(std::string_view given, std::optional<std::string> environment,
                               const fs::path& executable) {
  std::error_code ec;
  if (!given.empty()) {
    if (!fs::is_directory(fs::path(given), ec)) return NotFoundError(msg::ConfigDirMissing(given, "--config-dir"));
    return fs::path(given);
  }
  if (environment && !environment->empty()) {
    if (!fs::is_directory(fs::path(*environment), ec)) {
      return NotFoundError(msg::ConfigDirMissing(*environment, "SAMENZICHT_CONFIG"));
    }
    return fs::path(*environment);
  }
  std::vector<std::string> looked;
  if (!executable.empty()) {
    fs::path bindir = executable.parent_path();
    for (const fs::path& candidate : {bindir / "config", bindir.parent_path() / "share" / "samenzicht" / "config"}) {
      looked.push_back(candidate.string());
      if (LooksLikeConfigDir(candidate)) return candidate;
    }
    for (fs::path dir = bindir; !dir.empty(); dir = dir.parent_path()) {
      if (fs::is_regular_file(dir / "CMakeLists.txt", ec) && LooksLikeConfigDir(dir / "config")) return dir / "config";
      looked.push_back((dir / "config").string());
      if (dir == dir.parent_path()) break;
    }
  }
  return NotFoundError(msg::NoConfigDir(looked));
}

Result<Workspace> Workspace::Open(const WorkspaceOptions& options) {
  const char* environment = std::getenv("SAMENZICHT_CONFIG");
  ASSIGN_OR_RETURN(
      fs::path config_dir,
      FindConfigDir(options.config_dir, environment ? std::optional<std::string>(environment) : std::nullopt,
                    ExecutablePath()));
  Workspace workspace;
  workspace.options_ = options;
  if (const char* regions = std::getenv("SAMENZICHT_REGIONS"); options.regions_file.empty() && regions != nullptr) {
    workspace.options_.regions_file = regions;  // empty: not set
  }
  workspace.config_dir_ = std::move(config_dir);
  workspace.clock_ = options.clock != nullptr ? options.clock : &SystemClock();
  return workspace;
}

Workspace Workspace::Borrowing(store::Store* store, const RegionTable* regions, const Clock& clock,
                               fs::path config_dir) {
  Workspace workspace;
  workspace.store_ = store;
  workspace.regions_ = regions;
  workspace.clock_ = &clock;
  workspace.config_dir_ = std::move(config_dir);
  return workspace;
}

Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

std::string Workspace::ConfigFile(std::string_view relative) const { return (config_dir_ / relative).string(); }

Result<store::Store*> Workspace::Store() {
  if (store_ == nullptr) {
    ASSIGN_OR_RETURN(owned_store_, store::OpenStore(options_.store_url));
    store_ = owned_store_.get();
  }
  return store_;
}

Result<const RegionTable*> Workspace::Regions() {
  if (regions_ == nullptr) {
    std::string file = options_.regions_file.empty() ? ConfigFile(kDefaultRegionFile) : options_.regions_file;
    ASSIGN_OR_RETURN(RegionTable table, io::LoadRegionFile(file));
    owned_regions_ = std::make_unique<RegionTable>(std::move(table));
    regions_ = owned_regions_.get();
  }
  return regions_;
}

}  // namespace sz::pipeline
