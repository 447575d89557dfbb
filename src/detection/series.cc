#include "detection/series.h"

namespace sz::detection {

void DetectionResult::Reserve(int rows) {
  time.reserve(rows);
  observed.reserve(rows);
  expected.reserve(rows);
  upperbound.reserve(rows);
  alarm.reserve(rows);
  if (has_score) score.reserve(rows);
  if (has_pvalue) pvalue.reserve(rows);
}

}  // namespace sz::detection
