#include "pipeline/link_pairs.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "io/csv_writer.h"
#include "linkage/evaluation.h"
#include "pipeline/link.h"
#include "pipeline/messages.h"
#include "pipeline/truth.h"

namespace sz::pipeline {

Result<LinkPairsReport> ReviewLinkPairs(Workspace& workspace, const LinkPairsRequest& request) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  LinkPairsReport report;
  ASSIGN_OR_RETURN(std::optional<store::LinkRunInfo> run, store->linkage().Latest());
  if (!run) return FailedPreconditionError(msg::NotLinkedYet());
  report.run = *run;
  ASSIGN_OR_RETURN(report.involvements, store->linkage().Involvements());
  ASSIGN_OR_RETURN(std::vector<store::LinkPairRow> pairs, store->linkage().Pairs(0.0));

  std::vector<uint32_t> truth;  // interned true person per involvement
  if (!request.truth_persons_csv.empty()) {
    std::vector<InvolvementKey> keys;
    keys.reserve(report.involvements.size());
    for (const auto& involvement : report.involvements) {
      keys.push_back({involvement.source, involvement.record_id, involvement.betrokkene_nr});
    }
    ASSIGN_OR_RETURN(TruePersons labels, ReadTruePersons(request.truth_persons_csv, keys));
    truth = std::move(labels.person);
    std::unordered_map<uint32_t, int64_t> sizes;
    for (uint32_t id : truth) ++sizes[id];
    report.true_pairs = 0;
    for (const auto& [id, size] : sizes) report.true_pairs += size * (size - 1) / 2;
  }

  report.keep_floor = StoredKeepFloor(report.run);
  for (double threshold : {0.01, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0}) {
    report.thresholds.push_back(
        {threshold, threshold == 1.0, 0, 0, truth.empty() ? -1 : 0, threshold < 1.0 && threshold < report.keep_floor});
  }
  for (const store::LinkPairRow& pair : pairs) {
    if (pair.a >= report.involvements.size() || pair.b >= report.involvements.size()) {
      return DataError(msg::PairOutsideLinkage(pair.a, pair.b));
    }
    const store::LinkedInvolvement& a = report.involvements[pair.a];
    const store::LinkedInvolvement& b = report.involvements[pair.b];
    bool same_person = a.person_key == b.person_key;
    for (ThresholdRow& row : report.thresholds) {
      bool link = row.exact_only ? pair.exact : pair.exact || pair.probability >= row.threshold;
      if (!link) continue;
      ++row.links;
      row.within_persons += same_person;
      if (!truth.empty()) row.true_links += truth[pair.a] == truth[pair.b];
    }
    if (pair.exact || pair.probability >= request.min_probability) report.pairs.push_back({&a, &b, pair, same_person});
  }
  return report;
}

Status WriteLinkPairsCsv(const LinkPairsReport& report, const std::string& path) {
  ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(path, io::WriteDialect::DutchExcel()));
  RETURN_IF_ERROR(writer->WriteRow({"bron_a", "registratie_a", "betrokkene_a", "bron_b", "registratie_b",
                                    "betrokkene_b", "gewicht", "kans", "exact", "zelfde_persoon"}));
  auto decimal = [&](const char* format, double value) {
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    std::string out = text;
    if (writer->dialect().decimal_comma) std::replace(out.begin(), out.end(), '.', ',');
    return out;
  };
  for (const ReviewedPair& pair : report.pairs) {
    RETURN_IF_ERROR(writer->WriteRow({pair.a->source, pair.a->record_id, std::to_string(pair.a->betrokkene_nr),
                                      pair.b->source, pair.b->record_id, std::to_string(pair.b->betrokkene_nr),
                                      decimal("%.3f", pair.pair.weight), decimal("%.6f", pair.pair.probability),
                                      pair.pair.exact ? "ja" : "nee", pair.same_person ? "ja" : "nee"}));
  }
  return writer->Close();
}

}  // namespace sz::pipeline
