// A work-stealing-free pool: threads take the next series index from an atomic counter.
#include "detection/batch.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

namespace sz::detection {

std::vector<Result<DetectionResult>> DetectBatch(const Detector& detector, const std::vector<Series>& series,
                                                 const BatchOptions& options) {
  const size_t count = series.size();
  std::vector<std::optional<Result<DetectionResult>>> slots(count);
  unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(count, 1)));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t idx = next.fetch_add(1); idx < count; idx = next.fetch_add(1)) {
      slots[idx].emplace(Detect(detector, series[idx]));
    }
  };
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) pool.emplace_back(worker);
    for (std::thread& thread : pool) thread.join();
  }
  std::vector<Result<DetectionResult>> results;
  results.reserve(count);
  for (auto& slot : slots) results.push_back(std::move(*slot));
  return results;
}

}  // namespace sz::detection
