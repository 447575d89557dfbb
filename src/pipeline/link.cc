#include "pipeline/link.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "sources/contract.h"

namespace sz::pipeline {
namespace {

std::string InvolvementKey(const linkage::LinkRecord& record) {
  return record.source + ":" + record.record_id + ":" + std::to_string(record.betrokkene_nr);
}

// Earliest-involvement key per cluster label.
std::vector<std::string> StableKeys(const std::vector<linkage::LinkRecord>& records,
                                    const std::vector<uint32_t>& label) {
  auto earlier = [&](size_t a, size_t b) {
    const auto& ra = records[a];
    const auto& rb = records[b];
    int64_t da = ra.event_date ? ra.event_date->DayNumber() : INT64_MAX;
    int64_t db = rb.event_date ? rb.event_date->DayNumber() : INT64_MAX;
    if (da != db) return da < db;
    if (ra.source != rb.source) return ra.source < rb.source;
    if (ra.record_id != rb.record_id) return ra.record_id < rb.record_id;
    return ra.betrokkene_nr < rb.betrokkene_nr;
  };
  std::map<uint32_t, size_t> first;
  for (size_t i = 0; i < records.size(); ++i) {
    auto [it, inserted] = first.emplace(label[i], i);
    if (!inserted && earlier(i, it->second)) it->second = i;
  }
  std::vector<std::string> keys(records.size());
  for (size_t i = 0; i < records.size(); ++i) keys[i] = InvolvementKey(records[first[label[i]]]);
  return keys;
}

}  // namespace

const std::vector<std::string>& DeskSources() {
  static const std::vector<std::string> sources = [] {
    std::vector<std::string> out;
    for (const auto& contract : sources::AllContracts()) {
      if (contract.is_desk) out.push_back(contract.name);
    }
    return out;
  }();
  return sources;
}

Result<LinkReport> LinkStore(store::Store& store, const LinkRequest& request) {
  LinkReport report;
  ASSIGN_OR_RETURN(int64_t newest_file, store.MaxIngestFileId());
  ASSIGN_OR_RETURN(std::optional<store::LinkRunInfo> previous, store.LatestLinkRun());
  if (!request.force && previous && previous->max_ingest_file_id >= newest_file) {
    report.skipped = true;
    report.run = *previous;
    return report;
  }

  for (const std::string& source : DeskSources()) {
    const sources::SourceContract& contract = *sources::FindContract(source);
    std::vector<std::string> columns;
    for (const auto& column : contract.extract.columns) columns.push_back(column.name);
    ASSIGN_OR_RETURN(linkage::ExtractRowReader reader,
                     linkage::ExtractRowReader::Create(source, columns, contract.extract.key.front(),
                                                       contract.extract.date_column));
    RETURN_IF_ERROR(store.ScanRecords(contract, [&](const std::vector<std::string>& row) -> Status {
      auto record = reader.Read(row);
      if (!record.ok()) return record.status().WithContext("linking " + source);
      report.records.push_back(std::move(record).value());
      return Status::Ok();
    }));
  }
  if (report.records.size() < 2) {
    return FailedPreconditionError("the store holds " + std::to_string(report.records.size()) +
                                   " desk-extract rows; ingest desk extracts before linking");
  }

  ASSIGN_OR_RETURN(linkage::LinkageResult result, linkage::Link(report.records, request.options));
  report.stats = result.stats;
  report.person = result.person;
  report.household = result.household;

  std::vector<std::string> person_keys = StableKeys(report.records, result.person);
  std::vector<std::string> household_keys = StableKeys(report.records, result.household);
  std::vector<store::LinkedInvolvement> involvements;
  involvements.reserve(report.records.size());
  for (size_t i = 0; i < report.records.size(); ++i) {
    const auto& record = report.records[i];
    involvements.push_back({record.source, record.record_id, record.betrokkene_nr, person_keys[i], household_keys[i]});
  }
  std::vector<store::LinkPairRow> pairs;
  for (const auto& pair : result.pairs) {
    if (pair.exact || pair.probability >= request.keep_probability) {
      pairs.push_back({pair.a, pair.b, pair.weight, pair.probability, pair.exact});
    }
  }

  nlohmann::json details = {
      {"all_pairs", result.stats.all_pairs},
      {"pairs_compared", result.stats.pairs_compared},
      {"reduction_ratio", result.stats.reduction_ratio},
      {"exact_pairs", result.stats.exact_pairs},
      {"linked_pairs", result.stats.linked_pairs},
      {"em_iterations", result.stats.em_iterations},
      {"em_converged", result.stats.em_converged},
      {"blocking_passes", result.stats.pass_names},
      {"blocking_new_pairs", result.stats.pass_new_pairs},
      {"keep_probability", request.keep_probability},
      {"seconds_total", result.stats.seconds_total},
  };
  report.run.max_ingest_file_id = newest_file;
  report.run.pairs_compared = result.stats.pairs_compared;
  report.run.persons = result.stats.persons;
  report.run.households = result.stats.households;
  report.run.details = details.dump();
  ASSIGN_OR_RETURN(report.run.id, store.WriteLinkage(report.run, involvements, pairs));
  report.run.involvements = static_cast<int64_t>(involvements.size());
  report.run.pairs_kept = static_cast<int64_t>(pairs.size());
  return report;
}

}  // namespace sz::pipeline
