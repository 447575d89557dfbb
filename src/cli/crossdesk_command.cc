// samenzicht crossdesk : the cross-desk measures (dwarsverbanden) over the linked store.
#include <cmath>
#include <cstdio>
#include <set>

#include "cli/command_registry.h"
#include "indicators/vt_classification.h"
#include "pipeline/crossdesk.h"
#include "store/sqlite_store.h"

namespace sz::cli {
namespace {

struct CrossDeskOptions {
  std::string db;
  std::string out;
  pipeline::CrossDeskRequest request;
};

double Percent(const indicators::MeasureTable& table, const char* measure, const char* category,
               const std::string& year) {
  const indicators::MeasureRow* row = indicators::FindRow(table, measure, category, "CR23", year);
  return row == nullptr || row->denominator == 0 ? NAN : 100.0 * row->numerator / row->denominator;
}

Status RunCrossDesk(const CrossDeskOptions& options) {
  ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(options.db));
  ASSIGN_OR_RETURN(pipeline::CrossDeskReport report, pipeline::ComputeCrossDesk(*store, options.request));
  std::set<std::string> years;
  for (const auto& row : report.table) {
    if (row.period_kind == PeriodKind::kYear && row.region_code == "CR23") years.insert(row.period);
  }
  std::printf("%zu betrokkenheden, %zu uitkomstregels\n\nTwente per jaar (%%):\n", report.involvements,
              report.table.size());
  std::printf("%-6s %9s %10s %12s %7s %15s %17s %14s\n", "jaar", "meldingen", "hermelding", "vervolgmeld.", "nieuw",
              "bekend elders", "huish. ≥2 meldp.", "gezin ≥3 org.");
  for (const auto& year : years) {
    const indicators::MeasureRow* meldingen =
        indicators::FindRow(report.table, "vt_meldingen_klasse", "hermelding", "CR23", year);
    std::printf("%-6s %9.0f %10.1f %12.1f %7.1f %15.1f %17.1f %14.1f\n", year.c_str(),
                meldingen ? meldingen->denominator : 0.0, Percent(report.table, "vt_meldingen_klasse", "hermelding", year),
                Percent(report.table, "vt_meldingen_klasse", "vervolgmelding", year),
                Percent(report.table, "vt_meldingen_klasse", "nieuw", year),
                Percent(report.table, "vt_meldingen_bekend_ander_meldpunt", "persoon", year),
                Percent(report.table, "huishoudens_meerdere_meldpunten", "", year),
                Percent(report.table, "organisaties_per_gezin", "3_of_meer", year));
  }
  if (report.truth_comparison) {
    const auto& c = *report.truth_comparison;
    std::printf("\nTegen de grondwaarheid: %lld VT-registraties vergeleken, klasse gelijk bij %.2f%%%s\n",
                static_cast<long long>(c.compared), c.compared ? 100.0 * c.class_agreements / c.compared : 0.0,
                c.missing ? (" (" + std::to_string(c.missing) + " ontbreken)").c_str() : "");
    std::printf("%-6s %16s %16s %10s\n", "jaar", "hermelding (wij)", "hermelding (echt)", "verschil");
    for (const auto& [year, shares] : c.by_year) {
      double ours = 100 * shares.first.Share(indicators::VtClass::kHermelding);
      double truth = 100 * shares.second.Share(indicators::VtClass::kHermelding);
      std::printf("%-6d %15.2f%% %15.2f%% %+8.2f pp\n", year, ours, truth, ours - truth);
    }
    double ours = 100 * c.ours.Share(indicators::VtClass::kHermelding);
    double truth = 100 * c.truth.Share(indicators::VtClass::kHermelding);
    std::printf("%-6s %15.2f%% %15.2f%% %+8.2f pp\n", "totaal", ours, truth, ours - truth);
  }
  if (!options.out.empty()) {
    RETURN_IF_ERROR(indicators::WriteMeasuresCsv(report.table, options.out));
    std::printf("\nalle uitkomsten (teller, noemer, waarde per regio en periode): %s\n", options.out.c_str());
  }
  return Status::Ok();
}

void AddCrossDeskCommand(CLI::App& app) {
  auto options = std::make_shared<CrossDeskOptions>();
  auto* cmd = app.add_subcommand(
      "crossdesk", "Dwarsverbanden: hermeldingen, overlap tussen meldpunten, organisaties per gezin, plaatsingen");
  AddDbOption(*cmd, options->db);
  cmd->add_option("--out", options->out, "Schrijf alle uitkomsten als CSV");
  cmd->add_option("--truth", options->request.truth_dir,
                  "Map van `samenzicht generate`: vergelijk de VT-indeling met de grondwaarheid");
  cmd->callback([options] { ExitWith(RunCrossDesk(*options)); });
}
SZ_REGISTER_COMMAND(AddCrossDeskCommand);

}  // namespace
}  // namespace sz::cli
