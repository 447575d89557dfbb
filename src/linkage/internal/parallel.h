// Deterministic parallel-for over chunks: each chunk's output goes to its own slot, so results
// concatenated in chunk order do not depend on the number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace sz::linkage::internal {

inline int ThreadCount(int requested) {
  if (requested > 0) return requested;
  unsigned hardware = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(hardware, 1u, 8u));
}

// Calls body(chunk_index, begin, end, worker_index) for chunks of `chunk` items of [0, count).
inline void ParallelChunks(size_t count, size_t chunk, int threads,
                           const std::function<void(size_t, size_t, size_t, int)>& body) {
  size_t chunks = (count + chunk - 1) / chunk;
  std::atomic<size_t> next{0};
  auto work = [&](int worker) {
    for (size_t chunk_index = next++; chunk_index < chunks; chunk_index = next++) {
      size_t begin = chunk_index * chunk;
      body(chunk_index, begin, std::min(count, begin + chunk), worker);
    }
  };
  threads = std::max(1, std::min<int>(threads, static_cast<int>(std::max<size_t>(chunks, 1))));
  std::vector<std::thread> pool;
  for (int worker = 1; worker < threads; ++worker) pool.emplace_back(work, worker);
  work(0);
  for (std::thread& thread : pool) thread.join();
}

}  // namespace sz::linkage::internal
