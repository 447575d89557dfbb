// The columnar comparison the linker uses; must agree with CompareRecords (comparison_test.cc checks).
#pragma once

#include "linkage/comparison.h"
#include "linkage/internal/encoded_records.h"

namespace sz::linkage::internal {

// `dice` must be the Dice coefficient of the two CLKs when both have one (ignored otherwise).
ComparisonVector CompareEncoded(const EncodedRecords& records, uint32_t a, uint32_t b, double dice,
                                const ComparisonSettings& settings);

// Dice of the two records' CLKs, 0 if either is missing.
double EncodedDice(const EncodedRecords& records, uint32_t a, uint32_t b);

// True when a BSN pseudonym or a name(+birth date+sex) pseudonym agrees: an exact link.
inline bool IsExactLink(const EncodedRecords& records, uint32_t a, uint32_t b) {
  return (records.bsn[a] != 0 && records.bsn[a] == records.bsn[b]) ||
         (records.name[a] != 0 && records.name[a] == records.name[b]);
}

}  // namespace sz::linkage::internal
