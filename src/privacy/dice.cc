#include "privacy/dice.h"

#include <immintrin.h>

namespace sz::privacy {
namespace {

inline float Score(uint32_t shared, uint32_t total) {
  return total == 0 ? 0.0f : static_cast<float>(2.0 * shared / total);
}

// Portable: the compiler's popcount (a table or bit trick when POPCNT is not enabled).
void BatchPortable(const uint64_t* query, uint32_t query_popcount, const uint64_t* filters, const uint32_t* popcounts,
                   size_t count, float* scores) {
  for (size_t i = 0; i < count; ++i) {
    const uint64_t* filter = filters + i * kWordsPer1024;
    uint32_t shared = 0;
    for (size_t w = 0; w < kWordsPer1024; ++w) shared += static_cast<uint32_t>(__builtin_popcountll(query[w] & filter[w]));
    scores[i] = Score(shared, query_popcount + popcounts[i]);
  }
}

__attribute__((target("popcnt"))) void BatchPopcnt(const uint64_t* query, uint32_t query_popcount,
                                                    const uint64_t* filters, const uint32_t* popcounts, size_t count,
                                                    float* scores) {
  uint64_t q[kWordsPer1024];
  for (size_t w = 0; w < kWordsPer1024; ++w) q[w] = query[w];
  for (size_t i = 0; i < count; ++i) {
    const uint64_t* filter = filters + i * kWordsPer1024;
    // Four independent accumulators keep the POPCNT unit busy.
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (size_t w = 0; w < kWordsPer1024; w += 4) {
      s0 += static_cast<uint64_t>(__builtin_popcountll(q[w] & filter[w]));
      s1 += static_cast<uint64_t>(__builtin_popcountll(q[w + 1] & filter[w + 1]));
      s2 += static_cast<uint64_t>(__builtin_popcountll(q[w + 2] & filter[w + 2]));
      s3 += static_cast<uint64_t>(__builtin_popcountll(q[w + 3] & filter[w + 3]));
    }
    scores[i] = Score(static_cast<uint32_t>(s0 + s1 + s2 + s3), query_popcount + popcounts[i]);
  }
}

// GCC 12 reports a false "may be used uninitialized" inside _mm512_reduce_add_epi64 (it starts from an
// undefined vector that it then fully overwrites).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
__attribute__((target("avx512f,avx512vpopcntdq"))) void BatchAvx512(const uint64_t* query, uint32_t query_popcount,
                                                                     const uint64_t* filters,
                                                                     const uint32_t* popcounts, size_t count,
                                                                     float* scores) {
  const __m512i q0 = _mm512_loadu_si512(query);
  const __m512i q1 = _mm512_loadu_si512(query + 8);
  size_t i = 0;
  // Two filters per round: independent dependency chains.
  for (; i + 2 <= count; i += 2) {
    const uint64_t* a = filters + i * kWordsPer1024;
    const uint64_t* b = a + kWordsPer1024;
    __m512i ca = _mm512_add_epi64(_mm512_popcnt_epi64(_mm512_and_si512(q0, _mm512_loadu_si512(a))),
                                  _mm512_popcnt_epi64(_mm512_and_si512(q1, _mm512_loadu_si512(a + 8))));
    __m512i cb = _mm512_add_epi64(_mm512_popcnt_epi64(_mm512_and_si512(q0, _mm512_loadu_si512(b))),
                                  _mm512_popcnt_epi64(_mm512_and_si512(q1, _mm512_loadu_si512(b + 8))));
    scores[i] = Score(static_cast<uint32_t>(_mm512_reduce_add_epi64(ca)), query_popcount + popcounts[i]);
    scores[i + 1] = Score(static_cast<uint32_t>(_mm512_reduce_add_epi64(cb)), query_popcount + popcounts[i + 1]);
  }
  for (; i < count; ++i) {
    const uint64_t* a = filters + i * kWordsPer1024;
    __m512i ca = _mm512_add_epi64(_mm512_popcnt_epi64(_mm512_and_si512(q0, _mm512_loadu_si512(a))),
                                  _mm512_popcnt_epi64(_mm512_and_si512(q1, _mm512_loadu_si512(a + 8))));
    scores[i] = Score(static_cast<uint32_t>(_mm512_reduce_add_epi64(ca)), query_popcount + popcounts[i]);
  }
}

#pragma GCC diagnostic pop

using BatchFunction = void (*)(const uint64_t*, uint32_t, const uint64_t*, const uint32_t*, size_t, float*);

struct Implementation {
  std::string_view name;
  BatchFunction batch;
};

bool Supported(std::string_view name) {
  __builtin_cpu_init();
  if (name == "avx512-vpopcntdq") {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vpopcntdq");
  }
  if (name == "popcnt") return __builtin_cpu_supports("popcnt");
  return name == "portable";
}

Implementation Best() {
  if (Supported("avx512-vpopcntdq")) return {"avx512-vpopcntdq", &BatchAvx512};
  if (Supported("popcnt")) return {"popcnt", &BatchPopcnt};
  return {"portable", &BatchPortable};
}

Implementation& Current() {
  static Implementation current = Best();
  return current;
}

}  // namespace

double DiceCoefficient(const Clk& a, const Clk& b) {
  if (a.size() != b.size()) return 0.0;
  uint64_t shared = 0, total = 0;
  const auto& wa = a.words();
  const auto& wb = b.words();
  for (size_t i = 0; i < wa.size(); ++i) {
    shared += static_cast<uint64_t>(__builtin_popcountll(wa[i] & wb[i]));
    total += static_cast<uint64_t>(__builtin_popcountll(wa[i]) + __builtin_popcountll(wb[i]));
  }
  return total == 0 ? 0.0 : 2.0 * static_cast<double>(shared) / static_cast<double>(total);
}

uint32_t Popcount1024(const uint64_t* filter) {
  uint32_t count = 0;
  for (size_t w = 0; w < kWordsPer1024; ++w) count += static_cast<uint32_t>(__builtin_popcountll(filter[w]));
  return count;
}

double Dice1024(const uint64_t* a, const uint64_t* b) {
  uint32_t shared = 0, total = 0;
  for (size_t w = 0; w < kWordsPer1024; ++w) {
    shared += static_cast<uint32_t>(__builtin_popcountll(a[w] & b[w]));
    total += static_cast<uint32_t>(__builtin_popcountll(a[w]) + __builtin_popcountll(b[w]));
  }
  return total == 0 ? 0.0 : 2.0 * shared / total;
}

void Dice1024Batch(const uint64_t* query, uint32_t query_popcount, const uint64_t* filters, const uint32_t* popcounts,
                   size_t count, float* scores) {
  Current().batch(query, query_popcount, filters, popcounts, count, scores);
}

std::string_view Dice1024Implementation() { return Current().name; }

bool SelectDice1024Implementation(std::string_view name) {
  if (!Supported(name)) return false;
  if (name == "avx512-vpopcntdq") {
    Current() = {"avx512-vpopcntdq", &BatchAvx512};
  } else if (name == "popcnt") {
    Current() = {"popcnt", &BatchPopcnt};
  } else {
    Current() = {"portable", &BatchPortable};
  }
  return true;
}

}  // namespace sz::privacy
