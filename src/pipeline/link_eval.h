// Link evaluation: the stage behind `samenzicht link-eval`. Scores the linkage pipeline on any
// plaintext person file with a truth column (e.g. the FEBRL sets in ../shared/refdata):
//
//   ASSIGN_OR_RETURN(LinkEvalReport report, EvaluateLinkage(workspace, {
//       .inputs = {"dataset2.csv"},
//       .map = "given_name=given_name,surname=surname,birth_date=date_of_birth,postcode=postcode,bsn=soc_sec_id",
//       .truth_column = "rec_id", .truth_regex = "rec-(\\d+)-"}));
//   report.evaluation.persons.f1;
//
// It runs the production path: every plaintext record is pseudonymised with a throwaway random key
// through privacy::Pseudonymiser (the plaintext never reaches linkage, and the key is never written),
// with the keyed field-level encodings the desk would make (privacy/field_encoder.h; not yet in the
// stored extracts), then linkage::Link links the pseudonymised records (two inputs: across the files;
// one input: deduplication) with the field-level blocking passes (BlockingOptions::WithFieldLevel),
// then the persons found are scored against the truth (records with equal truth values — the regex's
// first group if given — are one person). Fields: given_name, surname, birth_date (ISO, dd-mm-yyyy or
// yyyymmdd), sex, postcode, house_number, street, locality, bsn; street and locality, a postcode that is
// not Dutch and a bsn that fails the elfproef count only through the field-level encodings.
// The linkage schema is CONFIG/linkage-schema.json unless `clk_schema` names another.
// Errors: kInvalidArgument for bad options (no or three inputs, a bad map, an unknown column, a bad
// regex); kDataError for a truth value the regex does not match; the file readers' errors.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "linkage/evaluation.h"
#include "linkage/linker.h"
#include "pipeline/workspace.h"

namespace sz::pipeline {

struct LinkEvalRequest {
  std::vector<std::string> inputs;  // one (deduplicate) or two (link the two files)
  std::string map;                  // FIELD=COLUMN[,FIELD=COLUMN...]
  std::string truth_column;
  std::string truth_regex;  // optional: its first capture group is the person
  std::string clk_schema;   // "" for CONFIG/linkage-schema.json
  int threads = 0;
  // The link probability from which a pair is a link (linkage::SetLinkThreshold). 0 or below: the one
  // the fitted model chooses (linkage::ChooseLinkProbability); none: that choice when every record has
  // field encodings (link-eval's pseudonymiser makes them for every record), else 0.9.
  std::optional<double> threshold;
  // Term-frequency adjustment of exact agreement on given name, surname and birth date
  // (linkage/term_frequency.h); false: every pair weighs by its comparison pattern alone.
  bool term_frequency_adjustment = true;
};

struct LinkEvalReport {
  linkage::LinkMode mode = linkage::LinkMode::kDeduplicate;
  double threshold = 0;
  std::map<std::string, int64_t> problems;  // pseudonymiser problems per field, counted over records
  linkage::LinkageStats stats;
  linkage::EvaluationReport evaluation;
  double lambda = 0;
  std::string model_description;  // the fitted model, one line per field level
};

Result<LinkEvalReport> EvaluateLinkage(Workspace& workspace, const LinkEvalRequest& request);

// The scores as JSON: records, mode, pairs_compared, all_pairs, reduction_ratio, true_pairs,
// true_pairs_compared, pair_completeness, blocking_recall (the same share: true pairs that survive
// blocking, issue 18's name), precision, recall, f1, predicted_pairs, true_positives,
// link_precision, link_recall, link_f1, link_probability_threshold, purity, inverse_purity,
// persons_found, persons_true, lambda, em_iterations, seconds, model_link_probability and
// model_expected_f1 (the threshold the fitted model would choose, and the F1 it expects there), and
// term_frequency_adjustment (whether pair weights were adjusted by the tags' frequencies).
Status WriteLinkEvalJson(const LinkEvalReport& report, const std::string& path);

}  // namespace sz::pipeline
