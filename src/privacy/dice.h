// Dice coefficient of two Bloom filters (CLKs): 2·|A∧B| / (|A| + |B|), the similarity anonlink uses
// to compare CLKs. 1.0 for identical non-empty filters, 0.0 when nothing is shared or both are empty.
//
//   double similarity = DiceCoefficient(clk_a, clk_b);
//
//   // Many comparisons of 1024-bit filters (16 words each, stored back to back):
//   std::vector<float> scores(count);
//   Dice1024Batch(query.words().data(), query_popcount, filters.data(), popcounts.data(), count, scores.data());
//
// The 1024-bit functions pick at start-up the fastest code the CPU runs: AVX-512 VPOPCNTDQ, the POPCNT
// instruction, or portable code (same results; tests/privacy/dice_test.cc checks each against a
// bit-by-bit reference). Throughput: BENCHMARKS.md, "Pseudonymisation and CLK encoding".
// Thread safety: all functions are thread-safe except SelectDice1024Implementation, which must not run
// while comparisons run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "privacy/clk.h"

namespace sz::privacy {

// Filters of different lengths are not comparable: returns 0.0.
double DiceCoefficient(const Clk& a, const Clk& b);

inline constexpr size_t kWordsPer1024 = 16;

uint32_t Popcount1024(const uint64_t* filter);
double Dice1024(const uint64_t* a, const uint64_t* b);

// scores[i] = Dice(query, filters[16·i .. 16·i+15]) given the precomputed popcounts.
void Dice1024Batch(const uint64_t* query, uint32_t query_popcount, const uint64_t* filters, const uint32_t* popcounts,
                   size_t count, float* scores);

// Which implementation Dice1024Batch uses on this machine: "avx512-vpopcntdq", "popcnt" or "portable".
std::string_view Dice1024Implementation();

// For tests and benchmarks: force an implementation ("avx512-vpopcntdq", "popcnt", "portable");
// returns false (and changes nothing) if the CPU cannot run it.
bool SelectDice1024Implementation(std::string_view name);

}  // namespace sz::privacy
