#include "pipeline/internal/compute_inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "pipeline/catalog.h"
#include "pipeline/link.h"
#include "privacy/bytes.h"
#include "privacy/hash.h"

namespace sz::pipeline::internal {

Result<std::string> CatalogHash(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    all += std::filesystem::path(file).filename().string() + '\0' + text.str() + '\0';
  }
  ASSIGN_OR_RETURN(privacy::Sha256Digest digest, privacy::Sha256(privacy::AsBytes(all)));
  return privacy::HexEncode(digest);
}

std::vector<std::string> InputSources(const indicators::Indicator& indicator) {
  std::set<std::string> sources;
  switch (indicator.kind) {
    case indicators::IndicatorKind::kRate:
      for (const std::string& s : indicator.numerator->sources) sources.insert(s);
      for (const std::string& s : indicator.denominator->sources) sources.insert(s);
      break;
    case indicators::IndicatorKind::kForecast:
      for (const std::string& s : indicator.numerator->sources) sources.insert(s);
      break;
    case indicators::IndicatorKind::kLinked:
      for (const std::string& s : DeskSources()) sources.insert(s);
      break;
    case indicators::IndicatorKind::kSurvey:
    case indicators::IndicatorKind::kSurveyIncomeGap: sources.insert("gezondheidsmonitor"); break;
    case indicators::IndicatorKind::kDuration: sources.insert(indicator.duration->source); break;
    case indicators::IndicatorKind::kDelivery:
      for (const std::string& s : indicator.sources) sources.insert(s);
      break;
  }
  return {sources.begin(), sources.end()};
}

Result<InputState> ReadInputState(Workspace& workspace, store::Store& store, const RegionTable& regions,
                                  int64_t link_run_id) {
  InputState state;
  ASSIGN_OR_RETURN(state.catalog_sha256, CatalogHash(CatalogDir(workspace)));
  for (RegionLevel level :
       {RegionLevel::kLand, RegionLevel::kRegio, RegionLevel::kGemeente, RegionLevel::kWijk, RegionLevel::kBuurt}) {
    for (const Region* region : regions.AtLevel(level)) {
      state.regions += region->code + '\x1f' + region->name + '\x1f' + std::to_string(static_cast<int>(level)) +
                       '\x1f' + region->parent_code + '\x1e';
    }
  }
  ASSIGN_OR_RETURN(std::vector<store::IngestedFile> files, store.ingest_log().Files());
  for (const store::IngestedFile& file : files) {
    state.files[file.source].push_back(std::to_string(file.id) + ':' + file.sha256 + ':' + file.ingested_at);
  }
  state.link_run_id = link_run_id;
  return state;
}

Result<std::string> InputFingerprint(const indicators::Indicator& indicator, bool needs_linkage,
                                     const InputState& state) {
  std::string all = "engine " + std::to_string(kComputeEngineVersion) + '\n' + "indicator " + indicator.id + '\n' +
                    "catalogue " + state.catalog_sha256 + '\n' + "regions " + state.regions + '\n';
  for (const std::string& source : InputSources(indicator)) {
    all += "source " + source;
    if (auto it = state.files.find(source); it != state.files.end()) {
      for (const std::string& file : it->second) all += ' ' + file;
    }
    all += '\n';
  }
  if (needs_linkage) all += "linkage " + std::to_string(state.link_run_id) + '\n';
  ASSIGN_OR_RETURN(privacy::Sha256Digest digest, privacy::Sha256(privacy::AsBytes(all)));
  return privacy::HexEncode(digest);
}

}  // namespace sz::pipeline::internal
