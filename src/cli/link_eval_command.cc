// samenzicht link-eval: scores the linkage pipeline against a ground truth (linkage/evaluation.h).
//
//   samenzicht link-eval --input dataset2.csv
//       --map given_name=given_name,surname=surname,birth_date=date_of_birth,postcode=postcode,bsn=soc_sec_id
//       --truth-column rec_id --truth-regex 'rec-(\d+)-' --json febrl2.json
//
// Runs the production pipeline: every plaintext record is pseudonymised with a throwaway random key
// through privacy::Pseudonymiser (the plaintext never reaches linkage), then linkage::Link links the
// pseudonymised records (two inputs: across the files; one input: deduplication), then the persons
// found are scored against the truth (records with equal truth values — the regex's first group if
// given — are one person). The last four lines are pairs compared, precision, recall and F1 of the
// person clusters; --json writes pairs_compared, true_pairs, precision, recall, f1 and more.
// Fields: given_name, surname, birth_date (ISO, dd-mm-yyyy or yyyymmdd), sex, postcode, house_number,
// street, locality, bsn. street and locality are accepted but not used: the pseudonymiser keys an
// address on postcode + house number (Dutch postcodes only). Exit codes: 1 usage, 2 bad data, 3 files.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli/command_registry.h"
#include "io/region_file.h"
#include "io/text_table.h"
#include "linkage/evaluation.h"
#include "linkage/link_record.h"
#include "linkage/linker.h"
#include "privacy/clk_schema.h"
#include "privacy/key.h"
#include "privacy/pseudonymiser.h"

namespace sz::cli {
namespace {

struct LinkEvalOptions {
  std::vector<std::string> inputs;
  std::string map;
  std::string truth_column;
  std::string truth_regex;
  std::string json;
  std::string clk_schema;
  int threads = 0;
  double threshold = linkage::ClusteringOptions{}.link_probability;
};

const std::set<std::string> kFields = {"given_name",   "surname", "birth_date", "sex", "postcode",
                                       "house_number", "street",  "locality",   "bsn"};

Result<std::map<std::string, std::string>> ParseMap(const std::string& text) {
  std::map<std::string, std::string> fields;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find(',', begin);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(begin, end - begin);
    size_t equals = item.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == item.size()) {
      return InvalidArgumentError("--map: expected FIELD=COLUMN, got '" + item + "'");
    }
    std::string field = item.substr(0, equals);
    if (!kFields.count(field)) {
      return InvalidArgumentError("--map: unknown field '" + field +
                                  "' (fields: given_name, surname, birth_date, sex, postcode, house_number, street, "
                                  "locality, bsn)");
    }
    if (!fields.emplace(field, item.substr(equals + 1)).second) {
      return InvalidArgumentError("--map: field '" + field + "' given twice");
    }
    begin = end + 1;
  }
  return fields;
}

std::string DefaultClkSchemaFile() {
  // The shipped configuration directory, next to the region files (io/region_file.h).
  return (std::filesystem::path(io::DefaultRegionFile()).parent_path().parent_path() / "linkage-schema.json").string();
}

Status RunLinkEval(const LinkEvalOptions& options) {
  if (options.inputs.empty() || options.inputs.size() > 2) {
    return InvalidArgumentError("give one --input (deduplicate) or two (link the two files)");
  }
  ASSIGN_OR_RETURN(auto fields, ParseMap(options.map));
  std::optional<std::regex> truth_regex;
  if (!options.truth_regex.empty()) {
    try {
      truth_regex.emplace(options.truth_regex, std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
      return InvalidArgumentError("--truth-regex is not a valid regular expression: " + std::string(error.what()));
    }
    if (truth_regex->mark_count() < 1) return InvalidArgumentError("--truth-regex needs a capture group");
  }

  // A throwaway key: made here, used once, never written anywhere.
  ASSIGN_OR_RETURN(privacy::Key key, privacy::Key::Generate());
  std::string schema_file = options.clk_schema.empty() ? DefaultClkSchemaFile() : options.clk_schema;
  ASSIGN_OR_RETURN(privacy::ClkSchema schema, privacy::ReadClkSchemaFile(schema_file));
  ASSIGN_OR_RETURN(privacy::Pseudonymiser pseudonymiser, privacy::Pseudonymiser::Create(key, schema));

  std::vector<linkage::LinkRecord> records;
  std::vector<std::string> truth;
  std::map<std::string, int64_t> problems;
  for (size_t file = 0; file < options.inputs.size(); ++file) {
    const std::string& path = options.inputs[file];
    ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(path));
    auto column = [&](const std::string& name) -> Result<int> {
      int index = table.ColumnIndex(name);
      if (index < 0) return InvalidArgumentError(path + " has no column '" + name + "'");
      return index;
    };
    std::map<std::string, int> field_column;
    for (const auto& [field, name] : fields) {
      ASSIGN_OR_RETURN(field_column[field], column(name));
    }
    ASSIGN_OR_RETURN(int truth_col, column(options.truth_column));
    auto cell = [&](const std::vector<std::string>& row, const char* field) -> std::string {
      auto it = field_column.find(field);
      return it == field_column.end() ? std::string() : row[it->second];
    };
    for (size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
      const std::vector<std::string>& row = table.rows[row_idx];
      privacy::PersonIdentity person;
      person.bsn = cell(row, "bsn");
      person.given_names = cell(row, "given_name");
      person.surname = cell(row, "surname");
      person.birth_date = cell(row, "birth_date");
      person.sex = cell(row, "sex");
      person.postcode = cell(row, "postcode");
      person.house_number = cell(row, "house_number");
      ASSIGN_OR_RETURN(privacy::Pseudonyms pseudonyms, pseudonymiser.Pseudonymise(person));
      for (const std::string& problem : pseudonyms.problems) ++problems[problem.substr(0, problem.find(':'))];

      linkage::LinkRecord record;
      record.source = "input" + std::to_string(file + 1);
      record.record_id = std::to_string(table.line_numbers[row_idx]);
      record.betrokkene_nr = 1;
      record.bsn_pseudonym = pseudonyms.bsn_pseudonym;
      record.name_pseudonym = pseudonyms.name_pseudonym;
      record.household_pseudonym = pseudonyms.address_pseudonym;
      if (!pseudonyms.clk.empty()) {
        Result<linkage::ClkWords> clk = linkage::DecodeClk(pseudonyms.clk);
        if (!clk.ok()) return clk.status().WithContext("the linkage schema must make 1024-bit CLKs");
        record.clk = *clk;
      }
      record.birth_year = pseudonyms.birth_year.value_or(0);
      record.sex = pseudonyms.sex == "m"   ? linkage::Sex::kMan
                   : pseudonyms.sex == "v" ? linkage::Sex::kVrouw
                                           : linkage::Sex::kUnknown;
      records.push_back(std::move(record));

      std::string label = row[truth_col];
      if (truth_regex) {
        std::smatch match;
        if (!std::regex_search(label, match, *truth_regex)) {
          return DataError(path + ":" + std::to_string(table.line_numbers[row_idx]) + ": truth value '" + label +
                           "' does not match --truth-regex");
        }
        label = match[1].str();
      }
      truth.push_back(label);
    }
  }

  linkage::LinkageOptions link_options;
  link_options.mode = options.inputs.size() == 2 ? linkage::LinkMode::kAcrossSources : linkage::LinkMode::kDeduplicate;
  link_options.threads = options.threads;
  link_options.clustering.link_probability = options.threshold;
  ASSIGN_OR_RETURN(linkage::LinkageResult result, linkage::Link(records, link_options));
  ASSIGN_OR_RETURN(linkage::EvaluationReport report, linkage::Evaluate(records, result, truth, link_options.mode,
                                                                       link_options.clustering.link_probability));
  const linkage::LinkageStats& stats = result.stats;

  std::printf("records: %lld (%s)\n", static_cast<long long>(stats.records),
              link_options.mode == linkage::LinkMode::kDeduplicate ? "deduplicate" : "link two files");
  for (const auto& [problem, count] : problems) {
    std::printf("pseudonymiser: %lld records with a problem in %s\n", static_cast<long long>(count), problem.c_str());
  }
  for (size_t pass = 0; pass < stats.pass_names.size(); ++pass) {
    std::printf("blocking pass %-28s new pairs %lld, oversized blocks skipped %lld\n", stats.pass_names[pass].c_str(),
                static_cast<long long>(stats.pass_new_pairs[pass]),
                static_cast<long long>(stats.pass_oversized_blocks[pass]));
  }
  std::printf("all pairs: %.0f, reduction ratio: %.6f\n", stats.all_pairs, stats.reduction_ratio);
  std::printf("true pairs: %lld, of which compared (pair completeness): %lld (%.4f)\n",
              static_cast<long long>(report.true_pairs), static_cast<long long>(report.true_pairs_compared),
              report.pair_completeness);
  std::printf("model:\n%s", result.model.Describe(link_options.comparison).c_str());
  std::printf("EM iterations: %d%s\n", stats.em_iterations, stats.em_converged ? "" : " (not converged)");
  std::printf("links (p >= %.2f or exact) before clustering: %lld; precision %.4f, recall %.4f, F1 %.4f\n",
              link_options.clustering.link_probability, static_cast<long long>(report.links.predicted_pairs),
              report.links.precision, report.links.recall, report.links.f1);
  std::printf("persons: %lld found, %lld true; purity %.4f, inverse purity %.4f\n",
              static_cast<long long>(report.persons_predicted), static_cast<long long>(report.persons_true),
              report.purity, report.inverse_purity);
  std::printf("seconds: %.3f (blocking %.3f, comparing+EM %.3f, clustering %.3f)\n", stats.seconds_total,
              stats.seconds_blocking, stats.seconds_comparing, stats.seconds_clustering);
  std::printf("pairs compared: %lld\n", static_cast<long long>(stats.pairs_compared));
  std::printf("precision: %.4f\n", report.persons.precision);
  std::printf("recall: %.4f\n", report.persons.recall);
  std::printf("F1: %.4f\n", report.persons.f1);

  if (!options.json.empty()) {
    nlohmann::json json = {
        {"records", stats.records},
        {"mode", link_options.mode == linkage::LinkMode::kDeduplicate ? "deduplicate" : "link"},
        {"pairs_compared", stats.pairs_compared},
        {"all_pairs", stats.all_pairs},
        {"reduction_ratio", stats.reduction_ratio},
        {"true_pairs", report.true_pairs},
        {"true_pairs_compared", report.true_pairs_compared},
        {"pair_completeness", report.pair_completeness},
        {"precision", report.persons.precision},
        {"recall", report.persons.recall},
        {"f1", report.persons.f1},
        {"predicted_pairs", report.persons.predicted_pairs},
        {"true_positives", report.persons.true_positives},
        {"link_precision", report.links.precision},
        {"link_recall", report.links.recall},
        {"link_f1", report.links.f1},
        {"link_probability_threshold", link_options.clustering.link_probability},
        {"purity", report.purity},
        {"inverse_purity", report.inverse_purity},
        {"persons_found", report.persons_predicted},
        {"persons_true", report.persons_true},
        {"lambda", result.model.lambda},
        {"em_iterations", stats.em_iterations},
        {"seconds", stats.seconds_total},
    };
    std::ofstream out(options.json, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write " + options.json);
    out << json.dump(2) << "\n";
    out.close();
    if (!out) return IoError("writing " + options.json + " failed");
  }
  return Status::Ok();
}

void AddLinkEvalCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "link-eval", "Meet de koppelkwaliteit (pseudonimiseren met een wegwerpsleutel, dan koppelen) tegen een waarheidskolom");
  auto options = std::make_shared<LinkEvalOptions>();
  cmd->add_option("--input", options->inputs, "Plaintext person file (CSV); twice to link two files")->required();
  cmd->add_option("--map", options->map,
                  "FIELD=COLUMN[,FIELD=COLUMN...]; FIELD one of given_name, surname, birth_date, sex, postcode, "
                  "house_number, street, locality, bsn")
      ->required();
  cmd->add_option("--truth-column", options->truth_column, "Column whose equal values mark the same person")
      ->required();
  cmd->add_option("--truth-regex", options->truth_regex,
                  "Use the first capture group of this regex on the truth value");
  cmd->add_option("--json", options->json, "Write the scores as JSON to this file");
  cmd->add_option("--clk-schema", options->clk_schema, "clkhash linkage schema (default: config/linkage-schema.json)");
  cmd->add_option("--threshold", options->threshold, "Match probability at which a pair is a link (default 0.9)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--threads", options->threads, "Threads for comparing (default: all cores, at most 8)");
  cmd->callback([options] { ExitWith(RunLinkEval(*options)); });
}
SZ_REGISTER_COMMAND(AddLinkEvalCommand);

}  // namespace
}  // namespace sz::cli
