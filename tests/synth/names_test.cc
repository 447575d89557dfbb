// The generator's name pools and frequency laws (synth/internal/names.h, zipf.h): pool sizes and hygiene,
// determinism, the realised shares of the most common names, and the O(1) Zipf sampler against a slow
// reference that sums the discrete law directly.
#include "synth/internal/names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "synth/internal/rng.h"
#include "synth/internal/zipf.h"

namespace sz::synth::internal {
namespace {

constexpr Origin kOrigins[] = {Origin::kNl, Origin::kTr, Origin::kMa, Origin::kDe, Origin::kPl, Origin::kOther};

std::string FullName(const Surname& surname) {
  return surname.tussenvoegsel.empty() ? std::string(surname.name)
                                       : std::string(surname.tussenvoegsel) + " " + std::string(surname.name);
}

// The reference: p(r) = (r + offset)^−exponent / Σ_k (k + offset)^−exponent, summed term by term.
std::vector<double> ReferenceLaw(size_t n, double offset, double exponent) {
  std::vector<double> p(n);
  double total = 0;
  for (size_t rank = 0; rank < n; ++rank) total += p[rank] = std::pow(static_cast<double>(rank) + offset, -exponent);
  for (double& value : p) value /= total;
  return p;
}

// Empirical rank frequencies of `draws` draws from `law`.
std::vector<double> Sample(const ZipfWithOffset& law, int draws, uint64_t seed) {
  Rng rng(seed);
  std::vector<double> frequency(law.size(), 0);
  for (int draw = 0; draw < draws; ++draw) frequency[law.Rank(rng.Uniform())] += 1;
  for (double& value : frequency) value /= draws;
  return frequency;
}

TEST(SynthZipfTest, SamplerMatchesTheDiscreteLawSummedDirectly) {
  struct Case {
    size_t n;
    double offset, exponent;
  };
  for (const Case& c :
       {Case{250090, 8, 0.85}, Case{80, 4, 1}, Case{80, 40, 1}, Case{5000, 5, 0.9}, Case{300, 6, 1.3}}) {
    SCOPED_TRACE(testing::Message() << "n " << c.n << " offset " << c.offset << " exponent " << c.exponent);
    ZipfWithOffset law(c.n, c.offset, c.exponent);
    std::vector<double> reference = ReferenceLaw(c.n, c.offset, c.exponent);
    double total = 0;
    for (size_t rank = 0; rank < c.n; ++rank) total += law.Probability(rank);
    EXPECT_NEAR(total, 1.0, 1e-9);
    // The realised law (midpoint rule) is within 1.5% of the discrete one at the top ranks…
    for (size_t rank = 0; rank < 20; ++rank)
      EXPECT_NEAR(law.Probability(rank), reference[rank], 0.015 * reference[rank]);
    // … and what the sampler draws is the realised law (four standard errors).
    const int draws = 2000000;
    std::vector<double> sampled = Sample(law, draws, 2026 + c.n);
    for (size_t rank = 0; rank < 20; ++rank) {
      double p = law.Probability(rank);
      EXPECT_NEAR(sampled[rank], p, 4 * std::sqrt(p * (1 - p) / draws) + 1e-6) << "rank " << rank;
      EXPECT_NEAR(sampled[rank], reference[rank], 4 * std::sqrt(p * (1 - p) / draws) + 0.015 * reference[rank]);
    }
  }
}

TEST(SynthZipfTest, RanksCoverTheRangeInOrder) {
  ZipfWithOffset law(1000, 8, 0.85);
  EXPECT_EQ(law.Rank(0.0), 0u);
  EXPECT_EQ(law.Rank(std::nextafter(1.0, 0.0)), 999u);
  size_t previous = 0;
  for (int step = 0; step < 10000; ++step) {
    size_t rank = law.Rank(step / 10000.0);
    EXPECT_GE(rank, previous);
    previous = rank;
  }
  EXPECT_EQ(law.Probability(1000), 0.0);
  ZipfWithOffset single(1, 3, 1);
  EXPECT_EQ(single.Rank(0.7), 0u);
  EXPECT_DOUBLE_EQ(single.Probability(0), 1.0);
}

TEST(SynthNamesTest, SurnamePoolsAreLargeDistinctAndClean) {
  const std::set<std::string_view> tussenvoegsels = {
      "",      "van",   "van de", "van den", "van der", "ter", "ten", "te",  "de", "van 't",
      "in 't", "op de", "uit de", "aan de",  "bij de",  "el",  "von", "vom", "dos"};
  for (Origin origin : kOrigins) {
    SCOPED_TRACE(testing::Message() << "origin " << static_cast<int>(origin));
    size_t count = SurnameCount(origin);
    EXPECT_GE(count, origin == Origin::kNl ? 200000u : 2000u);
    EXPECT_LT(SurnameHeadCount(origin), count);
    std::unordered_set<std::string> cores, full;
    int with_diacritics = 0;
    for (size_t rank = 0; rank < count; ++rank) {
      Surname surname = SurnameAt(origin, rank);
      std::string name(surname.name);
      ASSERT_FALSE(name.empty()) << rank;
      EXPECT_NE(name.front(), ' ') << rank;
      EXPECT_NE(name.back(), ' ') << rank;
      EXPECT_EQ(name.find("  "), std::string::npos) << rank;
      EXPECT_TRUE(tussenvoegsels.count(surname.tussenvoegsel)) << "[" << surname.tussenvoegsel << "] " << name;
      EXPECT_TRUE(cores.insert(name).second) << "core name twice: " << name;
      EXPECT_TRUE(full.insert(FullName(surname)).second) << FullName(surname);
      with_diacritics += HasDiacritics(name);
    }
    if (origin == Origin::kTr || origin == Origin::kPl) {
      EXPECT_GT(with_diacritics, static_cast<int>(count / 4));  // ş, ı, ğ, ü; ł, ś, ń, ż
    }
  }
  // The real names stay at the head in their order.
  EXPECT_EQ(FullName(SurnameAt(Origin::kNl, 0)), "de Jong");
  EXPECT_EQ(FullName(SurnameAt(Origin::kNl, 1)), "Jansen");
  EXPECT_EQ(FullName(SurnameAt(Origin::kNl, 3)), "van den Berg");
  EXPECT_EQ(FullName(SurnameAt(Origin::kNl, SurnameHeadCount(Origin::kNl) - 1)), "Post");
  EXPECT_EQ(FullName(SurnameAt(Origin::kTr, 0)), "Yılmaz");
  EXPECT_EQ(FullName(SurnameAt(Origin::kMa, 0)), "el Amrani");
  EXPECT_EQ(FullName(SurnameAt(Origin::kDe, 8)), "von Bülow");
  EXPECT_EQ(FullName(SurnameAt(Origin::kPl, 0)), "Kowalski");
}

TEST(SynthNamesTest, PoolsAreDeterministicAndViewsStayValid) {
  for (Origin origin : kOrigins) {
    for (size_t rank : {size_t{0}, size_t{17}, size_t{1234}, SurnameCount(origin) - 1}) {
      Surname first = SurnameAt(origin, rank), second = SurnameAt(origin, rank);
      EXPECT_EQ(first.name.data(), second.name.data());
      EXPECT_EQ(FullName(first), FullName(second));
    }
    EXPECT_EQ(FullName(SurnameAt(origin, SurnameCount(origin) + 5)), FullName(SurnameAt(origin, 5)));  // modulo
  }
  // The generated tail is ordered by a hash, not by the alphabet.
  std::string a(SurnameAt(Origin::kNl, 1000).name), b(SurnameAt(Origin::kNl, 1001).name),
      c(SurnameAt(Origin::kNl, 1002).name), d(SurnameAt(Origin::kNl, 1003).name);
  EXPECT_FALSE(a < b && b < c && c < d);
}

// Shares of the most common names over two million draws, against the bands of
// docs/synthetic-twente.md ("Persons and households").
TEST(SynthNamesTest, DutchSurnameSharesFollowALongTail) {
  Rng rng(18);
  const int draws = 2000000;
  std::vector<int> count(SurnameCount(Origin::kNl), 0);
  for (int draw = 0; draw < draws; ++draw) ++count[DrawSurname(Origin::kNl, rng)];
  double top = count[0] / static_cast<double>(draws);
  std::vector<int> sorted = count;
  std::sort(sorted.rbegin(), sorted.rend());
  double top10 = 0, collision = 0;
  for (int k = 0; k < 10; ++k) top10 += sorted[k] / static_cast<double>(draws);
  size_t distinct = 0;
  for (int c : count) {
    collision += (c / static_cast<double>(draws)) * (c / static_cast<double>(draws));
    distinct += c > 0;
  }
  EXPECT_EQ(sorted[0], count[0]);  // de Jong is the most common
  EXPECT_GT(top, 0.004);
  EXPECT_LT(top, 0.006);
  EXPECT_GT(top10, 0.03);
  EXPECT_LT(top10, 0.04);
  EXPECT_LT(collision, 5e-4);  // an effective number of names 1/Σp² above 2,000
  EXPECT_GT(distinct, 150000u);
  // Other origins: the most common name holds 1–3%.
  for (Origin origin : {Origin::kTr, Origin::kMa, Origin::kDe, Origin::kPl, Origin::kOther}) {
    double share = SurnameLaw(origin).Probability(0);
    EXPECT_GT(share, 0.01) << static_cast<int>(origin);
    EXPECT_LT(share, 0.03) << static_cast<int>(origin);
  }
}

TEST(SynthNamesTest, GivenNameSharesByCohort) {
  struct Band {
    int birth_year;
    double low, high;
  };
  for (const Band& band :
       {Band{1940, 0.05, 0.10}, Band{1965, 0.03, 0.06}, Band{1990, 0.015, 0.03}, Band{2015, 0.015, 0.03}}) {
    for (bool female : {false, true}) {
      SCOPED_TRACE(testing::Message() << band.birth_year << (female ? " female" : " male"));
      size_t pool = GivenNameCount(Origin::kNl, female, band.birth_year);
      EXPECT_GE(pool, 60u);
      EXPECT_LE(pool, 100u);
      Rng rng(band.birth_year + female);
      const int draws = 2000000;
      std::vector<int> count(pool, 0);
      for (int draw = 0; draw < draws; ++draw) ++count[DrawGivenName(Origin::kNl, female, band.birth_year, rng)];
      double top = count[0] / static_cast<double>(draws);
      EXPECT_GT(top, band.low);
      EXPECT_LT(top, band.high);
      EXPECT_EQ(*std::max_element(count.begin(), count.end()), count[0]);
    }
  }
  EXPECT_EQ(GivenName(Origin::kNl, false, 1940, 0), "Johannes");
  EXPECT_EQ(GivenName(Origin::kNl, true, 1940, 0), "Maria");
  for (Origin origin : {Origin::kTr, Origin::kMa, Origin::kDe, Origin::kPl, Origin::kOther}) {
    for (bool female : {false, true}) {
      size_t pool = GivenNameCount(origin, female, 1980);
      EXPECT_GE(pool, 30u);
      EXPECT_LE(pool, 50u);
      double share = GivenNameLaw(origin, female, 1980).Probability(0);
      EXPECT_GT(share, 0.05);
      EXPECT_LT(share, 0.12);
    }
  }
}

// The pools before the long tail (20 Dutch names per cohort and sex): every name is still drawn, so the
// nickname table and the tests that look for them keep working.
TEST(SynthNamesTest, GivenNamePoolsKeepEveryEarlierNameAndAreDistinct) {
  struct Earlier {
    Origin origin;
    bool female;
    int birth_year;
    std::vector<std::string_view> names;
  };
  const std::vector<Earlier> earlier = {
      {Origin::kNl, false, 1940, {"Johannes",  "Hendrik",    "Gerrit",    "Jan",        "Cornelis",
                                  "Hendrikus", "Gerardus",   "Bernardus", "Antonius",   "Theodorus",
                                  "Wilhelmus", "Jacobus",    "Petrus",    "Albertus",   "Herman",
                                  "Adrianus",  "Franciscus", "Derk",      "Jan Willem", "Lambertus"}},
      {Origin::kNl, true, 1940, {"Wilhelmina", "Johanna",  "Maria",      "Hendrika",  "Geertruida",
                                 "Gerritdina", "Aleida",   "Bernardina", "Catharina", "Elisabeth",
                                 "Anna",       "Cornelia", "Jacoba",     "Adriana",   "Theodora",
                                 "Janna",      "Grada",    "Hermina",    "Berendina", "Antonia"}},
      {Origin::kNl, false, 1965, {"Peter",  "Jan",    "Johannes", "Marco", "Erik",    "Martin", "Hans",
                                  "Gerard", "Rob",    "Henk",     "Bert",  "Richard", "Edwin",  "René",
                                  "André",  "Ronald", "Frank",    "Wim",   "Theo",    "Dennis"}},
      {Origin::kNl, true, 1965, {"Maria",     "Monique", "Sandra", "Anja",      "Ingrid", "Marjolein", "Petra",
                                 "Angelique", "Ria",     "Wilma",  "Annemarie", "Yvonne", "Marian",    "Esther",
                                 "Linda",     "Miranda", "José",   "Ellen",     "Hélène", "Carolien"}},
      {Origin::kNl, false, 1990, {"Daan", "Sem",    "Lucas", "Thijs", "Jesse", "Bram",   "Ruben",
                                  "Tim",  "Niels",  "Stijn", "Luuk",  "Joost", "Jeroen", "Bas",
                                  "Koen", "Thomas", "Mark",  "Rick",  "Noah",  "Milan"}},
      {Origin::kNl, true, 1990, {"Emma",  "Julia", "Sophie", "Lotte", "Anouk", "Lisa",  "Sanne",
                                 "Fleur", "Femke", "Iris",   "Eva",   "Zoë",   "Chloë", "Anaïs",
                                 "Loïs",  "Noor",  "Tess",   "Mila",  "Roos",  "Sara"}},
      {Origin::kNl, false, 2015, {"Noah",  "Sem",  "Liam", "Luuk",  "Daan",    "Levi", "Finn",
                                  "Milan", "Mees", "Jens", "Teun",  "Guus",    "Sam",  "Gijs",
                                  "Stijn", "Boaz", "Siem", "Jurre", "Olivier", "Thijs"}},
      {Origin::kNl, true, 2015, {"Emma",  "Julia", "Mila",    "Tess", "Sophie", "Zoë",    "Nora",
                                 "Yara",  "Saar",  "Lieke",   "Evi",  "Noor",   "Olivia", "Liv",
                                 "Fenna", "Isa",   "Jaylinn", "Maud", "Nova",   "Sara"}},
      {Origin::kTr, false, 1980, {"Mehmet", "Hüseyin", "İbrahim", "Ömer", "Ümit"}},
      {Origin::kTr, true, 1980, {"Ayşe", "Özlem", "Büşra", "Hülya"}},
      {Origin::kMa, false, 1980, {"Mohamed", "Youssef", "Redouan"}},
      {Origin::kDe, true, 1980, {"Käthe", "Ursula"}},
      {Origin::kPl, false, 1980, {"Paweł", "Michał", "Łukasz"}},
      {Origin::kPl, true, 1980, {"Małgorzata", "Katarzyna", "Żaneta"}},
      {Origin::kOther, true, 1980, {"Aïcha", "María"}},
  };
  for (const Earlier& e : earlier) {
    std::set<std::string_view> pool;
    size_t size = GivenNameCount(e.origin, e.female, e.birth_year);
    for (size_t idx = 0; idx < size; ++idx) {
      std::string_view name = GivenName(e.origin, e.female, e.birth_year, idx);
      EXPECT_TRUE(pool.insert(name).second) << "twice in a pool: " << name;
      EXPECT_FALSE(name.empty());
    }
    for (std::string_view name : e.names) EXPECT_TRUE(pool.count(name)) << name << " left the pool";
  }
  // Formal names of the larger old pools have informal forms too.
  for (std::string_view formal : {"Josephus", "Nicolaas", "Margaretha", "Petronella", "Hubertus", "Everdina"}) {
    EXPECT_FALSE(Nicknames(formal).empty()) << formal;
  }
}

}  // namespace
}  // namespace sz::synth::internal
