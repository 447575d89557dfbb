#include "pipeline/link_eval.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>

#include "core/sex.h"
#include "io/text_table.h"
#include "linkage/link_record.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"
#include "pipeline/pseudonymise.h"
#include "privacy/clk_schema.h"
#include "privacy/key.h"
#include "privacy/pseudonymiser.h"

namespace sz::pipeline {
namespace {

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
      return InvalidArgumentError(msg::MapItemMalformed(item));
    }
    std::string field = item.substr(0, equals);
    if (!kFields.count(field)) {
      return InvalidArgumentError(msg::MapUnknownField(field));
    }
    if (!fields.emplace(field, item.substr(equals + 1)).second) {
      return InvalidArgumentError(msg::MapFieldTwice(field));
    }
    begin = end + 1;
  }
  return fields;
}

}  // namespace

Result<LinkEvalReport> EvaluateLinkage(Workspace& workspace, const LinkEvalRequest& options) {
  if (options.inputs.empty() || options.inputs.size() > 2) {
    return InvalidArgumentError(msg::OneOrTwoInputs());
  }
  ASSIGN_OR_RETURN(auto fields, ParseMap(options.map));
  std::optional<std::regex> truth_regex;
  if (!options.truth_regex.empty()) {
    try {
      truth_regex.emplace(options.truth_regex, std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
      return InvalidArgumentError(msg::BadTruthRegex(error.what()));
    }
    if (truth_regex->mark_count() < 1) return InvalidArgumentError(msg::TruthRegexWithoutGroup());
  }

  // A throwaway key: made here, used once, never written anywhere.
  ASSIGN_OR_RETURN(privacy::Key key, privacy::Key::Generate());
  std::string schema_file = options.clk_schema.empty() ? workspace.ConfigFile(kClkSchemaFile) : options.clk_schema;
  ASSIGN_OR_RETURN(privacy::ClkSchema schema, privacy::ReadClkSchemaFile(schema_file));
  // Field-level encodings as the desk would make them (privacy/field_encoder.h): the linker compares
  // name, birth date and address field by field and blocks on their keyed tags.
  ASSIGN_OR_RETURN(privacy::Pseudonymiser pseudonymiser,
                   privacy::Pseudonymiser::Create(key, schema, {.field_encodings = true}));

  std::vector<linkage::LinkRecord> records;
  std::vector<std::string> truth;
  LinkEvalReport report;
  std::map<std::string, int64_t>& problems = report.problems;
  for (size_t file = 0; file < options.inputs.size(); ++file) {
    const std::string& path = options.inputs[file];
    ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(path));
    auto column = [&](const std::string& name) -> Result<int> {
      int index = table.ColumnIndex(name);
      if (index < 0) return InvalidArgumentError(msg::NoSuchColumn(path, name));
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
      person.street = cell(row, "street");
      person.locality = cell(row, "locality");
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
        if (!clk.ok()) return clk.status().WithContext(msg::SchemaMustMake1024Bits());
        record.clk = *clk;
      }
      record.birth_year = pseudonyms.birth_year.value_or(0);
      std::optional<Sex> sex = pseudonyms.sex.empty() ? std::nullopt : ParseSex(pseudonyms.sex);
      record.sex = sex == Sex::kMan || sex == Sex::kVrouw ? *sex : Sex::kUnknown;
      record.fields = std::move(pseudonyms.fields);
      records.push_back(std::move(record));

      std::string label = row[truth_col];
      if (truth_regex) {
        std::smatch match;
        if (!std::regex_search(label, match, *truth_regex)) {
          return DataError(msg::TruthValueUnmatched(path, table.line_numbers[row_idx], label));
        }
        label = match[1].str();
      }
      truth.push_back(label);
    }
  }

  linkage::LinkageOptions link_options;
  link_options.mode = options.inputs.size() == 2 ? linkage::LinkMode::kAcrossSources : linkage::LinkMode::kDeduplicate;
  link_options.threads = options.threads;
  link_options.blocking.passes = linkage::BlockingOptions::WithFieldLevel();
  const bool every_record_has_fields =
      std::all_of(records.begin(), records.end(), [](const linkage::LinkRecord& r) { return r.fields.has_value(); });
  linkage::SetLinkThreshold(options.threshold, every_record_has_fields, link_options);
  link_options.term_frequency.enabled = options.term_frequency_adjustment;
  ASSIGN_OR_RETURN(linkage::LinkageResult result, linkage::Link(records, link_options));
  ASSIGN_OR_RETURN(report.evaluation,
                   linkage::Evaluate(records, result, truth, link_options.mode, result.stats.link_probability));
  report.mode = link_options.mode;
  report.threshold = result.stats.link_probability;
  report.stats = result.stats;
  report.lambda = result.model.lambda;
  report.model_description = result.model.Describe(link_options.comparison);
  return report;
}

Status WriteLinkEvalJson(const LinkEvalReport& result, const std::string& path) {
  const linkage::LinkageStats& stats = result.stats;
  const linkage::EvaluationReport& report = result.evaluation;
  nlohmann::json json = {
      {"records", stats.records},
      {"mode", result.mode == linkage::LinkMode::kDeduplicate ? "deduplicate" : "link"},
      {"pairs_compared", stats.pairs_compared},
      {"all_pairs", stats.all_pairs},
      {"reduction_ratio", stats.reduction_ratio},
      {"true_pairs", report.true_pairs},
      {"true_pairs_compared", report.true_pairs_compared},
      {"pair_completeness", report.pair_completeness},
      {"blocking_recall", report.pair_completeness},
      {"precision", report.persons.precision},
      {"recall", report.persons.recall},
      {"f1", report.persons.f1},
      {"predicted_pairs", report.persons.predicted_pairs},
      {"true_positives", report.persons.true_positives},
      {"link_precision", report.links.precision},
      {"link_recall", report.links.recall},
      {"link_f1", report.links.f1},
      {"link_probability_threshold", result.threshold},
      {"model_link_probability", stats.model_link_probability},
      {"model_expected_f1", stats.model_expected_f1},
      {"term_frequency_adjustment",
       stats.term_frequency_values[0] + stats.term_frequency_values[1] + stats.term_frequency_values[2] > 0},
      {"purity", report.purity},
      {"inverse_purity", report.inverse_purity},
      {"persons_found", report.persons_predicted},
      {"persons_true", report.persons_true},
      {"lambda", result.lambda},
      {"em_iterations", stats.em_iterations},
      {"seconds", stats.seconds_total},
  };
  return WriteJsonFile(json.dump(2) + "\n", path);
}

}  // namespace sz::pipeline
