#include "io/region_file.h"

#include "io/csv_reader.h"
#include "io/messages.h"

namespace sz::io {

Result<RegionTable> LoadRegionFile(const std::string& path) {
  ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path));
  const auto& header = reader->header();
  auto index_of = [&](const char* name) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
  };
  int code_col = index_of("code"), name_col = index_of("naam"), level_col = index_of("niveau"),
      parent_col = index_of("ouder");
  if (code_col < 0 || name_col < 0) {
    return DataError(msg::AtLine(path, reader->header_line(), msg::RegionColumnsMissing()));
  }
  RegionTable table;
  std::string first_regio;
  CsvRecord record;
  while (reader->Next(record)) {
    auto where = [&](int col) { return msg::Location(path, record.line, col + 1); };  // col -1: no column
    if (!record.error.empty()) return DataError(where(-1) + ": " + record.error);
    Region region;
    region.code = record.cells[code_col];
    region.name = record.cells[name_col];
    if (level_col >= 0 && !record.cells[level_col].empty()) {
      auto level = ParseRegionLevel(record.cells[level_col]);
      if (!level.ok()) return level.status().WithContext(where(level_col));
      region.level = *level;
    } else {
      auto level = LevelFromCode(region.code);
      if (!level.ok()) return DataError(where(level_col) + ": " + msg::NoLevelGiven(level.status().message()));
      region.level = *level;
    }
    if (parent_col >= 0) region.parent_code = record.cells[parent_col];
    if (region.level == RegionLevel::kRegio && first_regio.empty()) first_regio = region.code;
    if (region.level == RegionLevel::kGemeente && region.parent_code.empty()) region.parent_code = first_regio;
    Status added = table.Add(std::move(region));
    if (!added.ok()) return added.WithContext(where(code_col));
  }
  if (table.size() == 0) return DataError(msg::NoRegions(path));
  return table;
}

}  // namespace sz::io
