// samenzicht signals-eval : the signal stage replayed week by week over the computed cells, scored
// against the outbreaks and dwarsverbanden the synthetic Twente injected (pipeline/signals_eval.h).
#include <algorithm>
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "cli/messages.h"
#include "pipeline/signals_eval.h"

namespace sz::cli {
namespace {

struct SignalsEvalOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::SignalsEvalRequest request;
  std::string json;
};

using msg::Decimal;

// Characters (not bytes) of UTF-8 text, and the text padded with spaces to `width` characters.
int Utf8Width(const std::string& text) {
  int n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}
std::string Padded(const std::string& text, int width) {
  return text + std::string(static_cast<size_t>(std::max(0, width - Utf8Width(text))), ' ');
}

std::string Share(int64_t part, int64_t whole) {
  if (whole == 0) return "-";
  return Decimal(static_cast<double>(part) / static_cast<double>(whole), 2);
}

Status RunSignalsEval(const SignalsEvalOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::SignalsEvalReport r, pipeline::EvaluateSignals(workspace, options.request));
  std::printf("nagespeeld: %d weken (%s t/m %s), %lld wekelijkse reeksen, waarvan %lld getoetst\n", r.weeks,
              r.first_week.c_str(), r.last_week.c_str(), static_cast<long long>(r.series),
              static_cast<long long>(r.series_tested));
  std::printf("uitbraken gevonden: %lld van %lld (%s)\n", static_cast<long long>(r.outbreaks_found),
              static_cast<long long>(r.outbreaks), Share(r.outbreaks_found, r.outbreaks).c_str());
  for (const std::string& missed : r.outbreaks_missed) std::printf("  gemist: %s\n", missed.c_str());
  std::printf("dwarsverbanden gevonden: %lld van %lld (%s)\n", static_cast<long long>(r.clusters_found),
              static_cast<long long>(r.clusters), Share(r.clusters_found, r.clusters).c_str());
  for (const std::string& missed : r.clusters_missed) std::printf("  gemist: %s\n", missed.c_str());
  std::printf("dwarsverbandsignalen: %lld, waarvan %lld terecht (precisie %s); onterecht per jaar: %s\n",
              static_cast<long long>(r.crossdesk_signals), static_cast<long long>(r.crossdesk_signals_true),
              Share(r.crossdesk_signals_true, r.crossdesk_signals).c_str(),
              Decimal(r.crossdesk_false_per_year, 1).c_str());
  std::printf("  waarvan samenhang over wijken: %lld, waarvan %lld samenvallend met een ingebracht dwarsverband\n",
              static_cast<long long>(r.comovement_signals), static_cast<long long>(r.comovement_signals_coinciding));
  std::printf("nieuwe signalen per week in Twente: mediaan %s, hoogste %lld\n\n",
              Decimal(r.median_new_per_week, 1).c_str(), static_cast<long long>(r.max_new_per_week));
  int width = 7;  // "methode"
  for (const auto& [label, m] : r.methods) width = std::max(width, Utf8Width(label));
  std::printf("%s %8s %9s %10s %9s\n", Padded("methode", width).c_str(), "reeksen", "signalen", "uitbraken",
              "gevonden");
  for (const auto& [label, m] : r.methods) {
    std::printf("%s %8lld %9lld %10lld %9lld\n", Padded(label, width).c_str(), static_cast<long long>(m.series),
                static_cast<long long>(m.signals), static_cast<long long>(m.outbreaks),
                static_cast<long long>(m.outbreaks_found));
  }
  std::printf("\n%s s\n", Decimal(r.seconds, 1).c_str());
  if (!options.json.empty()) RETURN_IF_ERROR(pipeline::WriteSignalsEvalJson(r, options.json));
  return Status::Ok();
}

void AddSignalsEvalCommand(Commands& commands) {
  auto options = std::make_shared<SignalsEvalOptions>();
  Command cmd = commands.Add(
      "signals-eval",
      "Speel de signalering week voor week na en vergelijk met de ingebrachte uitbraken en dwarsverbanden");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStoreAndRegions);
  cmd.Add("--data", options->request.data_dir,
          "Map van `samenzicht generate` met truth/outbreaks.csv en truth/dwarsverbanden.csv (verplicht)");
  cmd.Add("--weeks", options->request.weeks, "Aantal weken om na te spelen, tot en met de laatste berekende week");
  cmd.Add("--replications", options->request.replications,
          "Monte-Carloherhalingen van de ruimte-tijdscan per week (standaard 999, als de signaalstap)");
  cmd.Add("--threads", options->request.threads, "Aantal threads (0: alle kernen)");
  cmd.Add("--json", options->json, "Schrijf de cijfers ook als JSON");
  cmd.Run([options] { return RunSignalsEval(*options); });
}
SZ_REGISTER_COMMAND(AddSignalsEvalCommand);

}  // namespace
}  // namespace sz::cli
