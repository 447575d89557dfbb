// samenzicht link : links persons and households across the desk extracts in the store.
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/command_registry.h"
#include "linkage/evaluation.h"
#include "pipeline/link.h"
#include "store/sqlite_store.h"

namespace sz::cli {
namespace {

struct LinkOptions {
  std::string db;
  pipeline::LinkRequest request;
  std::string truth;
};

std::vector<uint32_t> Intern(const std::vector<std::string>& labels) {
  std::map<std::string, uint32_t> ids;
  std::vector<uint32_t> out;
  out.reserve(labels.size());
  for (const auto& label : labels) out.push_back(ids.emplace(label, static_cast<uint32_t>(ids.size())).first->second);
  return out;
}

void PrintScores(const char* what, const linkage::PairwiseScores& scores) {
  std::printf("%s: paren in de waarheid %lld, voorspeld %lld, juist %lld; precisie %.4f, recall %.4f, F1 %.4f\n", what,
              static_cast<long long>(scores.true_pairs), static_cast<long long>(scores.predicted_pairs),
              static_cast<long long>(scores.true_positives), scores.precision, scores.recall, scores.f1);
}

Status RunLink(LinkOptions& options) {
  ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(options.db));
  ASSIGN_OR_RETURN(pipeline::LinkReport report, pipeline::LinkStore(*store, options.request));
  if (report.skipped) {
    std::cout << "niets nieuws sinds koppelrun " << report.run.id << " (" << report.run.created_at
              << "); gebruik --force om toch opnieuw te koppelen\n";
    return Status::Ok();
  }
  const auto& s = report.stats;
  std::printf("koppelrun %lld: %lld betrokkenheden uit %zu bronnen\n", static_cast<long long>(report.run.id),
              static_cast<long long>(s.records), pipeline::DeskSources().size());
  std::printf("  vergeleken paren: %lld van %.0f mogelijke (reductie %.6f)\n", static_cast<long long>(s.pairs_compared),
              s.all_pairs, s.reduction_ratio);
  for (size_t i = 0; i < s.pass_names.size(); ++i) {
    std::printf("    blokkeerstap %-28s %lld nieuwe paren\n", s.pass_names[i].c_str(),
                static_cast<long long>(i < s.pass_new_pairs.size() ? s.pass_new_pairs[i] : 0));
  }
  std::printf("  exacte koppelingen (BSN- of naampseudoniem): %lld; koppelingen totaal: %lld; EM %s na %d iteraties\n",
              static_cast<long long>(s.exact_pairs), static_cast<long long>(s.linked_pairs),
              s.em_converged ? "geconvergeerd" : "NIET geconvergeerd", s.em_iterations);
  std::printf("  personen: %lld, huishoudens: %lld; bewaarde paren (kans ≥ %.2f): %lld; %.1f s\n",
              static_cast<long long>(s.persons), static_cast<long long>(s.households), options.request.keep_probability,
              static_cast<long long>(report.run.pairs_kept), s.seconds_total);
  if (!options.truth.empty()) {
    ASSIGN_OR_RETURN(linkage::SynthTruth truth, linkage::ReadSynthTruth(options.truth, report.records));
    std::vector<uint32_t> true_person = Intern(truth.person), true_household = Intern(truth.household);
    PrintScores("personen  ", linkage::ScoreClustering(report.person, true_person, {}));
    PrintScores("huishoudens", linkage::ScoreClustering(report.household, true_household, {}));
  }
  return Status::Ok();
}

void AddLinkCommand(CLI::App& app) {
  auto options = std::make_shared<LinkOptions>();
  auto* cmd = app.add_subcommand("link", "Koppel personen en huishoudens over de meldpunten heen (uit de opslag)");
  AddDbOption(*cmd, options->db);
  cmd->add_flag("--force", options->request.force, "Koppel opnieuw, ook als er niets nieuws is ingelezen");
  cmd->add_option("--keep-probability", options->request.keep_probability,
                  "Bewaar vergeleken paren met minstens deze koppelkans (naast alle exacte)")
      ->capture_default_str();
  cmd->add_option("--threads", options->request.options.threads, "Aantal threads (0: alle kernen)");
  cmd->add_option("--truth", options->truth,
                  "Grondwaarheid van het synthetische Twente (truth/persons.csv): toon precisie, recall en F1");
  cmd->callback([options] { ExitWith(RunLink(*options)); });
}
SZ_REGISTER_COMMAND(AddLinkCommand);

}  // namespace
}  // namespace sz::cli
