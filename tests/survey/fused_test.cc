// SvyBy computes means and totals of many domains in one pass per column (internal/fused_mean_total.cc). This
// checks it against the one-domain-at-a-time path (EstimateDomain → SvyMean/SvyTotal), which the golden tests
// also cover, on designs and data the golden files do not have: zero weights, missing values, categorical terms.
#include <gtest/gtest.h>

#include <cmath>

#include "survey/domains.h"
#include "test_util.h"

namespace sz::survey {
namespace {

SurveyFrame Generated(int rows) {
  SurveyFrame frame;
  std::vector<double> psu(rows), stratum(rows), weight(rows), y(rows), group(rows);
  std::vector<int> colour(rows);
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) / static_cast<double>(1ull << 31);
  };
  for (int row = 0; row < rows; ++row) {
    stratum[row] = 1 + static_cast<int>(next() * 6);
    psu[row] = 1 + static_cast<int>(next() * 4);
    weight[row] = row % 37 == 0 ? 0.0 : 1 + 9 * next();
    y[row] = row % 23 == 0 ? NAN : 10 * next() + stratum[row];
    group[row] = 1 + static_cast<int>(next() * 5);
    colour[row] = row % 29 == 0 ? -1 : static_cast<int>(next() * 3);
  }
  frame.AddNumeric("psu", psu);
  frame.AddNumeric("stratum", stratum);
  frame.AddNumeric("w", weight);
  frame.AddNumeric("y", y);
  frame.AddNumeric("group", group);
  frame.AddCategorical("colour", colour, {"blauw", "geel", "rood"});
  return frame;
}

TEST(SurveyFused, AllDomainsAtOnceEqualsOneDomainAtATime) {
  const SurveyFrame frame = Generated(3000);
  for (LonelyPsu lonely : {LonelyPsu::kFail, LonelyPsu::kAverage}) {
    DesignSpec spec{.ids = {"psu"}, .strata = "stratum", .weights = "w", .fpc = {}, .nest = true, .lonely_psu = lonely};
    auto design = Design::Create(frame, spec);
    ASSERT_TRUE(design.ok()) << design.status().ToString();
    for (Statistic statistic : {Statistic::kMean, Statistic::kTotal}) {
      AnalysisRequest request{.statistic = statistic,
                              .variables = {"y", "colour"},
                              .by = {"group", "colour"},
                              .options = {.level = 0.9, .deff = true}};
      auto fused = SvyBy(*design, frame, request);
      ASSERT_TRUE(fused.ok()) << fused.status().ToString();
      auto domains = MakeDomains(*design, frame, request.by);
      ASSERT_TRUE(domains.ok());
      size_t k = 0;
      for (size_t d = 0; d < domains->domains.size(); ++d) {
        auto one = EstimateDomain(*design, frame, request, domains->domains[d]);
        ASSERT_TRUE(one.ok()) << one.status().ToString();
        for (const Estimate& e : *one) {
          ASSERT_LT(k, fused->size());
          const Estimate& f = (*fused)[k++].estimate;
          EXPECT_EQ(f.term, e.term);
          EXPECT_TRUE(testing::NearR(f.estimate, e.estimate, 1e-10));
          EXPECT_TRUE(testing::NearR(f.se, e.se, 1e-9));
          EXPECT_TRUE(testing::NearR(f.ci_low, e.ci_low, 1e-9));
          // A term constant within the domain has variance 0 and deff 0/0, which rounding can make anything.
          if (e.se > 1e-9 * std::fabs(e.estimate)) {
            EXPECT_TRUE(testing::NearR(f.deff, e.deff, 1e-9));
          }
          EXPECT_EQ(f.n, e.n);
          EXPECT_EQ(f.df, e.df);
        }
      }
      EXPECT_EQ(k, fused->size());
    }
  }
}

}  // namespace
}  // namespace sz::survey
