// Running one detector over many series at once, on a pool of threads — the API the signals
// pipeline and `detect-eval` use.
//
// Contract:
// - DetectBatch(detector, series) returns one Result per input series, in input order. A series
//   that fails (too short, bad counts) gets its error Status; the others are unaffected.
// - Results are deterministic: each series is computed independently and single-threaded, so the
//   output does not depend on the number of threads or on scheduling.
// - threads = 0 uses std::thread::hardware_concurrency(); never more threads than series.
// - Thread safety: `detector` and `series` are only read; the call blocks until all are done.
//
//   ASSIGN_OR_RETURN(Detector detector, MakeDetector("farringtonFlexible", options));
//   std::vector<Result<DetectionResult>> results = DetectBatch(detector, all_series);
//
// Checked by tests/detection/batch_test.cc (same results as one-by-one, any thread count).
#pragma once

#include <vector>

#include "core/status.h"
#include "detection/detector.h"
#include "detection/series.h"

namespace sz::detection {

struct BatchOptions {
  int threads = 0;  // 0 = hardware_concurrency
};

std::vector<Result<DetectionResult>> DetectBatch(const Detector& detector, const std::vector<Series>& series,
                                                 const BatchOptions& options = {});

}  // namespace sz::detection
