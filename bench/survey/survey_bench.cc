// survey_bench: how fast Samenzicht estimates health-monitor indicators per domain, against R's survey package on
// the same data in the same run (issue 5). Results go to BENCHMARKS.md, "## Survey estimation (issue 5)".
//
//   build-survey/bench/survey/survey_bench [--respondents 500000] [--work-dir /tmp/sz-survey-bench] [--no-r]
//
// Workloads (design: ids = ~wijk, strata = ~gemeente, weights = ~gewicht, nest = TRUE; na.rm = TRUE):
//   design      svydesign(...) / Design::Create
//   one_by_70   svyby(~i01, ~gemeente + inkomen_q, design, svymean)           14 gemeenten × 5 quintiles
//   thirty_all  svyby(~i01 + ... + i30, ~X, design, svymean) for X in gemeente + inkomen_q, gemeente, inkomen_q,
//               leeftijd + geslacht, opleiding  (30 indicators × every domain: 70 + 14 + 5 + 10 + 3 domains)
// The data is generated deterministically (fixed-seed splitmix64), written to CSV for R, and R's estimates are
// compared with ours (max relative difference of estimates and SEs is printed: the benchmark also checks).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "survey/domains.h"

namespace {

using sz::survey::AnalysisRequest;
using sz::survey::Design;
using sz::survey::DesignSpec;
using sz::survey::DomainEstimate;
using sz::survey::Statistic;
using sz::survey::SurveyFrame;

constexpr int kIndicators = 30;
const char* kGemeenten[14] = {"GM0141", "GM0147", "GM0153", "GM0158", "GM0163", "GM0164", "GM0168",
                              "GM0173", "GM0183", "GM0189", "GM1700", "GM1735", "GM1742", "GM1774"};
const char* kLeeftijd[5] = {"18-34", "35-49", "50-64", "65-74", "75+"};
const char* kOpleiding[3] = {"hoog", "laag", "midden"};  // sorted, as R's factor levels

struct Rng {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Uniform() { return (Next() >> 11) * 0x1.0p-53; }
  int Below(int n) { return static_cast<int>(Uniform() * n); }
};

struct Monitor {
  std::vector<int> gemeente, wijk, inkomen_q, leeftijd, geslacht, opleiding;
  std::vector<double> gewicht;
  std::vector<std::vector<double>> items;  // kIndicators columns, NaN = missing
};

Monitor Generate(int respondents) {
  Rng rng{20240501};
  Monitor m;
  m.items.assign(kIndicators, std::vector<double>(respondents));
  for (int row = 0; row < respondents; ++row) {
    const int g = rng.Below(14);
    m.gemeente.push_back(g);
    m.wijk.push_back(1 + rng.Below(18 + g % 5 * 3));
    m.inkomen_q.push_back(1 + rng.Below(5));
    m.leeftijd.push_back(rng.Below(5));
    m.geslacht.push_back(rng.Below(2));
    m.opleiding.push_back(rng.Below(3));
    m.gewicht.push_back(std::round((0.3 + 1.4 * rng.Uniform()) * (1 + g % 4) * 1000) / 1000);
    for (int item = 0; item < kIndicators; ++item) {
      const double base = 0.05 + 0.025 * item;
      const double p = base * (1.3 - 0.1 * m.inkomen_q.back()) * (1 + 0.05 * m.leeftijd.back());
      double value = rng.Uniform() < p ? 1.0 : 0.0;
      if (item % 7 == 3 && rng.Uniform() < 0.02) value = NAN;
      m.items[item][row] = value;
    }
  }
  return m;
}

std::string ItemName(int item) {
  char name[8];
  std::snprintf(name, sizeof name, "i%02d", item + 1);
  return name;
}

SurveyFrame ToFrame(const Monitor& m) {
  SurveyFrame frame;
  std::vector<std::string> gm(kGemeenten, kGemeenten + 14), lt(kLeeftijd, kLeeftijd + 5),
      op(kOpleiding, kOpleiding + 3);
  frame.AddCategorical("gemeente", m.gemeente, gm);
  frame.AddNumeric("wijk", std::vector<double>(m.wijk.begin(), m.wijk.end()));
  frame.AddNumeric("gewicht", m.gewicht);
  frame.AddNumeric("inkomen_q", std::vector<double>(m.inkomen_q.begin(), m.inkomen_q.end()));
  frame.AddCategorical("leeftijd", m.leeftijd, lt);
  frame.AddCategorical("geslacht", m.geslacht, {"man", "vrouw"});
  frame.AddCategorical("opleiding", m.opleiding, op);
  for (int item = 0; item < kIndicators; ++item) frame.AddNumeric(ItemName(item), m.items[item]);
  return frame;
}

void WriteCsv(const Monitor& m, const std::string& path) {
  std::ofstream out(path);
  out << "gemeente,wijk,gewicht,inkomen_q,leeftijd,geslacht,opleiding";
  for (int item = 0; item < kIndicators; ++item) out << "," << ItemName(item);
  out << "\n";
  const char* sex[2] = {"man", "vrouw"};
  char weight[32];
  for (size_t row = 0; row < m.gemeente.size(); ++row) {
    std::snprintf(weight, sizeof weight, "%.3f", m.gewicht[row]);
    out << kGemeenten[m.gemeente[row]] << "," << m.wijk[row] << "," << weight << "," << m.inkomen_q[row] << ","
        << kLeeftijd[m.leeftijd[row]] << "," << sex[m.geslacht[row]] << "," << kOpleiding[m.opleiding[row]];
    for (int item = 0; item < kIndicators; ++item) {
      const double v = m.items[item][row];
      out << "," << (std::isnan(v) ? "" : (v == 1 ? "1" : "0"));
    }
    out << "\n";
  }
}

const std::vector<std::string> kByLists[] = {
    {"gemeente", "inkomen_q"}, {"gemeente"}, {"inkomen_q"}, {"leeftijd", "geslacht"}, {"opleiding"}};

std::string JoinPlus(const std::vector<std::string>& parts) {
  std::string text;
  for (size_t k = 0; k < parts.size(); ++k) text += (k ? "+" : "") + parts[k];
  return text;
}

std::string RScript(const std::string& csv, const std::string& out_csv) {
  std::ostringstream r;
  r << "suppressPackageStartupMessages(library(survey))\n"
    << "d <- read.csv('" << csv << "')\n"
    << "cpu <- function(t) c(t[['user.self']] + t[['sys.self']], t[['elapsed']])\n"
    << "t_design <- cpu(system.time(des <- svydesign(ids = ~wijk, strata = ~gemeente, weights = ~gewicht, nest = TRUE,"
       " data = d)))\n"
    << "t_one <- cpu(system.time(one <- svyby(~i01, ~gemeente + inkomen_q, des, svymean, na.rm = TRUE)))\n"
    << "items <- sprintf('i%02d', 1:" << kIndicators << ")\n"
    << "f <- as.formula(paste('~', paste(items, collapse = '+')))\n"
    << "bys <- list(";
  for (size_t k = 0; k < std::size(kByLists); ++k) r << (k ? ", " : "") << "~" << JoinPlus(kByLists[k]);
  r << ")\n"
    << "t_all <- cpu(system.time(all <- lapply(bys, function(b) svyby(f, b, des, svymean, na.rm = TRUE))))\n"
    << "est <- unlist(c(lapply(all, function(x) as.vector(as.matrix(coef(x)))), list()))\n"
    << "se <- unlist(lapply(all, function(x) as.vector(as.matrix(SE(x)))))\n"
    << "write.csv(data.frame(estimate = c(as.vector(coef(one)), est), se = c(as.vector(SE(one)), se)), '" << out_csv
    << "', row.names = FALSE)\n"
    << "cat(sprintf('%.6f', c(t_design, t_one, t_all)), '\\n')\n";
  return r.str();
}

// Process CPU time (user + system), so that the ratio holds on a shared machine; R reports the same with
// system.time()'s user.self + sys.self. Wall-clock time is printed too.
struct Clock {
  double cpu = 0, wall = 0;
  static Clock Now() {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return Clock{ts.tv_sec + ts.tv_nsec * 1e-9,
                 std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count()};
  }
};
struct Timing {
  double cpu = 1e9, wall = 1e9;
  void Keep(const Clock& start) {
    Clock end = Clock::Now();
    cpu = std::min(cpu, end.cpu - start.cpu);
    wall = std::min(wall, end.wall - start.wall);
  }
};

}  // namespace

int main(int argc, char** argv) {
  int respondents = 500000;
  std::string work_dir = "/tmp/sz-survey-bench";
  bool run_r = true;
  for (int arg = 1; arg < argc; ++arg) {
    std::string a = argv[arg];
    if (a == "--respondents" && arg + 1 < argc)
      respondents = std::atoi(argv[++arg]);
    else if (a == "--work-dir" && arg + 1 < argc)
      work_dir = argv[++arg];
    else if (a == "--no-r")
      run_r = false;
    else {
      std::cerr << "usage: survey_bench [--respondents N] [--work-dir DIR] [--no-r]\n";
      return 1;
    }
  }
  std::filesystem::create_directories(work_dir);
  const Monitor monitor = Generate(respondents);
  const SurveyFrame frame = ToFrame(monitor);
  std::vector<std::string> items;
  for (int item = 0; item < kIndicators; ++item) items.push_back(ItemName(item));

  // Samenzicht: best of 3 runs of each workload.
  DesignSpec spec{.ids = {"wijk"}, .strata = "gemeente", .weights = "gewicht", .fpc = {}, .nest = true};
  Timing t_design, t_one, t_all;
  std::vector<double> ours_est, ours_se;
  for (int run = 0; run < 3; ++run) {
    Clock start = Clock::Now();
    auto design = Design::Create(frame, spec);
    t_design.Keep(start);
    if (!design.ok()) {
      std::cerr << design.status().ToString() << "\n";
      return 2;
    }
    ours_est.clear();
    ours_se.clear();
    start = Clock::Now();
    AnalysisRequest one{
        .statistic = Statistic::kMean, .variables = {"i01"}, .by = {"gemeente", "inkomen_q"}, .options = {}};
    auto one_result = sz::survey::SvyBy(*design, frame, one);
    t_one.Keep(start);
    if (!one_result.ok()) {
      std::cerr << one_result.status().ToString() << "\n";
      return 2;
    }
    for (const auto& row : *one_result) {
      ours_est.push_back(row.estimate.estimate);
      ours_se.push_back(row.estimate.se);
    }
    start = Clock::Now();
    for (const auto& by : kByLists) {
      AnalysisRequest all{.statistic = Statistic::kMean, .variables = items, .by = by, .options = {}};
      auto result = sz::survey::SvyBy(*design, frame, all);
      if (!result.ok()) {
        std::cerr << result.status().ToString() << "\n";
        return 2;
      }
      // R's coef(svyby) matrix is domains × terms, flattened column-major: term by term.
      const size_t domains = result->size() / kIndicators;
      for (int item = 0; item < kIndicators; ++item) {
        for (size_t d = 0; d < domains; ++d) {
          ours_est.push_back((*result)[d * kIndicators + item].estimate.estimate);
          ours_se.push_back((*result)[d * kIndicators + item].estimate.se);
        }
      }
    }
    t_all.Keep(start);
  }
  std::printf("respondents %d, PSUs (wijken) nested in 14 strata, %d indicators\n", respondents, kIndicators);
  if (!run_r || std::system("Rscript --version > /dev/null 2>&1") != 0) {
    std::printf("%-12s %10s %10s\n", "workload", "cpu_s", "wall_s");
    for (auto [name, t] : {std::pair{"design", t_design}, {"one_by_70", t_one}, {"thirty_all", t_all}}) {
      std::printf("%-12s %10.4f %10.4f\n", name, t.cpu, t.wall);
    }
    return 0;
  }
  const std::string csv = work_dir + "/monitor.csv", r_out = work_dir + "/r_estimates.csv";
  const std::string r_file = work_dir + "/bench.R", r_times = work_dir + "/r_times.txt";
  WriteCsv(monitor, csv);
  std::ofstream(r_file) << RScript(csv, r_out);
  if (std::system(("Rscript --vanilla " + r_file + " > " + r_times).c_str()) != 0) {
    std::cerr << "Rscript failed\n";
    return 3;
  }
  Timing r_design, r_one, r_all;
  std::ifstream(r_times) >> r_design.cpu >> r_design.wall >> r_one.cpu >> r_one.wall >> r_all.cpu >> r_all.wall;
  // Agreement with R.
  std::ifstream r_in(r_out);
  std::string line;
  std::getline(r_in, line);
  double max_rel = 0;
  size_t compared = 0;
  while (std::getline(r_in, line) && compared < ours_est.size()) {
    const size_t comma = line.find(',');
    const double est = std::stod(line.substr(0, comma)), se = std::stod(line.substr(comma + 1));
    max_rel = std::max(max_rel, std::fabs(ours_est[compared] - est) / std::max(std::fabs(est), 1e-300));
    max_rel = std::max(max_rel, std::fabs(ours_se[compared] - se) / std::max(std::fabs(se), 1e-300));
    ++compared;
  }
  std::printf("%-12s %10s %10s %8s   %10s %10s %8s\n", "workload", "sz_cpu_s", "R_cpu_s", "ratio", "sz_wall_s",
              "R_wall_s", "ratio");
  auto row = [](const char* name, Timing ours, Timing r) {
    std::printf("%-12s %10.4f %10.3f %7.0fx   %10.4f %10.3f %7.0fx\n", name, ours.cpu, r.cpu, r.cpu / ours.cpu,
                ours.wall, r.wall, r.wall / ours.wall);
  };
  auto sum = [](Timing a, Timing b) { return Timing{a.cpu + b.cpu, a.wall + b.wall}; };
  row("design", t_design, r_design);
  row("one_by_70", t_one, r_one);
  row("thirty_all", t_all, r_all);
  row("design+one", sum(t_design, t_one), sum(r_design, r_one));
  row("design+all", sum(t_design, t_all), sum(r_design, r_all));
  std::printf("agreement with R: %zu estimates and SEs compared (expected %zu), max relative difference %.2e\n",
              compared, ours_est.size(), max_rel);
  return compared == ours_est.size() && max_rel < 1e-6 ? 0 : 4;
}
