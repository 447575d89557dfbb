// Reading the indicator catalogue from config/indicatoren/*.toml (docs/indicators.md): every file of
// the folder, in name order, each a list of [[indicator]] tables. Editable without rebuilding: the
// command reads the files each time it runs.
//
//   CatalogCheck check = CheckCatalogDir(config_dir / "indicatoren");
//   for (const CatalogProblem& p : check.problems) std::cerr << p.ToString() << "\n";
//   // "config/indicatoren/opgroeien.toml:12:10: teller.filter.soort: 'meldingen' is geen toegestane
//   //  waarde van veilig_thuis.soort (toegestaan: advies, melding)"
//   ASSIGN_OR_RETURN(Catalog catalog, LoadCatalog(config_dir / "indicatoren"));
//
// Checks, each a problem naming the file, line and column (of the key or value at fault):
// TOML syntax; unknown keys (a typo is never ignored); required keys; values of the closed
// vocabularies (thema, ontwikkelrichting, soort, richting, periodes, niveaus, interval, tel); sources
// and columns against their contracts (sources/contract.h), filter values against the allowed
// categories; what each kind needs (a verhouding without noemer, an enquete without variabele, …);
// `bronnen` equal to the sources the entry reads; ids unique over all files; a doel_2030 must say
// whether it is an example (`voorbeeld = true`). All problems are reported, not only the first.
// An indicator with `enquete.kloof_inkomen = true` brings a second one, ID_kloof_inkomen
// (IndicatorKind::kSurveyIncomeGap), right after it.
// Thread safety: pure functions over their inputs (and the files they read).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "indicators/catalog.h"

namespace sz::indicators {

struct CatalogProblem {
  std::string file;
  int line = 0;                  // 1-based; 0 when the problem is about the file as a whole
  int column = 0;                // 1-based; 0 when unknown
  std::string message;           // Dutch
  std::string ToString() const;  // "FILE:LINE:COLUMN: MESSAGE" (or "FILE: MESSAGE")
};

struct CatalogCheck {
  Catalog catalog;                       // the entries without problems
  std::vector<std::string> files;        // the files read, in order
  std::vector<CatalogProblem> problems;  // empty when the catalogue is sound
  bool ok() const { return problems.empty(); }
};

// Checks one file's text (`file` names it in problems). Duplicate ids are checked within the text.
CatalogCheck CheckCatalogText(std::string_view text, const std::string& file);

// Checks every *.toml file of `dir` (a missing or empty folder is a problem). Ids must be unique over
// all files.
CatalogCheck CheckCatalogDir(const std::filesystem::path& dir);

// The catalogue of `dir`, or kDataError listing the problems (the first 20, then how many more).
Result<Catalog> LoadCatalog(const std::filesystem::path& dir);

}  // namespace sz::indicators
