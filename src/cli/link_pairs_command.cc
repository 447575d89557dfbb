// samenzicht link-pairs : the kept link pairs for review, and what each threshold would link.
#include <algorithm>
#include <cstdio>

#include "cli/command_registry.h"
#include "io/csv_writer.h"
#include "pipeline/link_pairs.h"
#include "store/sqlite_store.h"

namespace sz::cli {
namespace {

struct LinkPairsOptions {
  std::string db;
  std::string out;
  pipeline::LinkPairsRequest request;
};

Status WritePairs(const pipeline::LinkPairsReport& report, const std::string& path) {
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
  for (const pipeline::ReviewedPair& pair : report.pairs) {
    RETURN_IF_ERROR(writer->WriteRow({pair.a->source, pair.a->record_id, std::to_string(pair.a->betrokkene_nr),
                                      pair.b->source, pair.b->record_id, std::to_string(pair.b->betrokkene_nr),
                                      decimal("%.3f", pair.pair.weight), decimal("%.6f", pair.pair.probability),
                                      pair.pair.exact ? "ja" : "nee", pair.same_person ? "ja" : "nee"}));
  }
  return writer->Close();
}

Status RunLinkPairs(const LinkPairsOptions& options) {
  ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(options.db));
  ASSIGN_OR_RETURN(pipeline::LinkPairsReport report, pipeline::ReviewLinkPairs(*store, options.request));
  std::printf("koppelrun %lld (%s): %lld betrokkenheden, %lld bewaarde paren\n", static_cast<long long>(report.run.id),
              report.run.created_at.c_str(), static_cast<long long>(report.involvements.size()),
              static_cast<long long>(report.run.pairs_kept));
  std::printf("\n%-12s %12s %16s", "drempel", "koppelingen", "binnen personen");
  if (report.true_pairs >= 0) std::printf(" %10s %9s %8s", "juist", "precisie", "recall");
  std::printf("\n");
  for (const pipeline::ThresholdRow& row : report.thresholds) {
    // "≥" is three bytes and one column wide: pad by columns, not bytes.
    std::string label = row.exact_only ? "alleen exact" : "kans ≥ " + std::to_string(row.threshold).substr(0, 4);
    label.append(row.exact_only ? 0 : 1, ' ');
    std::printf("%-12s %12lld %16lld", label.c_str(), static_cast<long long>(row.links),
                static_cast<long long>(row.within_persons));
    if (report.true_pairs >= 0) {
      std::printf(" %10lld %9.4f %8.4f", static_cast<long long>(row.true_links),
                  row.links ? static_cast<double>(row.true_links) / row.links : 1.0,
                  report.true_pairs ? static_cast<double>(row.true_links) / report.true_pairs : 1.0);
    }
    if (row.below_floor) std::printf("  (onvolledig: onder de bewaargrens)");
    std::printf("\n");
  }
  bool incomplete = false;
  for (const pipeline::ThresholdRow& row : report.thresholds) incomplete = incomplete || row.below_floor;
  if (incomplete) {
    std::printf("(paren onder kans %.3g zijn niet bewaard: de bewaargrens is verhoogd omdat er te veel waren)\n",
                report.keep_floor);
  }
  if (report.true_pairs >= 0) {
    std::printf("(precisie en recall van de koppelingen vóór het clusteren; %lld paren in de waarheid)\n",
                static_cast<long long>(report.true_pairs));
  }
  int64_t grey = 0;
  for (const auto& pair : report.pairs) grey += !pair.same_person;
  std::printf("\n%zu paren met kans ≥ %.2f, waarvan %lld niet in één persoon (grijze zone, om te beoordelen)\n",
              report.pairs.size(), options.request.min_probability, static_cast<long long>(grey));
  if (!options.out.empty()) {
    RETURN_IF_ERROR(WritePairs(report, options.out));
    std::printf("paren geschreven naar %s\n", options.out.c_str());
  }
  return Status::Ok();
}

void AddLinkPairsCommand(CLI::App& app) {
  auto options = std::make_shared<LinkPairsOptions>();
  auto* cmd = app.add_subcommand("link-pairs",
                                 "Bekijk de bewaarde koppelparen: wat elke drempel zou koppelen, en de paren zelf");
  AddDbOption(*cmd, options->db);
  cmd->add_option("--min-probability", options->request.min_probability,
                  "Toon en schrijf paren met minstens deze koppelkans (exacte altijd)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--out", options->out, "Schrijf de paren naar dit CSV-bestand");
  cmd->add_option("--truth", options->request.truth_persons_csv,
                  "Grondwaarheid van het synthetische Twente (truth/persons.csv): precisie en recall per drempel");
  cmd->callback([options] { ExitWith(RunLinkPairs(*options)); });
}
SZ_REGISTER_COMMAND(AddLinkPairsCommand);

}  // namespace
}  // namespace sz::cli
