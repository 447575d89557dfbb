// Unit tests of the generator's building blocks: BSNs, typos, diacritics, the random generator.
#include <gtest/gtest.h>

#include <set>

#include "synth/internal/chunk.h"
#include "synth/internal/identity.h"
#include "synth/internal/names.h"
#include "synth/internal/rng.h"

namespace sz::synth::internal {
namespace {

TEST(SynthBsnTest, DistinctAndPassTheElfproef) {
  std::set<uint64_t> seen;
  int without = 0;
  for (uint64_t id = 1; id <= 200000; ++id) {
    uint64_t bsn = MakeBsn(99, id);
    if (bsn == 0) {
      ++without;
      continue;
    }
    EXPECT_TRUE(PassesElfproef(bsn)) << bsn;
    EXPECT_GE(bsn, 100000000u);
    EXPECT_TRUE(seen.insert(bsn).second) << "duplicate " << bsn;
  }
  EXPECT_LT(without, 400);  // 1 in 1,331 expected
  EXPECT_TRUE(PassesElfproef(111222333));   // 9+8+7+12+10+8+9+6 = 69 - 3 = 66
  EXPECT_FALSE(PassesElfproef(111222334));
}

TEST(SynthIdentityTest, TyposChangeOnlyAsciiLettersAndKeepShortNames) {
  Rng rng(5);
  int changed = 0;
  for (int k = 0; k < 200; ++k) {
    std::string typo = Typo(rng, "Haverkate");
    changed += typo != "Haverkate";
    EXPECT_EQ(typo[0], 'H');
    EXPECT_LE(std::abs(static_cast<int>(typo.size()) - 9), 1);
  }
  EXPECT_GT(changed, 150);
  EXPECT_EQ(Typo(rng, "Bo"), "Bo");
}

TEST(SynthNamesTest, DiacriticsAndNicknames) {
  EXPECT_EQ(StripDiacritics("Zoë Şahin-Öztürk"), "Zoe Sahin-Ozturk");
  EXPECT_EQ(StripDiacritics("Chloë René Müller"), "Chloe Rene Muller");
  EXPECT_TRUE(HasDiacritics("Loïs"));
  EXPECT_FALSE(HasDiacritics("Lois"));
  std::vector<std::string_view> johannes = Nicknames("Johannes");
  EXPECT_NE(std::find(johannes.begin(), johannes.end(), "Hans"), johannes.end());
  EXPECT_NE(std::find(johannes.begin(), johannes.end(), "Jan"), johannes.end());
  EXPECT_FALSE(Nicknames("Wilhelmina").empty());
  EXPECT_TRUE(Nicknames("Zoë").empty());
}

TEST(SynthRngTest, StreamsAreReproducibleAndIndependent) {
  Rng a = Rng::Derive(1, 2, 3), b = Rng::Derive(1, 2, 3), c = Rng::Derive(1, 2, 4);
  int same = 0;
  for (int k = 0; k < 100; ++k) {
    uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    same += x == c.Next();
  }
  EXPECT_EQ(same, 0);
  // Poisson and Bernoulli means (large samples, loose bounds).
  Rng rng(11);
  double poisson = 0, large = 0;
  int hits = 0;
  for (int k = 0; k < 100000; ++k) {
    poisson += rng.Poisson(3.5);
    large += rng.Poisson(120);
    hits += rng.Bernoulli(0.3);
  }
  EXPECT_NEAR(poisson / 100000, 3.5, 0.05);
  EXPECT_NEAR(large / 100000, 120, 0.3);
  EXPECT_NEAR(hits / 100000.0, 0.3, 0.01);
}

}  // namespace
}  // namespace sz::synth::internal
