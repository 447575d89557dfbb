#include "pipeline/catalog.h"

#include <cmath>
#include <cstdio>

#include "indicators/catalog_file.h"
#include "pipeline/messages.h"

namespace sz::pipeline {
namespace {

template <typename T, typename Name>
std::string JoinNames(const std::vector<T>& items, Name name) {
  std::string out;
  for (const T& item : items) {
    if (!out.empty()) out += ", ";
    out += std::string(name(item));
  }
  return out;
}

std::string FormatTarget(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

}  // namespace

std::string CatalogDir(const Workspace& workspace) { return workspace.ConfigFile("indicatoren"); }

IndicatorListing ListingOf(const indicators::Indicator& indicator) {
  IndicatorListing listing;
  listing.id = indicator.id;
  listing.title = indicator.title;
  listing.theme = std::string(indicators::ThemeName(indicator.theme));
  listing.kind = std::string(indicators::IndicatorKindName(indicator.kind));
  listing.unit = indicator.unit;
  listing.periods = JoinNames(indicator.periods, indicators::CatalogPeriodName);
  listing.levels = JoinNames(indicator.levels, indicators::CatalogLevelName);
  listing.sources = JoinNames(indicator.sources, [](const std::string& s) { return s; });
  if (indicator.target_2030) {
    listing.target_2030 = FormatTarget(indicator.target_2030->value) +
                          (indicator.target_2030->example ? " " + msg::ExampleTargetMark() : std::string());
  }
  return listing;
}

Result<CatalogReport> CheckIndicatorCatalog(Workspace& workspace) {
  CatalogReport report;
  report.dir = CatalogDir(workspace);
  indicators::CatalogCheck check = indicators::CheckCatalogDir(report.dir);
  report.files = check.files;
  for (const indicators::Indicator& indicator : check.catalog.indicators)
    report.indicators.push_back(ListingOf(indicator));
  for (const indicators::CatalogProblem& problem : check.problems) report.problems.push_back(problem.ToString());
  return report;
}

Result<indicators::Catalog> LoadIndicatorCatalog(Workspace& workspace) {
  return indicators::LoadCatalog(CatalogDir(workspace));
}

Status CheckGemeenteFilter(const RegionTable& regions, const std::string& code) {
  if (code.empty()) return Status::Ok();
  const Region* gemeente = regions.Find(code);
  if (gemeente == nullptr || gemeente->level != RegionLevel::kGemeente) return NotFoundError(msg::UnknownRegion(code));
  return Status::Ok();
}

}  // namespace sz::pipeline
