// detection_bench: farringtonFlexible over 1,000 generated weekly series of 10 years (520 weeks,
// 257 evaluated weeks each with R's default range), Samenzicht beside R in the same run.
//
//   build-detection/bench/detection/detection_bench [--series 1000] [--r-series 8] [--noufaily]
//
// R needs milliseconds per evaluated week, so it runs a subset (--r-series) of the same series;
// the comparison is time per evaluated week, single-threaded on both sides, plus the batch API on
// all cores. The same subset's upper bounds and alarms are compared with R's as a sanity check.
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "detection/batch.h"
#include "detection/detector.h"

namespace {

using sz::detection::DetectBatch;
using sz::detection::DetectionResult;
using sz::detection::Series;

// Deterministic weekly series: level from 0.3 to 60, seasonality, some trends, injected outbreaks.
std::vector<Series> GenerateSeries(int count) {
  std::vector<Series> all;
  all.reserve(count);
  std::mt19937_64 rng(20261122);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int s = 0; s < count; ++s) {
    const double level = 0.3 * std::pow(200.0, unit(rng));
    const double amplitude = 0.8 * unit(rng);
    const double phase = 6.283185307179586 * unit(rng);
    const double trend = unit(rng) < 0.3 ? (unit(rng) - 0.5) * 0.003 : 0.0;
    Series series;
    series.observed.reserve(520);
    for (int t = 1; t <= 520; ++t) {
      const double mean = level * std::exp(amplitude * std::sin(6.283185307179586 * t / 52 + phase) + trend * t);
      std::poisson_distribution<int> poisson(mean);
      series.observed.push_back(poisson(rng));
    }
    for (int outbreak = 0; outbreak < 3; ++outbreak) {
      const int start = 270 + static_cast<int>(unit(rng) * 245);
      for (int t = start; t < std::min(start + 4, 521); ++t) {
        std::poisson_distribution<int> extra(2 + 1.5 * std::sqrt(level));
        series.observed[t - 1] += extra(rng);
      }
    }
    all.push_back(std::move(series));
  }
  return all;
}

double ThreadCpuSeconds() {
  timespec ts;
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  int series_count = 1000;
  int r_series = 8;
  bool noufaily = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--series" && i + 1 < argc) series_count = std::atoi(argv[++i]);
    if (arg == "--r-series" && i + 1 < argc) r_series = std::atoi(argv[++i]);
    if (arg == "--noufaily") noufaily = true;
  }
  // Options in R's names; the same string drives both sides.
  const std::string options_text =
      noufaily ? "noPeriods=10;weightsThreshold=2.58;pastWeeksNotIncluded=26;pThresholdTrend=1;thresholdMethod=nbPlugin"
               : "b=5";
  sz::detection::ControlOptions options;
  {
    std::stringstream stream(options_text);
    std::string pair;
    while (std::getline(stream, pair, ';')) options.emplace_back(pair.substr(0, pair.find('=')), pair.substr(pair.find('=') + 1));
  }
  auto detector = sz::detection::MakeDetector("farringtonFlexible", options);
  if (!detector.ok()) {
    std::fprintf(stderr, "%s\n", detector.status().ToString().c_str());
    return 1;
  }
  const std::vector<Series> series = GenerateSeries(series_count);
  std::printf("workload: farringtonFlexible (%s), %d weekly series × 520 weeks\n", options_text.c_str(),
              series_count);

  auto start = std::chrono::steady_clock::now();
  const double cpu_start = ThreadCpuSeconds();
  const auto single = DetectBatch(*detector, series, {.threads = 1});  // runs on this thread
  const double single_cpu = ThreadCpuSeconds() - cpu_start;
  const double single_seconds = Seconds(start);
  long weeks = 0;
  for (const auto& result : single) {
    if (!result.ok()) {
      std::fprintf(stderr, "%s\n", result.status().ToString().c_str());
      return 1;
    }
    weeks += result->size();
  }
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  start = std::chrono::steady_clock::now();
  const auto parallel = DetectBatch(*detector, series);
  const double parallel_seconds = Seconds(start);
  const double ours_us = single_seconds / weeks * 1e6;
  const double ours_cpu_us = single_cpu / weeks * 1e6;
  std::printf("samenzicht, 1 thread : %ld evaluated weeks in %.3f s = %.2f µs/week (CPU %.2f µs/week)\n", weeks,
              single_seconds, ours_us, ours_cpu_us);
  std::printf("samenzicht, %u threads: %.3f s = %.2f µs/week (batch API)\n", cores, parallel_seconds,
              parallel_seconds / weeks * 1e6);

  if (r_series <= 0) return 0;
  // R on the first r_series series.
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("detection_bench_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "series.csv");
    out << "series,t,observed\n";
    for (int s = 0; s < r_series && s < series_count; ++s) {
      for (int t = 1; t <= 520; ++t) out << s << "," << t << "," << series[s].observed[t - 1] << "\n";
    }
  }
  const std::string command = "Rscript --vanilla " + std::string(SZ_SOURCE_DIR) + "/bench/detection/r_timing.R " +
                              (dir / "series.csv").string() + " '" + options_text + "' " +
                              (dir / "r_out.csv").string() + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  long r_weeks = 0;
  double r_seconds = 0, r_cpu = 0;
  if (pipe == nullptr || std::fscanf(pipe, "%ld %lf %lf", &r_weeks, &r_seconds, &r_cpu) != 3 || r_weeks == 0) {
    std::printf("R: not available (Rscript with surveillance); Samenzicht timed only\n");
    if (pipe) ::pclose(pipe);
    std::filesystem::remove_all(dir);
    return 0;
  }
  ::pclose(pipe);
  const double r_us = r_seconds / r_weeks * 1e6;
  const double r_cpu_us = r_cpu / r_weeks * 1e6;
  std::printf("R surveillance       : %ld evaluated weeks (%d series) in %.2f s = %.0f µs/week (CPU %.0f µs/week)\n",
              r_weeks, r_series, r_seconds, r_us, r_cpu_us);
  std::printf("ratio per evaluated week, R / Samenzicht: %.0f× CPU time (1 thread each), %.0f× elapsed (1 thread), "
              "%.0f× elapsed (%u threads)\n",
              r_cpu_us / ours_cpu_us, r_us / ours_us, r_us / (parallel_seconds / weeks * 1e6), cores);

  // Agreement on the subset.
  std::ifstream in(dir / "r_out.csv");
  std::string line;
  std::getline(in, line);
  long compared = 0, alarm_mismatches = 0;
  double worst = 0;
  for (int s = 0; s < r_series && s < series_count; ++s) {
    const DetectionResult& ours = *single[s];
    for (int row = 0; row < ours.size() && std::getline(in, line); ++row) {
      std::stringstream cells(line);
      std::string id, upper, alarm;
      std::getline(cells, id, ',');
      std::getline(cells, upper, ',');
      std::getline(cells, alarm, ',');
      const double r_upper = upper == "NA" ? NAN : std::stod(upper);
      if (!std::isnan(r_upper) && !std::isnan(ours.upperbound[row])) {
        worst = std::max(worst, std::fabs(r_upper - ours.upperbound[row]) / std::max(1e-300, std::fabs(r_upper)));
      }
      const int r_alarm = alarm == "NA" ? -1 : std::stoi(alarm);
      alarm_mismatches += r_alarm != ours.alarm[row];
      ++compared;
    }
  }
  std::printf("agreement with R on the subset: %ld weeks, %ld alarm differences, max relative upperbound difference %.2g\n",
              compared, alarm_mismatches, worst);
  std::filesystem::remove_all(dir);
  return 0;
}
