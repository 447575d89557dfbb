// Loads a region file into a RegionTable (core/region.h). Format (docs/regions.md):
//
//   # comments
//   code;naam;niveau;ouder
//   NL01;Nederland;land;
//   CR23;Twente;regio;NL01
//   GM0153;Enschede;gemeente;CR23
//   WK015301;Enschede Noord;wijk;            ← parent may be empty for CBS codes
//
// Any separator and encoding CsvReader accepts; the `ouder` column is optional; `niveau` may be
// omitted for GM/WK/BU codes (derived from the code). Rows must list a parent before its children.
// A real CBS wijk/buurt list only needs its code and name columns renamed to `code` and `naam`:
// gemeenten then need their parent, which is taken as the `--regio` given to the loader if absent.
#pragma once

#include <string>

#include "core/region.h"
#include "core/status.h"

namespace sz::io {

// Errors name the file, line and column. A gemeente without a parent is attached to the first
// region of level `regio` in the file, if any.
Result<RegionTable> LoadRegionFile(const std::string& path);

}  // namespace sz::io
