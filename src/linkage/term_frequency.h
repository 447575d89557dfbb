// Term-frequency adjustment (issue 18): agreement on a common surname, given name or birth date weighs
// less than agreement on a rare one, as in Splink's term-frequency adjustments (Ministry of Justice,
// Splink 3, "term frequency adjustments"; Winkler 1989, "Frequency-based matching in Fellegi-Sunter
// model of record linkage"). Only on the field-level path: the frequencies are those of the keyed exact
// tags (privacy/field_encoder.h) over the records being linked, so the hub counts tags, never values.
//
//   TermFrequencies frequencies = TermFrequencies::Count(columns);  // once per run (record_columns.h)
//   PatternScorer scorer(model);                                     // fellegi_sunter.h
//   TermFrequencyScorer adjust(model, frequencies);                  // once the model is known
//   double weight = scorer.Weight(pattern) + adjust.Adjustment(pattern, a);   // pair (a, b)
//
// The rule. For each adjusted field f (given name, surname, birth date) and a pair (a, b) at f's exact
// level (level 0: both have the tag t), the level's u-probability u_f is replaced by
//   u_tf(t) = max((n_f(t) − 1) / (N_f − 1), min_u)
// where n_f(t) is the number of records whose tag of f is t and N_f the number of records with a tag of
// f, both over every record of the run (in link mode the two sources stacked, as Splink does). That is
// the share of a's value among the *other* records: the chance that a record drawn at random besides a
// holds a's value. Splink takes n / N; the self-count matters when values are rare (a birth date held by
// the pair alone gives 2 / N, above the level's u where dates are spread thinly), and without it the
// u_tf of the records average exactly to the u of the exact level over all pairs of distinct records
// (Σ_t (n_t / N) · (n_t − 1) / (N − 1) = Σ_t n_t (n_t − 1) / (N (N − 1))), the u that random pairs
// estimate. The match weight of the exact level becomes log2(m_f / u_tf(t)) instead of log2(m_f / u_f),
// so the pair's weight changes by log2(u_f / u_tf(t)); every other level, and every other field, is
// unchanged. The floor min_u keeps a value seen only in the pair itself from counting as near-impossible
// by chance on large inputs (1 / (N − 1)). m and u are estimated on comparison patterns as before
// (em.h); the adjustment applies when pairs are scored. Records without field encodings get no
// adjustment, so the stored record-level path is unchanged.
// Checked in tests/linkage/term_frequency_test.cc against a slow reference that counts tags over all
// records for every pair. Thread safety: values; const methods may be called concurrently.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "linkage/comparison.h"
#include "linkage/fellegi_sunter.h"
#include "linkage/record_columns.h"

namespace sz::linkage {

// The fields whose exact level is adjusted, in the order TermFrequencies indexes them.
inline constexpr std::array<ComparisonField, 3> kTermFrequencyFields = {
    ComparisonField::kGivenName, ComparisonField::kSurname, ComparisonField::kBirthDate};
inline constexpr int kTermFrequencyFieldCount = static_cast<int>(kTermFrequencyFields.size());

struct TermFrequencyOptions {
  bool enabled = true;  // false: no adjustment (every pair weighs by its comparison pattern alone)
  // Floor of u_tf. 1e-5 binds only from 100,000 records on (a value held by two records has
  // 1 / (N − 1)); it caps the weight of agreeing on a name at log2(m / 1e-5), 16.5 bits for m = 0.9.
  double min_u = 1e-5;
};

// The interned tag (record_columns.h FieldIds) of the i-th adjusted field (kTermFrequencyFields[i]) of
// one record: the given-name or surname exact tag's id, or the birth date's; 0 when missing. Equal ids
// are equal tags, so counting ids counts tags.
uint32_t TermFrequencyId(const FieldIds& fields, int field_index);

class TermFrequencies {
 public:
  TermFrequencies() = default;  // none: no adjustment

  // Counts the tags over the records that carry field encodings. Empty (no adjustment) when none does
  // or when !options.enabled.
  static TermFrequencies Count(const RecordColumns& records, const TermFrequencyOptions& options = {});

  bool empty() const { return u_.empty(); }
  // u_tf of the record's own tag of the i-th adjusted field: max((n − 1) / (N − 1), min_u), held as a
  // float (12 bytes per record, only when field encodings exist); 0 when the record has no such tag or
  // the frequencies are empty. `record` must be below the number of records counted.
  double U(uint32_t record, int field_index) const;
  // Distinct tags counted in the i-th adjusted field (0 when empty).
  int64_t DistinctValues(int field_index) const { return distinct_[field_index]; }

 private:
  std::vector<std::array<float, kTermFrequencyFieldCount>> u_;  // per record; 0 = no tag
  std::array<int64_t, kTermFrequencyFieldCount> distinct_{};
};

// The adjustments under one fitted model.
class TermFrequencyScorer {
 public:
  // `frequencies` must outlive the scorer.
  TermFrequencyScorer(const FellegiSunterModel& model, const TermFrequencies& frequencies);

  // What the adjustment adds to the match weight of pair (a, b) with comparison pattern `pattern`
  // (either record of the pair may be passed: at the exact level both have the same tag):
  // Σ over the adjusted fields at level 0 of log2(u_f / u_tf(tag of a)). 0 when the frequencies are empty.
  double Adjustment(Pattern pattern, uint32_t a) const;

 private:
  const TermFrequencies* frequencies_;
  std::array<double, kTermFrequencyFieldCount> log2_u_exact_{};  // log2 u_f of the exact level
};

}  // namespace sz::linkage
