#include "pipeline/crossdesk.h"

#include <unordered_map>

#include "indicators/cross_desk_measures.h"
#include "indicators/vt_classification.h"
#include "pipeline/link.h"
#include "sources/contract.h"

namespace sz::pipeline {
namespace {

std::string RowKey(const std::string& source, const std::string& record_id, int betrokkene_nr) {
  return source + '\x1f' + record_id + '\x1f' + std::to_string(betrokkene_nr);
}

}  // namespace

Result<std::vector<indicators::LinkedInvolvement>> LinkedInvolvementsFromStore(store::Store& store) {
  ASSIGN_OR_RETURN(auto run, store.LatestLinkRun());
  if (!run) return FailedPreconditionError("the store has not been linked yet: run `samenzicht link` first");
  ASSIGN_OR_RETURN(std::vector<store::LinkedInvolvement> linked, store.LinkedInvolvements());
  std::unordered_map<std::string, const store::LinkedInvolvement*> by_key;
  by_key.reserve(linked.size());
  for (const auto& row : linked) by_key.emplace(RowKey(row.source, row.record_id, row.betrokkene_nr), &row);

  std::vector<indicators::LinkedInvolvement> out;
  out.reserve(linked.size());
  for (const std::string& source : DeskSources()) {
    const sources::SourceContract& contract = *sources::FindContract(source);
    const sources::TableSpec& table = contract.extract;
    const int id = table.IndexOf(table.key.front()), nr = table.IndexOf("betrokkene_nr"), rol = table.IndexOf("rol"),
              date = table.IndexOf(table.date_column), gemeente = table.IndexOf("gemeente"), wijk = table.IndexOf("wijk");
    int end = table.IndexOf("afgesloten_op");
    if (end < 0) end = table.IndexOf("einddatum");
    const int soort = table.IndexOf("soort"), placement = table.IndexOf("uithuisplaatsing"),
              aanbieder = table.IndexOf("aanbieder");
    RETURN_IF_ERROR(store.ScanRecords(contract, [&](const std::vector<std::string>& row) -> Status {
      indicators::LinkedInvolvement inv;
      inv.source = source;
      inv.record_id = row[id];
      inv.betrokkene_nr = std::stoi(row[nr]);
      auto link = by_key.find(RowKey(source, inv.record_id, inv.betrokkene_nr));
      if (link == by_key.end()) {
        return FailedPreconditionError("row " + source + " " + inv.record_id +
                                       " was ingested after the last linkage run: run `samenzicht link` first");
      }
      inv.person_id = link->second->person_key;
      inv.household_id = link->second->household_key;
      inv.rol = row[rol];
      ASSIGN_OR_RETURN(inv.event_date, ParseDate(row[date]));
      if (end >= 0 && !row[end].empty()) {
        ASSIGN_OR_RETURN(Date end_date, ParseDate(row[end]));
        inv.end_date = end_date;
      }
      if (soort >= 0) inv.soort = row[soort];
      if (placement >= 0) inv.uithuisplaatsing = row[placement] == "ja";
      if (aanbieder >= 0) inv.aanbieder = row[aanbieder];
      inv.gemeente = row[gemeente];
      inv.wijk = row[wijk];
      out.push_back(std::move(inv));
      return Status::Ok();
    }));
  }
  return out;
}

Result<CrossDeskReport> ComputeCrossDesk(store::Store& store, const CrossDeskRequest& request) {
  ASSIGN_OR_RETURN(std::vector<indicators::LinkedInvolvement> involvements, LinkedInvolvementsFromStore(store));
  CrossDeskReport report;
  report.involvements = involvements.size();
  ASSIGN_OR_RETURN(report.table, indicators::ComputeCrossDeskMeasures(involvements, request.options));
  if (!request.truth_dir.empty()) {
    ASSIGN_OR_RETURN(auto classes, indicators::ClassifyVtRegistrations(involvements));
    ASSIGN_OR_RETURN(auto truth, indicators::LoadVtClassificationTruth(request.truth_dir));
    report.truth_comparison = indicators::CompareWithTruth(classes, truth);
  }
  return report;
}

}  // namespace sz::pipeline
