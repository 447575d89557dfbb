// MeasureTable: the flat result of the cross-desk measures — one row per measure × category × region ×
// period, always with numerator AND denominator, so a rate can be recomputed after aggregation and
// disclosure control (DOMAIN.md §4, §7). Definitions of every measure: docs/cross-desk-measures.md.
//
//   MeasureOptions options;                 // Twente code CR23, quarters and years
//   ASSIGN_OR_RETURN(MeasureTable table, ComputeCrossDeskMeasures(involvements, options));
//   RETURN_IF_ERROR(WriteMeasuresCsv(table, "out/cross_desk.csv"));
//
// Regions: every measure is given for Twente (level regio, options.twente_code), per gemeente and per
// wijk. Periods: per quarter and per year (options.period_kinds).
// Thread safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "core/region.h"
#include "core/status.h"

namespace sz::indicators {

struct MeasureOptions {
  std::string twente_code = "CR23";  // the regio code of Twente in the region file
  std::vector<PeriodKind> period_kinds = {PeriodKind::kQuarter, PeriodKind::kYear};
  // The last day the data covers (censoring date of time_to_next_report.h, last window of the
  // 12-month measures). Default: the latest event or end date in the input.
  std::optional<Date> data_end;
};

struct MeasureRow {
  std::string measure;                      // e.g. "vt_meldingen_klasse"
  std::string category;                     // e.g. "hermelding"; "" for a measure without categories
  RegionLevel level = RegionLevel::kRegio;  // kRegio (Twente), kGemeente or kWijk
  std::string region_code;                  // CR23, GMxxxx or WKxxxxyy
  PeriodKind period_kind = PeriodKind::kYear;
  std::string period;  // Period::ToString(): "2024-Q1", "2024"
  double numerator = 0;
  double denominator = 0;
  // numerator / denominator for ratios and means (NaN when the denominator is 0); for medians the
  // median itself (NaN when not reached), with numerator = events and denominator = units at risk.
  double value = 0;

  bool operator==(const MeasureRow&) const = default;
};

using MeasureTable = std::vector<MeasureRow>;

// Sorts rows by measure, category, level, region, period kind and period (the order WriteMeasuresCsv
// uses; the measures already return them in this order).
void SortRows(MeasureTable& table);

// The row of the given key, or nullptr. For tests and callers that look up one cell.
const MeasureRow* FindRow(const MeasureTable& table, std::string_view measure, std::string_view category,
                          std::string_view region_code, std::string_view period);

// The measures the cross-desk computation makes (cross_desk_measures.h), each with its categories
// ("" for a measure without categories), as the catalogue names them (catalog_file.h checks
// `gekoppeld.maat` and `gekoppeld.categorie` against this list).
struct MeasureInfo {
  std::string name;
  std::vector<std::string> categories;
};
const std::vector<MeasureInfo>& KnownMeasures();
const MeasureInfo* FindMeasure(std::string_view name);

// Writes `;`-separated UTF-8 with a header:
//   maat;categorie;regioniveau;regio;periodesoort;periode;teller;noemer;waarde
// numbers with '.', waarde empty when NaN. Written atomically (io::CsvWriter). kIoError on failure.
Status WriteMeasuresCsv(const MeasureTable& table, const std::string& path);

}  // namespace sz::indicators
