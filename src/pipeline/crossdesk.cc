#include "pipeline/crossdesk.h"

#include <cmath>
#include <set>
#include <unordered_map>

#include "indicators/cross_desk_measures.h"
#include "indicators/vt_classification.h"
#include "pipeline/link.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"
#include "pipeline/truth.h"
#include "sources/contract.h"

namespace sz::pipeline {
namespace {

double Percent(const indicators::MeasureTable& table, const char* measure, const char* category,
               const std::string& twente, const std::string& year) {
  const indicators::MeasureRow* row = indicators::FindRow(table, measure, category, twente, year);
  return row == nullptr || row->denominator == 0 ? std::nan("") : 100.0 * row->numerator / row->denominator;
}

std::vector<CrossDeskYear> TwenteByYear(const indicators::MeasureTable& table, const std::string& twente) {
  std::set<std::string> years;
  for (const auto& row : table) {
    if (row.period_kind == PeriodKind::kYear && row.region_code == twente) years.insert(row.period);
  }
  std::vector<CrossDeskYear> out;
  for (const std::string& year : years) {
    CrossDeskYear figures;
    figures.year = year;
    const indicators::MeasureRow* meldingen =
        indicators::FindRow(table, "vt_meldingen_klasse", "hermelding", twente, year);
    figures.meldingen = meldingen ? meldingen->denominator : 0.0;
    figures.hermelding_pct = Percent(table, "vt_meldingen_klasse", "hermelding", twente, year);
    figures.vervolgmelding_pct = Percent(table, "vt_meldingen_klasse", "vervolgmelding", twente, year);
    figures.nieuw_pct = Percent(table, "vt_meldingen_klasse", "nieuw", twente, year);
    figures.bekend_elders_pct = Percent(table, "vt_meldingen_bekend_ander_meldpunt", "persoon", twente, year);
    figures.huishoudens_meerdere_pct = Percent(table, "huishoudens_meerdere_meldpunten", "", twente, year);
    figures.gezin_drie_organisaties_pct = Percent(table, "organisaties_per_gezin", "3_of_meer", twente, year);
    out.push_back(std::move(figures));
  }
  return out;
}

std::string RowKey(const std::string& source, const std::string& record_id, int betrokkene_nr) {
  return source + '\x1f' + record_id + '\x1f' + std::to_string(betrokkene_nr);
}

}  // namespace

Result<std::vector<indicators::LinkedInvolvement>> LinkedInvolvementsFromStore(store::Store& store) {
  ASSIGN_OR_RETURN(auto run, store.linkage().Latest());
  if (!run) return FailedPreconditionError(msg::NotLinkedYet());
  ASSIGN_OR_RETURN(std::vector<store::LinkedInvolvement> linked, store.linkage().Involvements());
  std::unordered_map<std::string, const store::LinkedInvolvement*> by_key;
  by_key.reserve(linked.size());
  for (const auto& row : linked) by_key.emplace(RowKey(row.source, row.record_id, row.betrokkene_nr), &row);

  std::vector<indicators::LinkedInvolvement> out;
  out.reserve(linked.size());
  for (const std::string& source : DeskSources()) {
    const sources::SourceContract& contract = *sources::FindContract(source);
    const sources::TableSpec& table = contract.extract;
    const std::string& id_name = table.key.front();
    const int id = table.IndexOf(id_name), nr = table.IndexOf("betrokkene_nr"), rol = table.IndexOf("rol"),
              date = table.IndexOf(table.date_column), gemeente = table.IndexOf("gemeente"),
              wijk = table.IndexOf("wijk");
    std::string end_name = table.IndexOf("afgesloten_op") >= 0 ? "afgesloten_op" : "einddatum";
    const int end = table.IndexOf(end_name);
    const int soort = table.IndexOf("soort"), placement = table.IndexOf("uithuisplaatsing"),
              aanbieder = table.IndexOf("aanbieder");
    RETURN_IF_ERROR(store.records().Scan(contract, [&](std::span<const Value> row) -> Status {
      indicators::LinkedInvolvement inv;
      inv.source = source;
      ASSIGN_OR_RETURN(std::string_view record_id, row[id].AsText(id_name));
      inv.record_id = record_id;
      ASSIGN_OR_RETURN(int64_t betrokkene_nr, row[nr].AsInteger("betrokkene_nr"));
      inv.betrokkene_nr = static_cast<int>(betrokkene_nr);
      auto link = by_key.find(RowKey(source, inv.record_id, inv.betrokkene_nr));
      if (link == by_key.end()) return FailedPreconditionError(msg::IngestedAfterLinking(source, inv.record_id));
      inv.person_id = link->second->person_key;
      inv.household_id = link->second->household_key;
      inv.rol = row[rol].TextOrEmpty();
      ASSIGN_OR_RETURN(inv.event_date, row[date].AsDate(table.date_column));
      if (end >= 0 && !row[end].missing()) {
        ASSIGN_OR_RETURN(Date end_date, row[end].AsDate(end_name));
        inv.end_date = end_date;
      }
      if (soort >= 0) inv.soort = row[soort].TextOrEmpty();
      if (placement >= 0) inv.uithuisplaatsing = row[placement].TextOrEmpty() == "ja";
      if (aanbieder >= 0) inv.aanbieder = row[aanbieder].TextOrEmpty();
      inv.gemeente = row[gemeente].TextOrEmpty();
      inv.wijk = row[wijk].TextOrEmpty();
      out.push_back(std::move(inv));
      return Status::Ok();
    }));
  }
  return out;
}

Result<CrossDeskReport> ComputeCrossDesk(Workspace& workspace, const CrossDeskRequest& request) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(std::vector<indicators::LinkedInvolvement> involvements, LinkedInvolvementsFromStore(*store));
  CrossDeskReport report;
  report.involvements = involvements.size();
  ASSIGN_OR_RETURN(report.table, indicators::ComputeCrossDeskMeasures(involvements, request.options));
  report.twente_by_year = TwenteByYear(report.table, request.options.twente_code);
  if (!request.truth_dir.empty()) {
    ASSIGN_OR_RETURN(auto classes, indicators::ClassifyVtRegistrations(involvements));
    ASSIGN_OR_RETURN(auto truth, ReadVtClassificationTruth(request.truth_dir));
    report.truth_comparison = indicators::CompareWithTruth(classes, truth);
  }
  if (!request.out_csv.empty()) {
    RETURN_IF_ERROR(indicators::WriteMeasuresCsv(report.table, request.out_csv));
    ASSIGN_OR_RETURN(std::optional<store::LinkRunInfo> run, store->linkage().Latest());
    RETURN_IF_ERROR(WriteProvenance(request.out_csv, {"crossdesk",
                                                      {{"opslag", store->Describe()},
                                                       {"koppelrun", std::to_string(run ? run->id : 0)},
                                                       {"betrokkenheden", std::to_string(report.involvements)}}}));
  }
  return report;
}

}  // namespace sz::pipeline
