// The indicator catalogue of the workspace: CONFIG/indicatoren/*.toml (docs/indicators.md), listed
// and checked for `samenzicht indicators`, and loaded for the stages that compute indicators.
//
//   ASSIGN_OR_RETURN(CatalogReport report, CheckIndicatorCatalog(workspace));
//   for (const std::string& problem : report.problems) std::cerr << problem << "\n";
//   ASSIGN_OR_RETURN(indicators::Catalog catalog, LoadIndicatorCatalog(workspace));
//
// CheckIndicatorCatalog fails only when there is no configuration directory; the catalogue's own
// problems ("FILE:LINE:COLUMN: message", Dutch) are part of the report. LoadIndicatorCatalog fails
// with kDataError listing them. Thread safety: as the Workspace.
#pragma once

#include <string>
#include <vector>

#include "core/region.h"
#include "core/status.h"
#include "indicators/catalog.h"
#include "pipeline/workspace.h"

namespace sz::pipeline {

// One indicator as `samenzicht indicators` lists it.
struct IndicatorListing {
  std::string id;
  std::string title;
  std::string theme;  // meedoen, opgroeien, ouder_worden, organisatie
  std::string kind;   // verhouding, enquete, …
  std::string unit;
  std::string periods;      // "maand, kwartaal, jaar"
  std::string levels;       // "twente, gemeente, wijk"
  std::string sources;      // "veilig_thuis, bevolking"
  std::string target_2030;  // "30 (voorbeeld)", or "" without a target
};

struct CatalogReport {
  std::string dir;                           // the catalogue folder read
  std::vector<std::string> files;            // the files read
  std::vector<IndicatorListing> indicators;  // those without problems, in catalogue order
  std::vector<std::string> problems;         // empty when the catalogue is sound
};

// The folder of the catalogue: CONFIG/indicatoren.
std::string CatalogDir(const Workspace& workspace);

Result<CatalogReport> CheckIndicatorCatalog(Workspace& workspace);
Result<indicators::Catalog> LoadIndicatorCatalog(Workspace& workspace);

// The listing of one indicator (for the command and, later, the API).
IndicatorListing ListingOf(const indicators::Indicator& indicator);

// The `--gemeente` filter of the stages that read computed indicators (export, doelen): "" or the
// code of a gemeente in `regions`; kNotFound (Dutch, naming the code) otherwise.
Status CheckGemeenteFilter(const RegionTable& regions, const std::string& code);

}  // namespace sz::pipeline
