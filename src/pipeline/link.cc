#include "pipeline/link.h"

#include <algorithm>
#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <unordered_map>

#include "linkage/evaluation.h"
#include "pipeline/internal/involvement_index.h"
#include "pipeline/messages.h"
#include "pipeline/truth.h"
#include "sources/contract.h"

namespace sz::pipeline {
namespace {

std::string KeyString(std::string_view source, std::string_view record_id, int betrokkene_nr) {
  std::string key(source);
  key += ':';
  key += record_id;
  key += ':';
  key += std::to_string(betrokkene_nr);
  return key;
}
std::string KeyString(const InvolvementRef& involvement) {
  return KeyString(involvement.source, involvement.record_id, involvement.betrokkene_nr);
}

// Earliest-involvement key per cluster label.
std::vector<std::string> StableKeys(const std::vector<InvolvementRef>& involvements,
                                    const std::vector<uint32_t>& label) {
  auto earlier = [&](size_t a, size_t b) {
    const InvolvementRef& ra = involvements[a];
    const InvolvementRef& rb = involvements[b];
    if (ra.event_day != rb.event_day) return ra.event_day < rb.event_day;
    if (ra.source != rb.source) return ra.source < rb.source;
    if (ra.record_id != rb.record_id) return ra.record_id < rb.record_id;
    return ra.betrokkene_nr < rb.betrokkene_nr;
  };
  std::unordered_map<uint32_t, size_t> first;
  for (size_t i = 0; i < involvements.size(); ++i) {
    auto [it, inserted] = first.emplace(label[i], i);
    if (!inserted && earlier(i, it->second)) it->second = i;
  }
  std::vector<std::string> keys(involvements.size());
  for (size_t i = 0; i < involvements.size(); ++i) keys[i] = KeyString(involvements[first[label[i]]]);
  return keys;
}

nlohmann::json ModelJson(const linkage::FellegiSunterModel& model) {
  nlohmann::json m = nlohmann::json::array(), u = nlohmann::json::array();
  for (int field = 0; field < linkage::kFieldCount; ++field) {
    m.push_back(model.m[field]);
    u.push_back(model.u[field]);
  }
  return {{"lambda", model.lambda}, {"m", m}, {"u", u}};
}

// The model of a stored run, if its details hold one that fits the current comparison levels.
std::optional<linkage::FellegiSunterModel> StoredModel(const nlohmann::json& details,
                                                       const linkage::ComparisonSettings& settings) {
  if (!details.contains("model") || !details.contains("dice_bounds")) return std::nullopt;
  try {
    std::vector<double> bounds = details.at("dice_bounds").get<std::vector<double>>();
    if (!std::equal(bounds.begin(), bounds.end(), settings.dice_bounds.begin(), settings.dice_bounds.end())) {
      return std::nullopt;
    }
    const nlohmann::json& stored = details.at("model");
    linkage::FellegiSunterModel model = linkage::FellegiSunterModel::Initial();
    model.lambda = stored.at("lambda").get<double>();
    for (int field = 0; field < linkage::kFieldCount; ++field) {
      // A model stored before the field-level fields existed has only the record-level ones; the
      // others keep their neutral start (it was fitted on records without field encodings, where those
      // fields are always null, weight 0; LinkStore extends such a run only for such records).
      if (field >= linkage::kRecordFieldCount && stored.at("m").size() <= static_cast<size_t>(field)) continue;
      model.m[field] = stored.at("m").at(field).get<std::vector<double>>();
      model.u[field] = stored.at("u").at(field).get<std::vector<double>>();
      if (model.m[field].size() != static_cast<size_t>(linkage::kLevelCount[field]) ||
          model.u[field].size() != model.m[field].size()) {
        return std::nullopt;
      }
    }
    return model;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

// Which records carry field encodings (extract column veldcodering): the model fitted on them has
// field-level parameters only for "all" and "some", record-level CLK parameters only for "none" and
// "some" (comparison.h: with field encodings on both sides the CLK comparison is null).
std::string_view FieldEncodingCoverage(int64_t with_fields, int64_t records) {
  return with_fields == 0 ? "none" : with_fields == records ? "all" : "some";
}

// Whether a model fitted on records of coverage `model` can score records of coverage `now`.
bool ModelCovers(std::string_view model, std::string_view now) { return model == "some" || model == now; }

// A stored run's details entry `key` of T's JSON kind, or `fallback` (runs from before it was recorded).
template <typename T>
T StoredDetail(const nlohmann::json& details, const char* key, T fallback) {
  if (!details.is_object() || !details.contains(key)) return fallback;
  const nlohmann::json& value = details[key];
  if constexpr (std::is_arithmetic_v<T>) {
    if (!value.is_number()) return fallback;
  } else {
    if (!value.is_string()) return fallback;
  }
  return value.get<T>();
}

// The coverage a stored run's model was fitted on (runs from before field encodings: "none").
std::string StoredModelCoverage(const nlohmann::json& details) {
  return StoredDetail<std::string>(details, "model_field_encodings", "none");
}

// The link probability a stored run used (runs from before it was recorded: the default, 0.9).
double StoredLinkProbability(const nlohmann::json& details) {
  return StoredDetail(details, "link_probability", linkage::ClusteringOptions{}.link_probability);
}

// Every stored desk-extract row, streamed into columns; `involvements` names them (scan order);
// `with_fields` counts the rows with field encodings.
Result<linkage::RecordColumns> ReadDeskRecords(store::Store& store, std::vector<InvolvementRef>& involvements,
                                               int64_t& with_fields) {
  linkage::RecordColumnsBuilder builder;
  for (const std::string& source : DeskSources()) {
    const sources::SourceContract& contract = *sources::FindContract(source);
    std::vector<std::string> columns;
    for (const auto& column : contract.extract.columns) columns.push_back(column.name);
    ASSIGN_OR_RETURN(
        linkage::ExtractRowReader reader,
        linkage::ExtractRowReader::Create(source, columns, contract.extract.key.front(), contract.extract.date_column));
    RETURN_IF_ERROR(store.records().Scan(contract, [&](std::span<const Value> row) -> Status {
      auto record = reader.Read(row);
      if (!record.ok()) return record.status().WithContext(msg::LinkingSource(source));
      with_fields += record->fields.has_value();
      builder.Add(*record);
      involvements.push_back({source, std::move(record->record_id), record->betrokkene_nr,
                              record->event_date ? record->event_date->DayNumber() : INT64_MAX});
      return Status::Ok();
    }));
  }
  return std::move(builder).Finish();
}

// An incremental plan: the order that puts the stored involvements first (in stored order) and the new
// ones after them (in scan order), with the stored person label of each earlier record. Compact, for a
// national store holds millions of involvements: about 32 bytes per involvement and one string per
// distinct stored key.
struct IncrementalPlan {
  uint32_t first_new = 0;
  std::vector<uint32_t> order;           // scan index of the record at each position
  std::vector<uint32_t> initial_person;  // per earlier record: the first stored idx of its person
  // The stored person and household keys of the earlier records, as indices into `keys`.
  std::vector<uint32_t> person_key, household_key;
  std::deque<std::string> keys;  // the distinct stored keys (a deque: `PlanIncremental`'s map points into it)
};

// nullopt when the stored run cannot be extended, or too much is new.
Result<std::optional<IncrementalPlan>> PlanIncremental(store::Store& store,
                                                       const std::vector<InvolvementRef>& involvements,
                                                       double max_new_share) {
  ASSIGN_OR_RETURN(std::optional<store::LinkRunInfo> latest, store.linkage().Latest());
  const auto stored_count = static_cast<size_t>(latest ? latest->involvements : 0);
  if (stored_count == 0 || stored_count > involvements.size()) return std::optional<IncrementalPlan>();
  double new_share = static_cast<double>(involvements.size() - stored_count) / static_cast<double>(involvements.size());
  if (new_share > max_new_share) return std::optional<IncrementalPlan>();
  const internal::InvolvementIndex index(involvements);
  // The same involvement twice: a full run sorts it out.
  if (index.HasDuplicate(involvements)) return std::optional<IncrementalPlan>();
  IncrementalPlan plan;
  plan.order.reserve(stored_count);
  plan.initial_person.reserve(stored_count);
  plan.person_key.reserve(stored_count);
  plan.household_key.reserve(stored_count);
  std::vector<bool> taken(involvements.size(), false);
  std::unordered_map<std::string_view, uint32_t> key_ids;  // stored key (in plan.keys) → its index there
  std::vector<uint32_t> first_idx_of_key;                  // per key: the first stored idx with it as person key
  auto key_id = [&](const std::string& key) {
    if (auto it = key_ids.find(key); it != key_ids.end()) return it->second;
    const auto id = static_cast<uint32_t>(plan.keys.size());
    key_ids.emplace(plan.keys.emplace_back(key), id);
    first_idx_of_key.push_back(UINT32_MAX);
    return id;
  };
  bool extensible = true;
  RETURN_IF_ERROR(store.linkage().ScanInvolvements([&](const store::LinkedInvolvement& stored) -> Status {
    if (!extensible) return Status::Ok();
    const uint32_t idx = static_cast<uint32_t>(plan.order.size());
    const uint32_t scan = index.Find(involvements, stored.source, stored.record_id, stored.betrokkene_nr);
    // A stored involvement that is gone, or one the store holds twice: a full run sorts it out.
    if (scan == internal::InvolvementIndex::kNone || taken[scan] || idx >= stored_count) {
      extensible = false;
      return Status::Ok();
    }
    taken[scan] = true;
    plan.order.push_back(scan);
    const uint32_t person = key_id(stored.person_key);
    if (first_idx_of_key[person] == UINT32_MAX) first_idx_of_key[person] = idx;
    plan.initial_person.push_back(first_idx_of_key[person]);
    plan.person_key.push_back(person);
    plan.household_key.push_back(key_id(stored.household_key));
    return Status::Ok();
  }));
  if (!extensible || plan.order.size() != stored_count) return std::optional<IncrementalPlan>();
  plan.first_new = static_cast<uint32_t>(stored_count);
  for (size_t scan = 0; scan < involvements.size(); ++scan) {
    if (!taken[scan]) plan.order.push_back(static_cast<uint32_t>(scan));
  }
  return std::optional<IncrementalPlan>(std::move(plan));
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

double StoredKeepFloor(const store::LinkRunInfo& run) {
  return StoredDetail(nlohmann::json::parse(run.details, nullptr, false), "keep_floor", 0.0);
}

Result<LinkReport> LinkStore(Workspace& workspace, const LinkRequest& request) {
  ASSIGN_OR_RETURN(store::Store * store_pointer, workspace.Store());
  store::Store& store = *store_pointer;
  LinkReport report;
  ASSIGN_OR_RETURN(int64_t newest_file, store.ingest_log().MaxFileId());
  ASSIGN_OR_RETURN(std::optional<store::LinkRunInfo> previous, store.linkage().Latest());
  if (!request.force && previous && previous->max_ingest_file_id >= newest_file) {
    report.skipped = true;
    report.run = *previous;
    return report;
  }

  int64_t with_fields = 0;
  ASSIGN_OR_RETURN(linkage::RecordColumns columns, ReadDeskRecords(store, report.involvements, with_fields));
  const std::string coverage(FieldEncodingCoverage(with_fields, static_cast<int64_t>(report.involvements.size())));
  report.field_filter_conflicts = columns.filter_conflicts;
  std::string model_coverage = coverage;         // a stored model's when the run extends it
  auto progress = [&](std::string_view stage) {  // the linker's stages follow ("index", …)
    if (!request.options.on_stage) return;
    linkage::LinkageStats so_far;
    so_far.records = static_cast<int64_t>(report.involvements.size());
    request.options.on_stage(stage, so_far, nullptr);
  };
  progress("read");
  if (report.involvements.size() < 2) {
    return FailedPreconditionError(msg::TooFewToLink(report.involvements.size()));
  }

  linkage::LinkageOptions options = request.options;
  linkage::SetLinkThreshold(request.threshold, coverage == "all", options);
  // Records with field encodings are also blocked on their fields (the passes skip records without).
  if (with_fields > 0) options.blocking.passes = linkage::BlockingOptions::WithFieldLevel();
  options.keep_probability = request.keep_probability;
  options.max_kept_pairs_per_record = request.max_kept_pairs_per_record;
  std::optional<IncrementalPlan> plan;
  if (previous && !request.force) {
    nlohmann::json previous_details = nlohmann::json::parse(previous->details, nullptr, false);
    std::optional<linkage::FellegiSunterModel> model = StoredModel(previous_details, options.comparison);
    // A model fitted without field encodings has no field-level parameters: records that bring them
    // (their CLK comparison then null) need a full run, which fits them.
    if (model && ModelCovers(StoredModelCoverage(previous_details), coverage)) {
      ASSIGN_OR_RETURN(plan, PlanIncremental(store, report.involvements, request.max_incremental_share));
      if (plan) {
        options.keep_probability = std::max(options.keep_probability, StoredKeepFloor(*previous));
        options.model = std::move(model);
        model_coverage = StoredModelCoverage(previous_details);
        // No model is fitted, so none chooses: when the model would or no threshold was given, the stored
        // run's threshold stands (the default may not change what the stored persons were linked at).
        if (options.link_probability_from_model || !request.threshold) {
          options.clustering.link_probability = StoredLinkProbability(previous_details);
        }
        options.first_new = plan->first_new;
        options.initial_person = std::move(plan->initial_person);
        columns = linkage::Permute(columns, plan->order);
        std::vector<InvolvementRef> ordered;
        ordered.reserve(plan->order.size());
        for (uint32_t scan : plan->order) ordered.push_back(std::move(report.involvements[scan]));
        report.involvements = std::move(ordered);
        std::vector<uint32_t>().swap(plan->order);
      }
    }
  }
  if (!plan) {
    // A full run links the records in an order that keeps likely block mates close in memory (twice
    // as fast as scan order for the synthetic Twente); the stored involvements take this order.
    std::vector<uint32_t> order = linkage::LocalityOrder(columns);
    columns = linkage::Permute(columns, order);
    std::vector<InvolvementRef> ordered;
    ordered.reserve(order.size());
    for (uint32_t scan : order) ordered.push_back(std::move(report.involvements[scan]));
    report.involvements = std::move(ordered);
  }
  report.incremental = plan.has_value();
  report.new_involvements =
      static_cast<int64_t>(report.involvements.size()) - (plan ? static_cast<int64_t>(plan->first_new) : 0);
  if (plan && report.new_involvements == 0) {
    // Only non-desk files were ingested: the linkage stands; log a run so the next one knows.
    store::LinkRunInfo run = *previous;
    run.max_ingest_file_id = newest_file;
    run.pairs_compared = 0;
    nlohmann::json details = nlohmann::json::parse(previous->details, nullptr, false);
    details["mode"] = "incremental";
    details["new_involvements"] = 0;
    details["pairs_compared"] = 0;
    run.details = details.dump();
    ASSIGN_OR_RETURN(store::Transaction tx, store.Begin());
    ASSIGN_OR_RETURN(report.run.id, store.linkage().Extend(run, plan->first_new, {}, {}, {}));
    RETURN_IF_ERROR(tx.Commit());
    ASSIGN_OR_RETURN(std::optional<store::LinkRunInfo> written, store.linkage().Latest());
    if (written) report.run = *written;
    report.stats.records = static_cast<int64_t>(report.involvements.size());
    report.stats.persons = run.persons;
    report.stats.households = run.households;
    return report;
  }

  if (!request.truth_persons_csv.empty()) {
    std::vector<InvolvementKey> keys;
    keys.reserve(report.involvements.size());
    for (const InvolvementRef& involvement : report.involvements) {
      keys.push_back({involvement.source, involvement.record_id, involvement.betrokkene_nr});
    }
    ASSIGN_OR_RETURN(TruePersons truth, ReadTruePersons(request.truth_persons_csv, keys));
    progress("truth");
    report.true_person = std::move(truth.person);
    report.true_household = std::move(truth.household);
    options.truth = report.true_person;
  }

  ASSIGN_OR_RETURN(linkage::LinkageResult result, linkage::Link(std::move(columns), options));
  report.stats = result.stats;
  report.person = std::move(result.person);
  report.household = std::move(result.household);

  std::vector<std::string> person_keys = StableKeys(report.involvements, report.person);
  std::vector<std::string> household_keys = StableKeys(report.involvements, report.household);
  std::vector<store::LinkPairRow> pairs;
  pairs.reserve(result.pairs.size());
  for (const auto& pair : result.pairs) pairs.push_back({pair.a, pair.b, pair.weight, pair.probability, pair.exact});
  std::vector<linkage::ScoredPair>().swap(result.pairs);

  nlohmann::json details = {
      {"mode", report.incremental ? "incremental" : "full"},
      {"records", result.stats.records},
      {"new_involvements", report.new_involvements},
      {"all_pairs", result.stats.all_pairs},
      {"pairs_compared", result.stats.pairs_compared},
      {"reduction_ratio", result.stats.reduction_ratio},
      {"exact_pairs", result.stats.exact_pairs},
      {"linked_pairs", result.stats.linked_pairs},
      {"em_iterations", result.stats.em_iterations},
      {"em_converged", result.stats.em_converged},
      {"blocking_passes", result.stats.pass_names},
      {"blocking_new_pairs", result.stats.pass_new_pairs},
      {"blocking_oversized_blocks", result.stats.pass_oversized_blocks},
      {"blocking_refined_blocks", result.stats.pass_refined_blocks},
      {"keep_probability", request.keep_probability},
      {"keep_floor", result.stats.keep_floor},
      {"keep_floor_raises", result.stats.keep_floor_raises},
      {"blocking_pair_bounds", result.stats.pass_pair_bounds},
      {"blocking_distinct_pair_bounds", result.stats.pass_distinct_pair_bounds},
      {"dice_bounds", options.comparison.dice_bounds},
      {"model", ModelJson(result.model)},
      {"model_field_encodings", model_coverage},
      {"records_with_field_encodings", with_fields},
      {"field_filter_conflicts", report.field_filter_conflicts},
      {"seconds_total", result.stats.seconds_total},
  };
  details["link_probability"] = result.stats.link_probability;
  if (!report.incremental) {
    details["m_from_bsn_labels"] = result.stats.m_from_bsn_labels;  // else the stored model's
    details["model_link_probability"] = result.stats.model_link_probability;
    details["model_expected_f1"] = result.stats.model_expected_f1;
  }
  report.run.max_ingest_file_id = newest_file;
  report.run.pairs_compared = result.stats.pairs_compared;
  report.run.persons = result.stats.persons;
  report.run.households = result.stats.households;
  report.run.details = details.dump();

  auto involvement = [&](size_t i) {  // takes the keys: each is used once
    const InvolvementRef& ref = report.involvements[i];
    return store::LinkedInvolvement{std::string(ref.source), ref.record_id, ref.betrokkene_nr,
                                    std::move(person_keys[i]), std::move(household_keys[i])};
  };
  if (plan) {
    std::vector<store::LinkKeyUpdate> updated;
    for (uint32_t i = 0; i < plan->first_new; ++i) {
      if (person_keys[i] != plan->keys[plan->person_key[i]] ||
          household_keys[i] != plan->keys[plan->household_key[i]]) {
        updated.push_back({static_cast<int64_t>(i), person_keys[i], household_keys[i]});
      }
    }
    std::vector<store::LinkedInvolvement> appended;
    for (size_t i = plan->first_new; i < report.involvements.size(); ++i) appended.push_back(involvement(i));
    report.updated_keys = static_cast<int64_t>(updated.size());
    ASSIGN_OR_RETURN(store::Transaction tx, store.Begin());
    ASSIGN_OR_RETURN(report.run.id, store.linkage().Extend(report.run, plan->first_new, updated, appended, pairs));
    RETURN_IF_ERROR(tx.Commit());
  } else {
    std::vector<store::LinkedInvolvement> involvements;
    involvements.reserve(report.involvements.size());
    for (size_t i = 0; i < report.involvements.size(); ++i) involvements.push_back(involvement(i));
    ASSIGN_OR_RETURN(store::Transaction tx, store.Begin());
    ASSIGN_OR_RETURN(report.run.id, store.linkage().Replace(report.run, involvements, pairs));
    RETURN_IF_ERROR(tx.Commit());
  }
  ASSIGN_OR_RETURN(std::optional<store::LinkRunInfo> written, store.linkage().Latest());
  if (written) report.run = *written;
  if (!report.true_person.empty()) {
    report.person_scores = linkage::ScoreClustering(report.person, report.true_person, {});
    report.household_scores = linkage::ScoreClustering(report.household, report.true_household, {});
  }
  return report;
}

}  // namespace sz::pipeline
