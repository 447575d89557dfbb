#include "linkage/evaluation.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "linkage/messages.h"

namespace sz::linkage {
namespace {

int64_t Choose2(int64_t count) { return count * (count - 1) / 2; }

// Labels as dense ids; an empty label gets an id of its own.
std::vector<uint32_t> Intern(std::span<const std::string> labels) {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<uint32_t> out(labels.size());
  uint32_t next = 0;
  for (size_t idx = 0; idx < labels.size(); ++idx) {
    if (labels[idx].empty()) {
      out[idx] = next++;
      continue;
    }
    auto [it, inserted] = ids.try_emplace(labels[idx], next);
    if (inserted) ++next;
    out[idx] = it->second;
  }
  return out;
}

// Number of pairs within groups of equal key; with `source`, only pairs across sources.
template <typename Key>
int64_t PairsWithin(const std::vector<Key>& keys, std::span<const uint32_t> source) {
  std::map<Key, std::map<uint32_t, int64_t>> groups;
  for (size_t idx = 0; idx < keys.size(); ++idx) groups[keys[idx]][source.empty() ? 0 : source[idx]] += 1;
  int64_t pairs = 0;
  for (const auto& [key, per_source] : groups) {
    int64_t total = 0, same_source = 0;
    for (const auto& [src, count] : per_source) {
      total += count;
      same_source += Choose2(count);
    }
    pairs += source.empty() ? Choose2(total) : Choose2(total) - same_source;
  }
  return pairs;
}

double Purity(std::span<const uint32_t> clusters, std::span<const uint32_t> classes) {
  std::map<uint32_t, std::map<uint32_t, int64_t>> table;
  for (size_t idx = 0; idx < clusters.size(); ++idx) table[clusters[idx]][classes[idx]] += 1;
  int64_t sum = 0;
  for (const auto& [cluster, counts] : table) {
    int64_t best = 0;
    for (const auto& [label, count] : counts) best = std::max(best, count);
    sum += best;
  }
  return clusters.empty() ? 1.0 : static_cast<double>(sum) / static_cast<double>(clusters.size());
}

}  // namespace

PairwiseScores MakeScores(int64_t true_pairs, int64_t predicted_pairs, int64_t true_positives) {
  PairwiseScores scores;
  scores.true_pairs = true_pairs;
  scores.predicted_pairs = predicted_pairs;
  scores.true_positives = true_positives;
  scores.precision = predicted_pairs == 0 ? 1.0 : static_cast<double>(true_positives) / predicted_pairs;
  scores.recall = true_pairs == 0 ? 1.0 : static_cast<double>(true_positives) / true_pairs;
  scores.f1 = scores.precision + scores.recall == 0
                  ? 0.0
                  : 2 * scores.precision * scores.recall / (scores.precision + scores.recall);
  return scores;
}

PairwiseScores ScoreClustering(std::span<const uint32_t> predicted, std::span<const uint32_t> truth,
                               std::span<const uint32_t> source) {
  std::vector<uint32_t> predicted_keys(predicted.begin(), predicted.end());
  std::vector<uint32_t> truth_keys(truth.begin(), truth.end());
  std::vector<uint64_t> both(predicted.size());
  for (size_t idx = 0; idx < predicted.size(); ++idx) both[idx] = (uint64_t{predicted[idx]} << 32) | truth[idx];
  return MakeScores(PairsWithin(truth_keys, source), PairsWithin(predicted_keys, source), PairsWithin(both, source));
}

Result<EvaluationReport> Evaluate(std::span<const LinkRecord> records, const LinkageResult& result,
                                  std::span<const std::string> truth, LinkMode mode, double link_probability) {
  if (truth.size() != records.size() || result.person.size() != records.size()) {
    return InvalidArgumentError(msg::EvaluationSizesDiffer());
  }
  std::vector<uint32_t> truth_ids = Intern(truth);
  std::vector<uint32_t> source_ids;
  if (mode == LinkMode::kAcrossSources) {
    std::vector<std::string> sources;
    for (const LinkRecord& record : records) sources.push_back(record.source);
    source_ids = Intern(sources);
  }
  EvaluationReport report;
  report.records = static_cast<int64_t>(records.size());
  report.persons = ScoreClustering(result.person, truth_ids, source_ids);
  report.true_pairs = report.persons.true_pairs;
  report.pairs_compared = result.stats.pairs_compared;
  report.reduction_ratio = result.stats.reduction_ratio;
  int64_t predicted_links = 0, true_links = 0, true_pairs_kept = 0;
  for (const ScoredPair& pair : result.pairs) {
    bool same = truth_ids[pair.a] == truth_ids[pair.b];
    true_pairs_kept += same;
    if (pair.exact || pair.probability >= link_probability) {
      ++predicted_links;
      true_links += same;
    }
  }
  // Streamed with the truth: the linker counted every compared pair; else the kept pairs are all of them.
  report.true_pairs_compared =
      result.stats.true_pairs_compared >= 0 ? result.stats.true_pairs_compared : true_pairs_kept;
  report.pair_completeness =
      report.true_pairs == 0 ? 1.0 : static_cast<double>(report.true_pairs_compared) / report.true_pairs;
  report.links = MakeScores(report.true_pairs, predicted_links, true_links);
  report.purity = Purity(result.person, truth_ids);
  report.inverse_purity = Purity(truth_ids, result.person);
  std::vector<uint32_t> distinct_persons(result.person.begin(), result.person.end());
  std::sort(distinct_persons.begin(), distinct_persons.end());
  report.persons_predicted = std::unique(distinct_persons.begin(), distinct_persons.end()) - distinct_persons.begin();
  std::vector<uint32_t> distinct_truth = truth_ids;
  std::sort(distinct_truth.begin(), distinct_truth.end());
  report.persons_true = std::unique(distinct_truth.begin(), distinct_truth.end()) - distinct_truth.begin();
  return report;
}

}  // namespace sz::linkage
