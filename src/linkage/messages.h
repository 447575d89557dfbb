// The texts of the linkage module, in Dutch: what an analyst reads when a linkage cannot run on the
// records, the model or the truth it was given, and when a desk extract's row cannot be read as a
// record. One place, so that the command, the server and the dashboard show the same words.
// Messages never contain a pseudonym or a CLK: they name the column and the reason.
//
//   return FailedPreconditionError(msg::TooFewRecords());
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sz::linkage::msg {

// Linker (linker.h).
std::string TooManyRecords();
std::string TooFewRecords();
std::string IncrementalNeedsModel();
std::string IncrementalNeedsEarlierPersons();
std::string TruthNeedsOneLabelPerRecord();
std::string AcrossSourcesNeedsTwoSources();
std::string NoCandidatePairs();

// EM (em.h). These are wrong calls from code, not wrong data, but are still shown to whoever runs it.
std::string PatternLevelOutOfRange();
std::string PatternCountsNegative();
std::string NoPairsToEstimateFrom();
std::string TotalPairsTooSmall();
std::string EstimateUNeedsEveryPair();
std::string StartingModelWrongLevels();

// Evaluation (evaluation.h).
std::string EvaluationSizesDiffer();

// Desk-extract rows as records (link_record.h).
std::string ExtractLacksColumn(std::string_view source, std::string_view column);
std::string ExtractRowWrongWidth(size_t found, size_t expected);
std::string ClkColumn(std::string_view reason);
std::string FieldEncodingsColumn(std::string_view reason);
std::string UnknownSex();

}  // namespace sz::linkage::msg
