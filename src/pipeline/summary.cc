#include "pipeline/summary.h"

#include "io/csv_writer.h"
#include "sources/contract.h"

namespace sz::pipeline {

Result<StoreSummary> SummariseStore(Workspace& workspace) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  StoreSummary summary;
  summary.store = store->Describe();
  summary.schema_version = store->SchemaVersion();
  ASSIGN_OR_RETURN(std::vector<store::IngestedFile> files, store->ingest_log().Files());
  for (const auto& contract : sources::AllContracts()) {
    SourceSummary source;
    source.source = contract.name;
    for (const store::IngestedFile& file : files) {
      if (file.source != contract.name) continue;
      ++source.files;
      source.rejected += file.rows_rejected;
    }
    ASSIGN_OR_RETURN(store::RecordSummary records, store->records().Summarise(contract));
    source.rows = records.rows;
    source.rows_per_gemeente = std::move(records.rows_per_gemeente);
    source.first = std::move(records.first_date);
    source.last = std::move(records.last_date);
    summary.sources.push_back(std::move(source));
  }
  for (const Region* gemeente : regions->AtLevel(RegionLevel::kGemeente)) {
    summary.gemeenten.push_back({gemeente->code, gemeente->name});
  }
  ASSIGN_OR_RETURN(summary.key_fingerprint, store->settings().Get(store::kLinkageKeyFingerprintSetting));
  return summary;
}

Result<RejectsReport> ListRejects(Workspace& workspace, const std::string& out_csv) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  RejectsReport report;
  ASSIGN_OR_RETURN(std::vector<store::IngestedFile> files, store->ingest_log().Files());
  for (const store::IngestedFile& file : files) {
    ASSIGN_OR_RETURN(std::vector<store::RejectedRow> rejects, store->ingest_log().Rejects(file.id));
    for (store::RejectedRow& row : rejects) report.rejects.push_back({file.source, file.file_name, std::move(row)});
  }
  if (!out_csv.empty()) {
    ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(out_csv, io::WriteDialect::DutchExcel()));
    RETURN_IF_ERROR(writer->WriteRow({"bron", "bestand", "regel", "kolom", "waarde", "reden", "oplossing", "rij"}));
    for (const ListedReject& reject : report.rejects) {
      const store::RejectedRow& row = reject.row;
      RETURN_IF_ERROR(writer->WriteRow({reject.source, reject.file_name, std::to_string(row.line), row.column,
                                        row.value, row.reason, row.hint, row.raw}));
    }
    RETURN_IF_ERROR(writer->Close());
  }
  return report;
}

}  // namespace sz::pipeline
