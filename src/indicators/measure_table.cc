#include "indicators/measure_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "indicators/linked_involvement.h"
#include "io/csv_writer.h"

namespace sz::indicators {
namespace {

std::string FormatNumber(double value) {
  if (std::isnan(value)) return "";
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

}  // namespace

void SortRows(MeasureTable& table) {
  // Periods of one kind sort correctly as text ("2023-Q4" < "2024-Q1", "2023" < "2024").
  std::stable_sort(table.begin(), table.end(), [](const MeasureRow& a, const MeasureRow& b) {
    return std::tie(a.measure, a.category, a.level, a.region_code, a.period_kind, a.period) <
           std::tie(b.measure, b.category, b.level, b.region_code, b.period_kind, b.period);
  });
}

const MeasureRow* FindRow(const MeasureTable& table, std::string_view measure, std::string_view category,
                          std::string_view region_code, std::string_view period) {
  for (const MeasureRow& row : table) {
    if (row.measure == measure && row.category == category && row.region_code == region_code && row.period == period) {
      return &row;
    }
  }
  return nullptr;
}

const std::vector<MeasureInfo>& KnownMeasures() {
  static const std::vector<MeasureInfo> measures = [] {
    std::vector<std::string> pairs;  // the overlap matrix: a|b for a <= b in desk order
    for (size_t a = 0; a < kDeskSources.size(); ++a) {
      for (size_t b = a; b < kDeskSources.size(); ++b) {
        pairs.push_back(std::string(kDeskSources[a]) + "|" + std::string(kDeskSources[b]));
      }
    }
    const std::vector<std::string> next_report_kinds = {"veilig_thuis_melding", "veilig_thuis", "zorgwekkend_gedrag",
                                                        "woningvervuiling", "wonen_verblijf"};
    return std::vector<MeasureInfo>{
        {"vt_meldingen_klasse", {"hermelding", "vervolgmelding", "nieuw"}},
        {"vt_meldingen_bekend_ander_meldpunt", {"persoon", "huishouden"}},
        {"huishoudens_meerdere_meldpunten", {""}},
        {"meldpunt_overlap", pairs},
        {"organisaties_per_gezin", {"gemiddelde", "1", "2", "3", "4", "5+", "3_of_meer"}},
        {"plaatsingen_per_geplaatst_kind", {"in_periode", "loopbaan_tot_nu"}},
        {"plaatsingen_voorafgegaan_door_vt", {"kind", "kind_of_huishouden"}},
        {"dagen_tot_volgende_melding", next_report_kinds},
        {"volgende_melding_binnen_365_dagen", next_report_kinds},
    };
  }();
  return measures;
}

const MeasureInfo* FindMeasure(std::string_view name) {
  for (const MeasureInfo& measure : KnownMeasures()) {
    if (measure.name == name) return &measure;
  }
  return nullptr;
}

Status WriteMeasuresCsv(const MeasureTable& table, const std::string& path) {
  io::WriteDialect dialect = io::WriteDialect::Plain();
  dialect.separator = ';';
  dialect.crlf = false;
  ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(path, dialect));
  RETURN_IF_ERROR(writer->WriteRow(
      {"maat", "categorie", "regioniveau", "regio", "periodesoort", "periode", "teller", "noemer", "waarde"}));
  for (const MeasureRow& row : table) {
    RETURN_IF_ERROR(
        writer->WriteRow({row.measure, row.category, std::string(RegionLevelName(row.level)), row.region_code,
                          std::string(PeriodKindName(row.period_kind)), row.period, FormatNumber(row.numerator),
                          FormatNumber(row.denominator), FormatNumber(row.value)}));
  }
  return writer->Close();
}

}  // namespace sz::indicators
