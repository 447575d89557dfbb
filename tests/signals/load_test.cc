#include "signals/load.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::signals {
namespace {

// The expected values are R 4.2's quantile(x, p, type = 7), printed with 17 digits.
TEST(Quantile, AsRsDefaultType7) {
  const std::vector<double> x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
  EXPECT_DOUBLE_EQ(Quantile(x, 0.9), 6);
  EXPECT_DOUBLE_EQ(Quantile(x, 0.5), 4);
  EXPECT_DOUBLE_EQ(Quantile(x, 0.1), 1);
  EXPECT_DOUBLE_EQ(Quantile(x, 0), 1);
  EXPECT_NEAR(Quantile({10.5, 2}, 0.9), 9.6499999999999986, 1e-12);
  // set.seed(1); round(rnorm(104, 150, 20)): two years of weekly reports.
  const std::vector<double> weeks = {
      137, 154, 133, 182, 157, 134, 160, 165, 162, 144, 180, 158, 138, 106, 172, 149, 150, 169, 166, 162, 168,
      166, 151, 110, 162, 149, 147, 121, 140, 158, 177, 148, 158, 149, 122, 142, 142, 149, 172, 165, 147, 145,
      164, 161, 136, 136, 157, 165, 148, 168, 158, 138, 157, 127, 179, 190, 143, 129, 161, 147, 198, 149, 164,
      151, 135, 154, 114, 179, 153, 193, 160, 136, 162, 131, 125, 156, 141, 150, 151, 138, 139, 147, 174, 120,
      162, 157, 171, 144, 157, 155, 139, 174, 173, 164, 182, 161, 124, 139, 126, 141, 138, 151, 132, 153};
  ASSERT_EQ(weeks.size(), 104u);
  EXPECT_NEAR(Quantile(weeks, 0.9), 173.69999999999999, 1e-9);
  EXPECT_DOUBLE_EQ(Quantile({std::nan(""), 4, std::nan("")}, 0.9), 4);  // NaN left out
  EXPECT_TRUE(std::isnan(Quantile({}, 0.9)));
}

TEST(OverloadEpisodes, RunsAboveTheThresholdWithTheirPeak) {
  const std::vector<double> f = {150, 201, 210, 205, 190, 202, std::nan(""), 230};
  const std::vector<Overload> o = OverloadEpisodes(f, 200);
  ASSERT_EQ(o.size(), 3u);
  EXPECT_EQ(o[0].first, 1);
  EXPECT_EQ(o[0].last, 3);
  EXPECT_DOUBLE_EQ(o[0].peak, 210);
  EXPECT_EQ(o[1].first, 5);
  EXPECT_EQ(o[1].last, 5);
  EXPECT_EQ(o[2].first, 7);
  EXPECT_TRUE(OverloadEpisodes(f, 300).empty());
  EXPECT_TRUE(OverloadEpisodes({200, 200}, 200).empty());  // at the threshold is not above it
}

TEST(OverloadEpisodes, AMarginKeepsFractionsOfAReportOut) {
  // A quiet wijk: its 90th percentile is 0 and the forecast a fraction of a report.
  EXPECT_TRUE(OverloadEpisodes({0.08, 0.4, 0.9}, 0, 1.0).empty());
  const std::vector<Overload> o = OverloadEpisodes({0.9, 1.0, 1.7, 0.2}, 0, 1.0);
  ASSERT_EQ(o.size(), 1u);
  EXPECT_EQ(o[0].first, 1);
  EXPECT_EQ(o[0].last, 2);
  EXPECT_DOUBLE_EQ(o[0].peak, 1.7);
  EXPECT_EQ(OverloadEpisodes({200.5, 201, 230}, 200, 1.0).size(), 1u);
  EXPECT_EQ(OverloadEpisodes({200.5, 201, 230}, 200, 1.0)[0].first, 1);
}

}  // namespace
}  // namespace sz::signals
