#include "linkage/term_frequency.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sz::linkage {

uint32_t TermFrequencyId(const FieldIds& fields, int field_index) {
  switch (kTermFrequencyFields[field_index]) {
    case ComparisonField::kGivenName: return fields.Text(privacy::TextField::kGivenName);
    case ComparisonField::kSurname: return fields.Text(privacy::TextField::kSurname);
    case ComparisonField::kBirthDate: return fields.date;
    default: return 0;
  }
}

TermFrequencies TermFrequencies::Count(const RecordColumns& records, const TermFrequencyOptions& options) {
  TermFrequencies frequencies;
  if (!options.enabled || records.field_ids.empty()) return frequencies;
  frequencies.u_.assign(records.size, {});
  std::vector<uint32_t> counts;  // by id: ids are dense from 1 (record_columns.h)
  for (int field_index = 0; field_index < kTermFrequencyFieldCount; ++field_index) {
    counts.clear();
    double present = 0;
    int64_t distinct = 0;
    for (uint32_t record = 0; record < records.size; ++record) {
      const FieldIds* fields = records.Fields(record);
      uint32_t id = fields == nullptr ? 0 : TermFrequencyId(*fields, field_index);
      if (id == 0) continue;
      if (id >= counts.size()) counts.resize(size_t{id} + 1, 0);
      distinct += counts[id] == 0;
      ++counts[id];
      ++present;
    }
    frequencies.distinct_[field_index] = distinct;
    for (uint32_t record = 0; record < records.size; ++record) {
      const FieldIds* fields = records.Fields(record);
      uint32_t id = fields == nullptr ? 0 : TermFrequencyId(*fields, field_index);
      if (id == 0) continue;
      // The share of the other records that hold the tag (0 when no other record has the field).
      double share = present > 1 ? (static_cast<double>(counts[id]) - 1) / (present - 1) : 0.0;
      frequencies.u_[record][field_index] = static_cast<float>(std::max(share, options.min_u));
    }
  }
  return frequencies;
}

double TermFrequencies::U(uint32_t record, int field_index) const {
  return u_.empty() ? 0.0 : static_cast<double>(u_[record][field_index]);
}

TermFrequencyScorer::TermFrequencyScorer(const FellegiSunterModel& model, const TermFrequencies& frequencies)
    : frequencies_(&frequencies) {
  for (int field_index = 0; field_index < kTermFrequencyFieldCount; ++field_index) {
    const std::vector<double>& u = model.u[static_cast<int>(kTermFrequencyFields[field_index])];
    log2_u_exact_[field_index] = u.empty() ? 0.0 : std::log2(u[0]);
  }
}

double TermFrequencyScorer::Adjustment(Pattern pattern, uint32_t a) const {
  if (frequencies_->empty()) return 0.0;
  double adjustment = 0;
  for (int field_index = 0; field_index < kTermFrequencyFieldCount; ++field_index) {
    if (PatternLevel(pattern, static_cast<int>(kTermFrequencyFields[field_index])) != 0) continue;
    double u_tf = frequencies_->U(a, field_index);
    if (u_tf > 0) adjustment += log2_u_exact_[field_index] - std::log2(u_tf);
  }
  return adjustment;
}

}  // namespace sz::linkage
