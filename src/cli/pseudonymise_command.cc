// samenzicht pseudonymise --key desk.key --source S REPORTS PERSONS -o EXTRACT : run at the desk
// (pipeline/pseudonymise.h).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/pseudonymise.h"

namespace sz::cli {
namespace {

struct PseudonymiseOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::PseudonymiseRequest request;
};

Status RunPseudonymise(const PseudonymiseOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::PseudonymiseReport report, pipeline::Pseudonymise(workspace, options.request));
  std::cout << options.request.output_file << ": " << report.extract_rows << " betrokkenen in "
            << (report.records_read - report.records_rejected) << " registraties, sleutel " << report.key_fingerprint
            << "\n"
            << "  registraties: gelezen " << report.records_read << " = gebruikt "
            << report.records_read - report.records_rejected << " + afgewezen " << report.records_rejected << "\n"
            << "  betrokkenen:  gelezen " << report.persons_read << " = gebruikt " << report.extract_rows
            << " + afgewezen " << report.persons_rejected << "\n"
            << "  BSN: " << report.bsn_valid << " geldig, " << report.bsn_invalid << " ongeldig (niet gebruikt), "
            << report.bsn_missing << " ontbreekt; postcode onbekend: " << report.postcode_unknown << "\n";
  if (!report.rejects_file.empty()) {
    std::cout
        << "  afgewezen rijen: " << report.rejects_file
        << " — dit bestand BEVAT IDENTITEITEN: bewaar het bij het meldpunt, verbeter de export en draai opnieuw\n";
  }
  return Status::Ok();
}

void AddPseudonymiseCommand(Commands& commands) {
  auto options = std::make_shared<PseudonymiseOptions>();
  Command cmd = commands.Add("pseudonymise",
                             "Maak bij het meldpunt een gepseudonimiseerd extract van een identificerende export");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kRegions);
  auto& request = options->request;
  cmd.Add("--key", request.key_file, "Sleutelbestand van de meldpunten (samenzicht keygen)").Required();
  cmd.Add("--source", request.source, "Bron, bijv. veilig_thuis").Required();
  cmd.Add("records", request.records_file, "Registraties (bijv. registraties.csv)").Required();
  cmd.Add("persons", request.persons_file, "Betrokkenen (bijv. betrokkenen.csv)").Required();
  cmd.Add("-o,--out", request.output_file, "Het extract dat naar SamenTwente gaat").Required();
  cmd.Add("--postcodes", request.postcode_file,
          "Postcodetabel postcode;gemeente;wijk;buurt (standaard: postcodes.csv naast of boven de export)");
  cmd.Add("--schema", request.clk_schema_file, "Koppelschema (clkhash v3) voor de CLK")
      .DefaultText("linkage-schema.json van de configuratiemap");
  cmd.Flag("--veldcoderingen", request.field_encodings,
           "Schrijf ook de gesleutelde codering per veld (kolom veldcodering): nauwkeuriger koppelen bij typefouten "
           "en verhuizingen, maar de hub ziet dan welke personen een naam, straat of geboortedag delen "
           "(docs/privacy.md)");
  cmd.Run([options] { return RunPseudonymise(*options); });
}
SZ_REGISTER_COMMAND(AddPseudonymiseCommand);

}  // namespace
}  // namespace sz::cli
