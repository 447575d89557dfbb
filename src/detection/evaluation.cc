#include "detection/evaluation.h"

#include <algorithm>
#include <limits>

namespace sz::detection {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

void EvaluationCounts::Merge(const EvaluationCounts& other) {
  outbreaks += other.outbreaks;
  detected += other.detected;
  false_alarms += other.false_alarms;
  series_years += other.series_years;
  delay_days.insert(delay_days.end(), other.delay_days.begin(), other.delay_days.end());
}

double EvaluationCounts::ProbabilityOfDetection() const {
  return outbreaks == 0 ? kNaN : static_cast<double>(detected) / outbreaks;
}

double EvaluationCounts::FalseAlarmsPerSeriesYear() const {
  return series_years == 0 ? kNaN : false_alarms / series_years;
}

double EvaluationCounts::MeanDelayDays() const {
  if (delay_days.empty()) return kNaN;
  double sum = 0.0;
  for (double d : delay_days) sum += d;
  return sum / delay_days.size();
}

double EvaluationCounts::MedianDelayDays() const {
  if (delay_days.empty()) return kNaN;
  std::vector<double> sorted = delay_days;
  std::sort(sorted.begin(), sorted.end());
  const size_t mid = sorted.size() / 2;
  return sorted.size() % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

EvaluationCounts EvaluateSeries(const DetectionResult& result, const std::vector<OutbreakInterval>& outbreaks,
                                int frequency) {
  EvaluationCounts counts;
  const double days_per_step = frequency == 52 ? 7.0 : frequency == 12 ? 365.25 / 12 : 365.25 / frequency;
  if (result.size() == 0) return counts;
  const int first_t = result.time.front();
  const int last_t = result.time.back();
  auto inside = [&](int t) {
    for (const OutbreakInterval& o : outbreaks) {
      if (t >= o.first && t <= o.last) return true;
    }
    return false;
  };
  int outside_points = 0;
  for (int row = 0; row < result.size(); ++row) {
    if (inside(result.time[row])) continue;
    ++outside_points;
    if (result.alarm[row] == 1) ++counts.false_alarms;
  }
  counts.series_years = static_cast<double>(outside_points) / frequency;
  for (const OutbreakInterval& o : outbreaks) {
    if (o.last < first_t || o.first > last_t) continue;
    ++counts.outbreaks;
    for (int row = 0; row < result.size(); ++row) {
      const int t = result.time[row];
      if (t >= o.first && t <= o.last && result.alarm[row] == 1) {
        ++counts.detected;
        counts.delay_days.push_back((t - o.first) * days_per_step);
        break;
      }
    }
  }
  return counts;
}

}  // namespace sz::detection
