// samenzicht link : links persons and households across the desk extracts in the store.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "cli/command.h"
#include "core/numbers.h"
#include "pipeline/link.h"

namespace sz::cli {
namespace {

struct LinkOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::LinkRequest request;
  bool verbose = false;
};

template <typename Scores>
void PrintScores(const char* what, const Scores& scores) {
  std::printf("%s: paren in de waarheid %lld, voorspeld %lld, juist %lld; precisie %.4f, recall %.4f, F1 %.4f\n", what,
              static_cast<long long>(scores.true_pairs), static_cast<long long>(scores.predicted_pairs),
              static_cast<long long>(scores.true_positives), scores.precision, scores.recall, scores.f1);
}

// Resident memory now and at its peak, from /proc/self/status (GB; 0 where unavailable).
std::pair<double, double> MemoryGb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  double now = 0, peak = 0;
  while (std::getline(status, line)) {
    // "VmRSS:   123456 kB"
    auto kilobytes = [&line] { return ParseNumber(line.substr(6, line.find(" kB") - 6)).value_or(0) / 1e6; };
    if (line.rfind("VmRSS:", 0) == 0) now = kilobytes();
    if (line.rfind("VmHWM:", 0) == 0) peak = kilobytes();
  }
  return {now, peak};
}

Status RunLink(LinkOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  if (options.verbose) {
    auto start = std::chrono::steady_clock::now();
    options.request.options.on_stage = [start](std::string_view stage, const auto& s, const auto* model) {
      auto [now, peak] = MemoryGb();
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "[%7.1f s, geheugen %.2f GB, piek %.2f GB] %-9s", seconds, now, peak,
                   std::string(stage).c_str());
      if (stage == "index") {
        std::fprintf(stderr, " %lld lidmaatschappen;", static_cast<long long>(s.block_memberships));
        for (size_t i = 0; i < s.pass_names.size() && i < s.pass_pair_bounds.size(); ++i) {
          std::fprintf(stderr, " %s ≤ %.3g paren", s.pass_names[i].c_str(), s.pass_pair_bounds[i]);
          if (i < s.pass_distinct_pair_bounds.size() && s.pass_distinct_pair_bounds[i] < s.pass_pair_bounds[i])
            std::fprintf(stderr, " (%.3g met verschillende CLK)", s.pass_distinct_pair_bounds[i]);
          if (i < s.pass_widenings.size() && s.pass_widenings[i] > 0)
            std::fprintf(stderr, " [%d× verbreed]", s.pass_widenings[i]);
          std::fprintf(stderr, ";");
        }
      }
      if (stage == "read") std::fprintf(stderr, " %lld betrokkenheden", static_cast<long long>(s.records));
      if (stage == "em-sample") std::fprintf(stderr, " %.1f%% van de blokken", 100 * s.em_sample_share);
      if (stage == "keep")
        std::fprintf(stderr, " %lld vergeleken, %lld bewaard, bewaargrens %.3g",
                     static_cast<long long>(s.pairs_compared), static_cast<long long>(s.pairs_kept), s.keep_floor);
      if (stage == "pairs")
        std::fprintf(stderr, " %lld vergeleken, %lld bewaard", static_cast<long long>(s.pairs_compared),
                     static_cast<long long>(s.pairs_kept));
      std::fprintf(stderr, "\n");
      if (stage == "model" && model != nullptr) std::fprintf(stderr, "%s", model->Describe().c_str());
    };
  }
  ASSIGN_OR_RETURN(pipeline::LinkReport report, pipeline::LinkStore(workspace, options.request));
  if (report.skipped) {
    std::cout << "niets nieuws sinds koppelrun " << report.run.id << " (" << report.run.created_at
              << "); gebruik --force om toch opnieuw te koppelen\n";
    return Status::Ok();
  }
  const auto& s = report.stats;
  std::printf("koppelrun %lld: %lld betrokkenheden uit %zu bronnen\n", static_cast<long long>(report.run.id),
              static_cast<long long>(s.records), pipeline::DeskSources().size());
  if (report.incremental) {
    std::printf(
        "  incrementeel: %lld nieuwe betrokkenheden gekoppeld aan de bestaande personen (model van de vorige "
        "run); %lld bestaande sleutels gewijzigd\n",
        static_cast<long long>(report.new_involvements), static_cast<long long>(report.updated_keys));
  } else {
    std::printf("  volledig: alle betrokkenheden opnieuw gekoppeld, model opnieuw geschat\n");
  }
  if (report.field_filter_conflicts > 0) {
    std::printf(
        "  waarschuwing: %lld veldcoderingen hebben een ander filter dan een eerdere betrokkenheid met dezelfde "
        "sleutelwaarde; het eerste filter is gebruikt. Een extract is beschadigd of met een andere "
        "coderingsversie gemaakt: pseudonimiseer het opnieuw bij het meldpunt en lees het opnieuw in.\n",
        static_cast<long long>(report.field_filter_conflicts));
  }
  std::printf("  vergeleken paren: %lld van %.0f mogelijke (reductie %.6f)\n", static_cast<long long>(s.pairs_compared),
              s.all_pairs, s.reduction_ratio);
  for (size_t i = 0; i < s.pass_names.size(); ++i) {
    std::printf("    blokkeerstap %-28s %12lld nieuwe paren", s.pass_names[i].c_str(),
                static_cast<long long>(i < s.pass_new_pairs.size() ? s.pass_new_pairs[i] : 0));
    if (i < s.pass_refined_blocks.size() && s.pass_refined_blocks[i] > 0)
      std::printf("; %lld dichte blokken verfijnd", static_cast<long long>(s.pass_refined_blocks[i]));
    if (i < s.pass_oversized_blocks.size() && s.pass_oversized_blocks[i] > 0)
      std::printf("; %lld te grote blokken overgeslagen", static_cast<long long>(s.pass_oversized_blocks[i]));
    std::printf("\n");
  }
  if (report.incremental) {
    std::printf("  exacte koppelingen (BSN- of naampseudoniem): %lld; koppelingen totaal: %lld\n",
                static_cast<long long>(s.exact_pairs), static_cast<long long>(s.linked_pairs));
  } else {
    std::printf(
        "  exacte koppelingen (BSN- of naampseudoniem): %lld; koppelingen totaal: %lld; EM %s na %d iteraties\n",
        static_cast<long long>(s.exact_pairs), static_cast<long long>(s.linked_pairs),
        s.em_converged ? "geconvergeerd" : "NIET geconvergeerd", s.em_iterations);
    std::printf("  model: %s\n", s.m_from_bsn_labels ? "m uit de paren met gelijk BSN-pseudoniem, prior door EM"
                                                     : "m en prior door EM (trainingssessies)");
  }
  if (report.incremental) {
    std::printf("  koppelgrens: kans ≥ %.3g\n", s.link_probability);
  } else {
    std::printf("  koppelgrens: kans ≥ %.3g (het model kiest %.3g, verwachte F1 %.4f)\n", s.link_probability,
                s.model_link_probability, s.model_expected_f1);
  }
  std::printf("  personen: %lld, huishoudens: %lld; bewaarde paren (kans ≥ %.3g): %lld in de opslag; %.1f s\n",
              static_cast<long long>(s.persons), static_cast<long long>(s.households), s.keep_floor,
              static_cast<long long>(report.run.pairs_kept), s.seconds_total);
  if (s.keep_floor_raises > 0) {
    std::printf("  bewaargrens verhoogd tot kans ≥ %.3g (meer dan %.0f bewaarde paren per betrokkenheid)\n",
                s.keep_floor, options.request.max_kept_pairs_per_record);
  }
  std::printf("  paren zonder Dice afgewezen (geen CLK-niveau haalt de bewaargrens): %lld\n",
              static_cast<long long>(s.pairs_without_dice));
  std::printf(
      "  tijd: blokkeren %.1f s, vergelijken en schatten %.1f s, clusteren %.1f s; blokindex %lld lidmaatschappen\n",
      s.seconds_blocking, s.seconds_comparing, s.seconds_clustering, static_cast<long long>(s.block_memberships));
  if (report.person_scores && report.household_scores) {
    const auto& persons = *report.person_scores;
    if (s.true_pairs_compared >= 0 && !report.incremental) {
      std::printf("paren in de waarheid vergeleken (pair completeness): %lld van %lld (%.4f)\n",
                  static_cast<long long>(s.true_pairs_compared), static_cast<long long>(persons.true_pairs),
                  persons.true_pairs == 0 ? 1.0 : static_cast<double>(s.true_pairs_compared) / persons.true_pairs);
    }
    PrintScores("personen  ", persons);
    PrintScores("huishoudens", *report.household_scores);
  }
  return Status::Ok();
}

void AddLinkCommand(Commands& commands) {
  auto options = std::make_shared<LinkOptions>();
  Command cmd = commands.Add("link", "Koppel personen en huishoudens over de meldpunten heen (uit de opslag)");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStore);
  auto& request = options->request;
  cmd.Flag("--full,--force", request.force,
           "Koppel alles opnieuw en schat het model opnieuw (anders worden na een nieuwe inlees alleen de "
           "nieuwe betrokkenheden gekoppeld), ook als er niets nieuws is ingelezen");
  cmd.Add("--max-incremental-share", request.max_incremental_share,
          "Koppel volledig als meer dan dit deel van de betrokkenheden nieuw is")
      .ShowDefault()
      .Range(0.0, 1.0);
  cmd.Add("--threshold", request.threshold,
          "Koppelkans vanaf welke een vergeleken paar een koppeling is; 0: de grens die het geschatte model kiest "
          "(de hoogste verwachte F1; een incrementele run houdt die van de vorige run). Standaard die keuze van "
          "het model als elke betrokkenheid veldcoderingen heeft, anders 0.9")
      .Range(0.0, 1.0);
  cmd.Add("--keep-probability", request.keep_probability,
          "Bewaar vergeleken paren met minstens deze koppelkans (naast alle exacte)")
      .ShowDefault();
  cmd.Add("--max-kept-pairs-per-record", request.max_kept_pairs_per_record,
          "Bewaar hooguit zoveel paren per betrokkenheid; daarboven stijgt de bewaargrens (0: geen grens)")
      .ShowDefault()
      .NonNegative();
  cmd.Flag(
      "--m-from-bsn-labels", [options] { options->request.options.min_bsn_labelled_pairs = 1000; },
      "Schat m uit de paren met gelijk BSN-pseudoniem in plaats van met EM (als er minstens 1000 zijn)");
  cmd.Add("--threads", request.options.threads, "Aantal threads (0: alle kernen)");
  cmd.Flag("--verbose", options->verbose, "Meld elke stap met tijd en geheugengebruik (op stderr)");
  cmd.Add("--truth", request.truth_persons_csv,
          "Grondwaarheid van het synthetische Twente (truth/persons.csv): toon precisie, recall en F1");
  cmd.Run([options] { return RunLink(*options); });
}
SZ_REGISTER_COMMAND(AddLinkCommand);

}  // namespace
}  // namespace sz::cli
