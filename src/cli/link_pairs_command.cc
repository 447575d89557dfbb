// samenzicht link-pairs : the kept link pairs for review, and what each threshold would link.
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "pipeline/link_pairs.h"

namespace sz::cli {
namespace {

struct LinkPairsOptions {
  pipeline::WorkspaceOptions workspace;
  std::string out;
  pipeline::LinkPairsRequest request;
};

Status RunLinkPairs(const LinkPairsOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::LinkPairsReport report, pipeline::ReviewLinkPairs(workspace, options.request));
  std::printf("koppelrun %lld (%s): %lld betrokkenheden, %lld bewaarde paren\n", static_cast<long long>(report.run.id),
              report.run.created_at.c_str(), static_cast<long long>(report.involvements.size()),
              static_cast<long long>(report.run.pairs_kept));
  std::printf("\n%-12s %12s %16s", "drempel", "koppelingen", "binnen personen");
  if (report.true_pairs >= 0) std::printf(" %10s %9s %8s", "juist", "precisie", "recall");
  std::printf("\n");
  for (const pipeline::ThresholdRow& row : report.thresholds) {
    // "≥" is three bytes and one column wide: pad by columns, not bytes.
    std::string label = row.exact_only ? "alleen exact" : "kans ≥ " + std::to_string(row.threshold).substr(0, 4);
    label.append(row.exact_only ? 0 : 1, ' ');
    std::printf("%-12s %12lld %16lld", label.c_str(), static_cast<long long>(row.links),
                static_cast<long long>(row.within_persons));
    if (report.true_pairs >= 0) {
      std::printf(" %10lld %9.4f %8.4f", static_cast<long long>(row.true_links),
                  row.links ? static_cast<double>(row.true_links) / row.links : 1.0,
                  report.true_pairs ? static_cast<double>(row.true_links) / report.true_pairs : 1.0);
    }
    if (row.below_floor) std::printf("  (onvolledig: onder de bewaargrens)");
    std::printf("\n");
  }
  bool incomplete = false;
  for (const pipeline::ThresholdRow& row : report.thresholds) incomplete = incomplete || row.below_floor;
  if (incomplete) {
    std::printf("(paren onder kans %.3g zijn niet bewaard: de bewaargrens is verhoogd omdat er te veel waren)\n",
                report.keep_floor);
  }
  if (report.true_pairs >= 0) {
    std::printf("(precisie en recall van de koppelingen vóór het clusteren; %lld paren in de waarheid)\n",
                static_cast<long long>(report.true_pairs));
  }
  int64_t grey = 0;
  for (const auto& pair : report.pairs) grey += !pair.same_person;
  std::printf("\n%zu paren met kans ≥ %.2f, waarvan %lld niet in één persoon (grijze zone, om te beoordelen)\n",
              report.pairs.size(), options.request.min_probability, static_cast<long long>(grey));
  if (!options.out.empty()) {
    RETURN_IF_ERROR(pipeline::WriteLinkPairsCsv(report, options.out));
    std::printf("paren geschreven naar %s\n", options.out.c_str());
  }
  return Status::Ok();
}

void AddLinkPairsCommand(Commands& commands) {
  auto options = std::make_shared<LinkPairsOptions>();
  Command cmd =
      commands.Add("link-pairs", "Bekijk de bewaarde koppelparen: wat elke drempel zou koppelen, en de paren zelf");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStore);
  cmd.Add("--min-probability", options->request.min_probability,
          "Toon en schrijf paren met minstens deze koppelkans (exacte altijd)")
      .ShowDefault()
      .Range(0.0, 1.0);
  cmd.Add("--out", options->out, "Schrijf de paren naar dit CSV-bestand");
  cmd.Add("--truth", options->request.truth_persons_csv,
          "Grondwaarheid van het synthetische Twente (truth/persons.csv): precisie en recall per drempel");
  cmd.Run([options] { return RunLinkPairs(*options); });
}
SZ_REGISTER_COMMAND(AddLinkPairsCommand);

}  // namespace
}  // namespace sz::cli
