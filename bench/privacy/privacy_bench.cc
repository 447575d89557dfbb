// Throughput of the privacy module (issue 4):
//   BM_Pseudonymise           persons per second through Pseudonymiser (BSN, name, address pseudonyms + CLK)
//   BM_EncodeClk/<schema>     CLKs per second with the shipped Samenzicht schema and clkhash's example schema
//   BM_Dice1024/<impl>/<n>    Dice comparisons of 1024-bit CLKs per second on one core, per implementation;
//                             the portable one is the in-run baseline (ratios in BENCHMARKS.md)
//   BM_HmacSha256             one keyed pseudonym (HMAC-SHA256 of a short message, key schedule reused)
//
// Run: build-privacy/bench/privacy/privacy_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "privacy/clk_encoder.h"
#include "privacy/dice.h"
#include "privacy/hmac.h"
#include "privacy/key.h"
#include "privacy/pseudonymiser.h"

namespace sz::privacy {
namespace {

const std::vector<std::string> kGiven = {"Jan",     "Johannes", "Maria",   "Anna",    "Pieter",   "Sophie",
                                         "Renée",   "Zoë",      "Mohamed", "Fatima",  "Daan",     "Emma",
                                         "Gerrit",  "Hendrika", "Noël",    "IJsbrand", "Thijs",   "Sanne"};
const std::vector<std::string> kSurname = {"de Vries",  "Jansen", "van der Berg", "Bakker",   "Visser",  "Smit",
                                           "Meijer",    "de Boer", "Mulder",      "ter Horst", "Çelik",  "Yılmaz",
                                           "Berg, van den", "Hofman", "van 't Hof", "Kuipers", "Nijhuis", "Oude Egbrink"};

std::vector<PersonIdentity> Persons(size_t count) {
  std::mt19937 rng(42);
  std::vector<PersonIdentity> persons;
  for (size_t i = 0; i < count; ++i) {
    PersonIdentity p;
    p.bsn = std::to_string(100000000 + rng() % 800000000);
    p.given_names = kGiven[rng() % kGiven.size()] + " " + kGiven[rng() % kGiven.size()];
    p.surname = kSurname[rng() % kSurname.size()];
    p.birth_date = std::to_string(1930 + rng() % 90) + "-0" + std::to_string(1 + rng() % 9) + "-1" +
                   std::to_string(rng() % 10);
    p.sex = rng() % 2 ? "M" : "V";
    p.postcode = std::to_string(7500 + rng() % 100) + "AB";
    p.house_number = std::to_string(1 + rng() % 200);
    persons.push_back(std::move(p));
  }
  return persons;
}

ClkSchema LoadSchema(const std::string& path) {
  Result<ClkSchema> schema = ReadClkSchemaFile(path);
  if (!schema.ok()) std::abort();
  return *schema;
}

void BM_Pseudonymise(benchmark::State& state) {
  Key key = Key::Generate().value();
  Pseudonymiser pseudonymiser =
      Pseudonymiser::Create(key, LoadSchema(std::string(SZ_SOURCE_DIR) + "/config/linkage-schema.json")).value();
  std::vector<PersonIdentity> persons = Persons(4096);
  size_t i = 0;
  for (auto _ : state) {
    Result<Pseudonyms> p = pseudonymiser.Pseudonymise(persons[i++ & 4095]);
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["persons_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Pseudonymise);

void BM_EncodeClkSamenzicht(benchmark::State& state) {
  ClkEncoder encoder =
      ClkEncoder::Create(LoadSchema(std::string(SZ_SOURCE_DIR) + "/config/linkage-schema.json"), AsBytes("secret"))
          .value();
  std::vector<std::vector<std::string>> rows = {{"johannes", "j", "van der", "berg", "1985-04-03"},
                                                {"fatima", "f", "", "el amrani", "1992-11-30"},
                                                {"", "j", "de", "vries", "1950-07-21"}};
  size_t i = 0;
  for (auto _ : state) {
    Result<Clk> clk = encoder.Encode(rows[i++ % rows.size()]);
    benchmark::DoNotOptimize(clk);
  }
  state.counters["clks_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EncodeClkSamenzicht);

void BM_EncodeClkClkhashExample(benchmark::State& state) {
  ClkEncoder encoder = ClkEncoder::Create(LoadSchema(std::string(SZ_SHARED_DIR) + "/refdata/clk/schema_v3_example.json"),
                                          AsBytes("correct horse battery staple"))
                           .value();
  std::vector<std::string> row = {"rec-1070-org", "michaela", "neumann", "19151111", "4223", "8"};
  for (auto _ : state) {
    Result<Clk> clk = encoder.Encode(row);
    benchmark::DoNotOptimize(clk);
  }
  state.counters["clks_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EncodeClkClkhashExample);

void BM_Dice1024(benchmark::State& state, const char* implementation) {
  if (!SelectDice1024Implementation(implementation)) {
    state.SkipWithError("implementation not supported by this CPU");
    return;
  }
  const size_t count = static_cast<size_t>(state.range(0));
  std::mt19937_64 rng(7);
  std::vector<uint64_t> filters(count * kWordsPer1024);
  std::vector<uint32_t> popcounts(count);
  for (size_t i = 0; i < count; ++i) {
    for (size_t w = 0; w < kWordsPer1024; ++w) filters[i * kWordsPer1024 + w] = rng() & rng();  // ~25% fill
    popcounts[i] = Popcount1024(&filters[i * kWordsPer1024]);
  }
  std::vector<uint64_t> query(filters.begin(), filters.begin() + kWordsPer1024);
  uint32_t query_popcount = Popcount1024(query.data());
  std::vector<float> scores(count);
  for (auto _ : state) {
    Dice1024Batch(query.data(), query_popcount, filters.data(), popcounts.data(), count, scores.data());
    benchmark::DoNotOptimize(scores.data());
    benchmark::ClobberMemory();
  }
  state.counters["comparisons_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * count), benchmark::Counter::kIsRate);
  SelectDice1024Implementation("avx512-vpopcntdq") || SelectDice1024Implementation("popcnt");
}
BENCHMARK_CAPTURE(BM_Dice1024, portable, "portable")->Arg(10000)->Arg(1000000);
BENCHMARK_CAPTURE(BM_Dice1024, popcnt, "popcnt")->Arg(10000)->Arg(1000000);
BENCHMARK_CAPTURE(BM_Dice1024, avx512, "avx512-vpopcntdq")->Arg(10000)->Arg(1000000);

void BM_HmacSha256(benchmark::State& state) {
  Key key = Key::Generate().value();
  HmacContext context = HmacContext::Create(HashAlgorithm::kSha256, key.bytes()).value();
  const std::string message = "berg|j|1985-04-03|m";
  Sha256Digest out;
  for (auto _ : state) {
    Status status = context.Compute(AsBytes(message), out);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(out);
  }
  state.counters["hmacs_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_HmacSha256);

}  // namespace
}  // namespace sz::privacy

BENCHMARK_MAIN();
