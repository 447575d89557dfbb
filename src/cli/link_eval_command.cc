// samenzicht link-eval: scores the linkage pipeline against a truth column (pipeline/link_eval.h).
//
//   samenzicht link-eval --input dataset2.csv
//       --map given_name=given_name,surname=surname,birth_date=date_of_birth,postcode=postcode,bsn=soc_sec_id
//       --truth-column rec_id --truth-regex 'rec-(\d+)-' --json febrl2.json
//
// The last four lines are the pairs compared, and the precision, recall and F1 of the person
// clusters; --json writes every score (the interface for scripts). Exit codes: 1 usage, 2 bad data, 3 files.
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "pipeline/link_eval.h"

namespace sz::cli {
namespace {

struct LinkEvalOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::LinkEvalRequest request;
  std::string json;
  bool no_tf_adjustment = false;
};

Status RunLinkEval(const LinkEvalOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  pipeline::LinkEvalRequest request = options.request;
  request.term_frequency_adjustment = !options.no_tf_adjustment;
  ASSIGN_OR_RETURN(pipeline::LinkEvalReport result, pipeline::EvaluateLinkage(workspace, request));
  const auto& stats = result.stats;
  const auto& report = result.evaluation;
  const bool deduplicate = options.request.inputs.size() == 1;
  std::printf("records: %lld (%s)\n", static_cast<long long>(stats.records),
              deduplicate ? "ontdubbelen" : "twee bestanden koppelen");
  for (const auto& [problem, count] : result.problems) {
    std::printf("pseudonimiseren: %lld records met een probleem in %s\n", static_cast<long long>(count),
                problem.c_str());
  }
  for (size_t pass = 0; pass < stats.pass_names.size(); ++pass) {
    std::printf("blokkeerstap %-28s nieuwe paren %lld, te grote blokken overgeslagen %lld\n",
                stats.pass_names[pass].c_str(), static_cast<long long>(stats.pass_new_pairs[pass]),
                static_cast<long long>(stats.pass_oversized_blocks[pass]));
  }
  std::printf("alle paren: %.0f, reductie: %.6f\n", stats.all_pairs, stats.reduction_ratio);
  std::printf("ware paren: %lld, waarvan vergeleken (pair completeness): %lld (%.4f)\n",
              static_cast<long long>(report.true_pairs), static_cast<long long>(report.true_pairs_compared),
              report.pair_completeness);
  std::printf("model:\n%s", result.model_description.c_str());
  std::printf("EM-iteraties: %d%s\n", stats.em_iterations, stats.em_converged ? "" : " (niet geconvergeerd)");
  const auto& values = stats.term_frequency_values;  // given name, surname, birth date (linkage/term_frequency.h)
  if (values[0] + values[1] + values[2] == 0) {
    std::printf("termfrequentie-aanpassing: uit\n");
  } else {
    std::printf(
        "termfrequentie-aanpassing: aan (verschillende waarden: voornaam %lld, achternaam %lld, geboortedatum %lld)\n",
        static_cast<long long>(values[0]), static_cast<long long>(values[1]), static_cast<long long>(values[2]));
  }
  std::printf("koppelingen (p >= %.2f of exact) vóór clusteren: %lld; precisie %.4f, recall %.4f, F1 %.4f\n",
              result.threshold, static_cast<long long>(report.links.predicted_pairs), report.links.precision,
              report.links.recall, report.links.f1);
  std::printf("personen: %lld gevonden, %lld echt; zuiverheid %.4f, omgekeerde zuiverheid %.4f\n",
              static_cast<long long>(report.persons_predicted), static_cast<long long>(report.persons_true),
              report.purity, report.inverse_purity);
  std::printf("seconden: %.3f (blokkeren %.3f, vergelijken+EM %.3f, clusteren %.3f)\n", stats.seconds_total,
              stats.seconds_blocking, stats.seconds_comparing, stats.seconds_clustering);
  std::printf("vergeleken paren: %lld\n", static_cast<long long>(stats.pairs_compared));
  std::printf("precisie: %.4f\n", report.persons.precision);
  std::printf("recall: %.4f\n", report.persons.recall);
  std::printf("F1: %.4f\n", report.persons.f1);
  std::printf("blokkeer-recall: %.4f\n", report.pair_completeness);  // the true pairs that survive blocking
  if (!options.json.empty()) RETURN_IF_ERROR(pipeline::WriteLinkEvalJson(result, options.json));
  return Status::Ok();
}

void AddLinkEvalCommand(Commands& commands) {
  auto options = std::make_shared<LinkEvalOptions>();
  Command cmd = commands.Add(
      "link-eval",
      "Meet de koppelkwaliteit (pseudonimiseren met een wegwerpsleutel, dan koppelen) tegen een waarheidskolom");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kConfigOnly);
  auto& request = options->request;
  cmd.Add("--input", request.inputs, "Personenbestand in platte tekst (CSV); twee keer om twee bestanden te koppelen")
      .Required();
  cmd.Add("--map", request.map,
          "VELD=KOLOM[,VELD=KOLOM...]; VELD is given_name, surname, birth_date, sex, postcode, house_number, street, "
          "locality of bsn")
      .Required();
  cmd.Add("--truth-column", request.truth_column, "Kolom waarvan gelijke waarden dezelfde persoon aanduiden")
      .Required();
  cmd.Add("--truth-regex", request.truth_regex,
          "Gebruik de eerste groep van deze reguliere expressie op de waarheidswaarde");
  cmd.Add("--json", options->json, "Schrijf de scores als JSON naar dit bestand");
  cmd.Add("--clk-schema", request.clk_schema,
          "clkhash-koppelschema (standaard linkage-schema.json van de configuratiemap)");
  cmd.Add("--threshold", request.threshold,
          "Koppelkans vanaf welke een paar een koppeling is; 0 (standaard): de grens die het geschatte model kiest "
          "(de hoogste verwachte F1)")
      .Range(0.0, 1.0);
  cmd.Flag("--no-tf-adjustment", options->no_tf_adjustment,
           "Geen termfrequentie-aanpassing: overeenstemming op een veelvoorkomende voornaam, achternaam of "
           "geboortedatum weegt dan even zwaar als op een zeldzame");
  cmd.Add("--threads", request.threads, "Threads voor het vergelijken (standaard: alle kernen, hooguit 8)");
  cmd.Run([options] { return RunLinkEval(*options); });
}
SZ_REGISTER_COMMAND(AddLinkEvalCommand);

}  // namespace
}  // namespace sz::cli
