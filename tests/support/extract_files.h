// Test helper: writes valid extract files for any source, driven by its contract, so ingest can be
// tested for every source before `pseudonymise` and the generator exist. Row r gets key values
// that differ from every other row (mixed radix over the key columns' domains).
#pragma once

#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/period.h"
#include "io/dialect.h"
#include "sources/contract.h"

namespace sz::testing {

inline std::string ValidValue(const sources::ColumnSpec& column, long row, bool is_key, long& radix_rest) {
  auto take = [&](long domain) {
    long digit = radix_rest % domain;
    radix_rest /= domain;
    return digit;
  };
  using sources::ColumnType;
  static const char* kGemeenten[] = {"GM0141", "GM0147", "GM1774", "GM0153", "GM0158", "GM0163", "GM0164",
                                     "GM1735", "GM0168", "GM0173", "GM1742", "GM0183", "GM1700", "GM0189"};
  switch (column.type) {
    case ColumnType::kCode: return "R" + std::to_string(is_key ? take(1000000000) : row);
    case ColumnType::kInteger: {
      long min = column.min ? static_cast<long>(*column.min) : 0;
      long max = column.max ? static_cast<long>(*column.max) : min + 1000000;
      if (column.name == "jaar") min = std::max(min, 2016L), max = std::min(max, 2024L);
      long domain = max - min + 1;
      return std::to_string(min + (is_key ? take(domain) : row % std::min(domain, 3L)));
    }
    case ColumnType::kDecimal: return "12,5";
    case ColumnType::kDate: return io::FormatDate(Date{2023, 1, 1}.AddDays(row % 300), DateFormat::kDutch);
    case ColumnType::kCategory:
      return column.allowed[is_key ? take(static_cast<long>(column.allowed.size()))
                                   : row % static_cast<long>(column.allowed.size())];
    case ColumnType::kYesNo: return row % 2 ? "ja" : "nee";
    case ColumnType::kGemeenteCode:
    case ColumnType::kRegionCode: return kGemeenten[is_key ? take(14) : row % 14];
    case ColumnType::kWijkCode: return "WK015300";
    case ColumnType::kBuurtCode: return "BU01530000";
    case ColumnType::kIsoWeek: {
      long week = is_key ? take(200) : row % 200;
      return IsoWeek::FromDate(Date{2020, 1, 6}.AddDays(7 * week)).ToString();
    }
    case ColumnType::kPseudonym: {
      char buf[65];
      std::snprintf(buf, sizeof buf, "%064lx", row + 1);
      return buf;
    }
    case ColumnType::kClk: return "AAAAAAAAAAAA";
    case ColumnType::kFieldEncodings: return "AQAA";  // format version 1, no parts
    default: return "x";
  }
}

// Writes `rows` valid extract rows for `source` to `path`. `mutate(row, cells)` may corrupt cells.
inline void WriteExtract(const std::string& path, const std::string& source, long rows,
                         const std::string& fingerprint = "0123456789abcdef",
                         const std::function<void(long, std::vector<std::string>&)>& mutate = nullptr,
                         long row_offset = 0) {
  const sources::SourceContract* contract = sources::FindContract(source);
  std::ofstream out(path, std::ios::binary);
  if (contract->is_desk) {
    out << "# samenzicht-extract: 1\n# source: " << source << "\n# key_fingerprint: " << fingerprint << "\n";
  }
  const auto& columns = contract->extract.columns;
  for (size_t c = 0; c < columns.size(); ++c) out << (c ? ";" : "") << columns[c].name;
  out << "\n";
  for (long r = row_offset; r < row_offset + rows; ++r) {
    long radix_rest = r;
    std::vector<std::string> cells;
    for (const auto& column : columns) {
      bool is_key = std::find(contract->extract.key.begin(), contract->extract.key.end(), column.name) !=
                    contract->extract.key.end();
      cells.push_back(ValidValue(column, r, is_key, radix_rest));
    }
    if (mutate) mutate(r, cells);
    for (size_t c = 0; c < cells.size(); ++c) out << (c ? ";" : "") << cells[c];
    out << "\n";
  }
}

}  // namespace sz::testing
