// samenzicht signals [--status S] [--json FILE] | signals show ID | signals triage ID --status S
// [--note TEXT] [--door NAAM] | signals detect : the signal list of the weekly signaleringsoverleg and
// its triage (pipeline/signals.h, docs/signals.md).
#include <cstdio>
#include <memory>
#include <optional>

#include "cli/command.h"
#include "pipeline/signals.h"

namespace sz::cli {
namespace {

struct ListOptions {
  pipeline::WorkspaceOptions workspace;
  std::optional<std::string> status;
  std::string json;
};

struct ShowOptions {
  pipeline::WorkspaceOptions workspace;
  int64_t id = 0;
};

struct TriageOptions {
  pipeline::WorkspaceOptions workspace;
  int64_t id = 0;
  std::string status, note, by;
};

struct DetectOptions {
  pipeline::WorkspaceOptions workspace;
};

std::string Figure(const std::optional<double>& value) {
  if (!value) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", *value);
  std::string out = buffer;
  for (char& c : out)
    if (c == '.') c = ',';
  return out;
}

// A p- or q-value the Dutch way: 0,012 or 1,3e-12.
std::string Probability(const std::optional<double>& value) {
  if (!value) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2g", *value);
  std::string out = buffer;
  for (char& c : out)
    if (c == '.') c = ',';
  return out;
}

void PrintLine(const store::StoredSignal& s) {
  std::printf("%5lld  %-4s %-11s %-10s %-8s t/m %-8s  %s\n", static_cast<long long>(s.id),
              s.rank > 0 ? std::to_string(s.rank).c_str() : "-", s.status.c_str(), s.region.c_str(),
              s.period_from.c_str(), s.period_to.c_str(), s.indicators.empty() ? "" : s.indicators.front().c_str());
  std::printf("       %s\n", s.explanation.c_str());
}

Status RunList(const ListOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(std::vector<store::StoredSignal> list, pipeline::ListSignals(workspace, options.status));
  if (!options.json.empty()) {
    RETURN_IF_ERROR(pipeline::WriteSignalsJson(list, options.json));
    std::printf("%zu signalen geschreven naar %s\n", list.size(), options.json.c_str());
    return Status::Ok();
  }
  std::printf("%zu signalen%s\n", list.size(), options.status ? (" met status " + *options.status).c_str() : "");
  if (!list.empty()) std::printf("   id  rang status      regio      periode\n");
  for (const store::StoredSignal& s : list) PrintLine(s);
  std::fflush(stdout);
  return Status::Ok();
}

Status RunShow(const ShowOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(store::StoredSignal s, pipeline::ShowSignal(workspace, options.id));
  std::printf("signaal %lld (%s)%s\n", static_cast<long long>(s.id), s.kind.c_str(),
              s.follows ? (", vervolg op signaal " + std::to_string(s.follows)).c_str() : "");
  std::printf("  %s\n", s.explanation.c_str());
  std::printf("  status       %s\n", s.status.c_str());
  std::printf("  rang         %s\n", s.rank > 0 ? std::to_string(s.rank).c_str() : "niet in de laatste lijst");
  for (const std::string& id : s.indicators) std::printf("  indicator    %s\n", id.c_str());
  std::string sources;
  for (const std::string& source : s.sources) sources += (sources.empty() ? "" : ", ") + source;
  std::printf("  bronnen      %s\n  regio        %s\n  uitsplitsing %s\n", sources.c_str(), s.region.c_str(),
              s.breakdown.c_str());
  std::printf("  periode      %s t/m %s\n  methode      %s\n", s.period_from.c_str(), s.period_to.c_str(),
              s.method.c_str());
  std::printf("  waargenomen  %s\n  verwacht     %s\n  drempel      %s\n", Figure(s.observed).c_str(),
              Figure(s.expected).c_str(), Figure(s.threshold).c_str());
  std::printf("  p-waarde     %s\n  q-waarde     %s\n  score        %s\n", Probability(s.p_value).c_str(),
              Probability(s.q_value).c_str(), Figure(s.score).c_str());
  if (s.steps.empty()) std::printf("  nog niet besproken\n");
  for (const store::TriageStep& step : s.steps) {
    std::printf("  %s %s%s%s%s%s\n", step.at.c_str(), step.by.empty() ? "" : (step.by + ": ").c_str(),
                step.to_status.empty() ? "" : (step.from_status + " → " + step.to_status).c_str(),
                !step.to_status.empty() && !step.note.empty() ? "; " : "", step.note.c_str(), "");
  }
  std::fflush(stdout);
  return Status::Ok();
}

Status RunTriage(const TriageOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(
      store::StoredSignal s,
      pipeline::TriageSignal(workspace,
                             {.id = options.id, .status = options.status, .note = options.note, .by = options.by}));
  std::printf("signaal %lld heeft nu status %s (%zu %s)\n", static_cast<long long>(s.id), s.status.c_str(),
              s.steps.size(), s.steps.size() == 1 ? "stap" : "stappen");
  std::fflush(stdout);
  return Status::Ok();
}

Status RunDetect(const DetectOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::SignalsReport r, pipeline::DetectSignals(workspace));
  std::printf("signaalrun %lld (van berekening %lld): %lld signalen, waarvan %lld nieuw (%lld vervolg)\n",
              static_cast<long long>(r.run_id), static_cast<long long>(r.indicator_run_id),
              static_cast<long long>(r.signals), static_cast<long long>(r.new_signals),
              static_cast<long long>(r.follow_ups));
  if (r.load_signals > 0) std::printf("  waarvan belasting: %lld\n", static_cast<long long>(r.load_signals));
  if (r.wave_signals > 0)
    std::printf("  waarvan golf (gezondheidsmonitor): %lld\n", static_cast<long long>(r.wave_signals));
  if (r.crossdesk_signals > 0)
    std::printf("  waarvan dwarsverband: %lld\n", static_cast<long long>(r.crossdesk_signals));
  std::printf(
      "  %lld reeksen, %lld niet getoetst, %lld toetsen (waarvan %lld clusters van de ruimte-tijdscan, %lld "
      "paren op samenhang over wijken, %lld uit de gezondheidsmonitor), %.1f s\n",
      static_cast<long long>(r.series), static_cast<long long>(r.not_tested), static_cast<long long>(r.tests),
      static_cast<long long>(r.crossdesk_tests), static_cast<long long>(r.comovement_tests),
      static_cast<long long>(r.wave_tests), r.seconds);
  if (r.failed > 0)
    std::printf("  %lld reeksen konden niet worden getoetst; de eerste: %s\n", static_cast<long long>(r.failed),
                r.first_failure.c_str());
  for (const auto& [id, reason] : r.not_tested_indicators)
    std::printf("  geen reekssignalen: %s (%s)\n", id.c_str(), reason.c_str());
  std::fflush(stdout);
  return Status::Ok();
}

const char* kStatusHelp = "nieuw, besproken, geagendeerd of afgesloten";

void AddSignalsCommand(Commands& commands) {
  auto list = std::make_shared<ListOptions>();
  Command cmd = commands.Add("signals", "De signalenlijst voor het signaleringsoverleg, en de triage ervan");
  cmd.AddWorkspaceOptions(list->workspace, WorkspaceUse::kStore);
  cmd.Add(
      "--status", list->status,
      std::string("Alleen signalen met deze status: ") + kStatusHelp + " (standaard: alles wat niet afgesloten is)");
  cmd.Add("--json", list->json, "Schrijf de lijst als JSON naar dit bestand");
  cmd.Run([list] { return RunList(*list); });

  auto show = std::make_shared<ShowOptions>();
  Command show_cmd = cmd.Subcommand("show", "Toon één signaal met zijn uitleg en zijn notities");
  show_cmd.AddWorkspaceOptions(show->workspace, WorkspaceUse::kStore);
  show_cmd.Add("id", show->id, "Het nummer van het signaal").Required();
  show_cmd.Run([show] { return RunShow(*show); });

  auto triage = std::make_shared<TriageOptions>();
  Command triage_cmd = cmd.Subcommand("triage", "Geef een signaal een status en eventueel een notitie");
  triage_cmd.AddWorkspaceOptions(triage->workspace, WorkspaceUse::kStore);
  triage_cmd.Add("id", triage->id, "Het nummer van het signaal").Required();
  triage_cmd.Add("--status", triage->status, std::string("De nieuwe status: ") + kStatusHelp).Required();
  triage_cmd.Add("--note", triage->note, "Een notitie bij deze stap");
  triage_cmd.Add("--door", triage->by, "Wie de stap zet");
  triage_cmd.Run([triage] { return RunTriage(*triage); });

  auto detect = std::make_shared<DetectOptions>();
  Command detect_cmd =
      cmd.Subcommand("detect", "Zoek opnieuw naar signalen in de laatst berekende indicatoren (ook een stap van run)");
  detect_cmd.AddWorkspaceOptions(detect->workspace, WorkspaceUse::kStoreAndRegions);
  detect_cmd.Run([detect] { return RunDetect(*detect); });
}
SZ_REGISTER_COMMAND(AddSignalsCommand);

}  // namespace
}  // namespace sz::cli
