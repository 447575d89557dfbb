// samenzicht audit [--van DATE] [--gebruiker NAME] | audit verify: the audit log of the server and
// the account commands, and the check of its hash chain (pipeline/audit.h, docs/api.md).
//
// `audit verify` exits 0 when the chain is intact and with the data-error code when it is not,
// naming the first broken entry, so that a cron job can alert on it.
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "pipeline/audit.h"

namespace sz::cli {
namespace {

struct ListOptions {
  pipeline::WorkspaceOptions workspace;
  std::string since, user;
};

struct VerifyOptions {
  pipeline::WorkspaceOptions workspace;
};

Status RunList(const ListOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(std::vector<store::AuditEntry> entries, pipeline::ListAudit(workspace, options.since, options.user));
  std::printf("%zu %s\n", entries.size(), entries.size() == 1 ? "auditregel" : "auditregels");
  if (!entries.empty())
    std::printf("%6s  %-20s  %-16s  %-28s %7s  %-6s  %s\n", "nr", "tijd", "gebruiker", "handeling", "cellen",
                "uitkomst", "parameters");
  for (const store::AuditEntry& e : entries) {
    std::printf("%6lld  %-20s  %-16s  %-28s %7lld  %-8s  %s\n", static_cast<long long>(e.seq), e.at.c_str(),
                e.user.c_str(), e.action.c_str(), static_cast<long long>(e.cells), e.outcome.c_str(),
                e.parameters.c_str());
  }
  std::fflush(stdout);
  return Status::Ok();
}

Status RunVerify(const VerifyOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::AuditVerification check, pipeline::VerifyAuditLog(workspace));
  if (!check.intact) {
    return DataError("auditlog gebroken bij regel " + std::to_string(check.first_broken) + " van " +
                     std::to_string(check.entries) + ": " + check.problem);
  }
  std::printf("auditlog intact: %lld %s, de keten klopt\n", static_cast<long long>(check.entries),
              check.entries == 1 ? "regel" : "regels");
  std::printf("laatste regel %lld, hash %s\n", static_cast<long long>(check.head_seq), check.head_hash.c_str());
  std::printf(
      "Bewaar deze hash buiten de opslag: een latere controle toont dan ook of de laatste regels zijn "
      "weggehaald.\n");
  std::fflush(stdout);
  return Status::Ok();
}

void AddAuditCommand(Commands& commands) {
  auto list = std::make_shared<ListOptions>();
  Command cmd = commands.Add("audit", "Het auditlog: wie wanneer welke cijfers las of wat veranderde");
  cmd.AddWorkspaceOptions(list->workspace, WorkspaceUse::kStore);
  cmd.Add("--van", list->since, "Alleen regels vanaf deze datum (bijvoorbeeld 2026-12-01)");
  cmd.Add("--gebruiker", list->user, "Alleen regels van deze gebruiker");
  cmd.Run([list] { return RunList(*list); });

  auto verify = std::make_shared<VerifyOptions>();
  Command verify_cmd =
      cmd.Subcommand("verify", "Controleer de hashketen van het auditlog en noem de eerste gebroken regel");
  verify_cmd.AddWorkspaceOptions(verify->workspace, WorkspaceUse::kStore);
  verify_cmd.Run([verify] { return RunVerify(*verify); });
}
SZ_REGISTER_COMMAND(AddAuditCommand);

}  // namespace
}  // namespace sz::cli
