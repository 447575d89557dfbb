// samenzicht pseudonymise --key desk.key --source S REPORTS PERSONS -o EXTRACT : run at the desk.
#include <filesystem>
#include <iostream>

#include "cli/command_registry.h"
#include "io/region_file.h"
#include "pipeline/pseudonymise.h"

namespace sz::cli {
namespace {

struct PseudonymiseOptions {
  pipeline::PseudonymiseRequest request;
  std::string regions;
};

// The postcode table: --postcodes, else postcodes.csv beside the records file or one folder up
// (where `samenzicht generate` writes it).
Result<std::string> FindPostcodeTable(const std::string& given, const std::string& records_file) {
  namespace fs = std::filesystem;
  if (!given.empty()) return given;
  fs::path dir = fs::path(records_file).parent_path();
  for (const fs::path& candidate : {dir / "postcodes.csv", dir.parent_path() / "postcodes.csv"}) {
    if (fs::exists(candidate)) return candidate.string();
  }
  return InvalidArgumentError(
      "no postcode table: give --postcodes FILE (postcode;gemeente;wijk;buurt, see docs/regions.md); it turns "
      "addresses into wijk and buurt codes");
}

Status RunPseudonymise(PseudonymiseOptions& options) {
  ASSIGN_OR_RETURN(options.request.postcode_file,
                   FindPostcodeTable(options.request.postcode_file, options.request.records_file));
  ASSIGN_OR_RETURN(RegionTable regions, io::LoadRegionFile(options.regions));
  ASSIGN_OR_RETURN(pipeline::PseudonymiseReport report, pipeline::Pseudonymise(regions, SystemClock(), options.request));
  std::cout << options.request.output_file << ": " << report.extract_rows << " betrokkenen in "
            << (report.records_read - report.records_rejected) << " registraties, sleutel " << report.key_fingerprint
            << "\n"
            << "  registraties: read " << report.records_read << " = used " << report.records_read - report.records_rejected
            << " + rejected " << report.records_rejected << "\n"
            << "  betrokkenen:  read " << report.persons_read << " = used " << report.extract_rows << " + rejected "
            << report.persons_rejected << "\n"
            << "  BSN: " << report.bsn_valid << " geldig, " << report.bsn_invalid << " ongeldig (niet gebruikt), "
            << report.bsn_missing << " ontbreekt; postcode onbekend: " << report.postcode_unknown << "\n";
  if (!report.rejects_file.empty()) {
    std::cout << "  rejected rows: " << report.rejects_file
              << " — this file CONTAINS IDENTITIES: keep it at the desk, correct the export and run again\n";
  }
  return Status::Ok();
}

void AddPseudonymiseCommand(CLI::App& app) {
  auto options = std::make_shared<PseudonymiseOptions>();
  auto* cmd = app.add_subcommand(
      "pseudonymise", "Maak bij het meldpunt een gepseudonimiseerd extract van een identificerende export");
  cmd->add_option("--key", options->request.key_file, "Sleutelbestand van de meldpunten (samenzicht keygen)")
      ->required();
  cmd->add_option("--source", options->request.source, "Bron, bijv. veilig_thuis")->required();
  cmd->add_option("records", options->request.records_file, "Registraties (bijv. registraties.csv)")->required();
  cmd->add_option("persons", options->request.persons_file, "Betrokkenen (bijv. betrokkenen.csv)")->required();
  cmd->add_option("-o,--out", options->request.output_file, "Het extract dat naar SamenTwente gaat")->required();
  cmd->add_option("--postcodes", options->request.postcode_file,
                  "Postcodetabel postcode;gemeente;wijk;buurt (standaard: postcodes.csv naast of boven de export)");
  cmd->add_option("--schema", options->request.clk_schema_file, "Koppelschema (clkhash v3) voor de CLK")
      ->default_str(pipeline::DefaultClkSchemaFile());
  options->regions = io::DefaultRegionFile();
  cmd->add_option("--regions", options->regions, "Regiobestand")->capture_default_str();
  cmd->callback([options] { ExitWith(RunPseudonymise(*options)); });
}
SZ_REGISTER_COMMAND(AddPseudonymiseCommand);

}  // namespace
}  // namespace sz::cli
