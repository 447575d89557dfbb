// Table-driven tests of Dutch identity normalisation (issue 4).
#include "privacy/name_normaliser.h"

#include <gtest/gtest.h>

#include "privacy/address.h"
#include "privacy/bsn.h"

namespace sz::privacy {
namespace {

TEST(FoldNameTest, CaseDiacriticsSpacingPunctuation) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Jansen", "jansen"},
      {"  JANSEN  ", "jansen"},
      {"Renée", "renee"},
      {"Noël", "noel"},
      {"Zoë", "zoe"},
      {"Ëlise", "elise"},
      {"François", "francois"},
      {"Müller", "muller"},
      {"Søren", "soren"},
      {"Łukasz", "lukasz"},
      {"Strauß", "strauss"},
      {"Ĳsbrand", "ijsbrand"},   // U+0132 ligature
      {"IJsbrand", "ijsbrand"},  // two letters
      {"Ærø", "aero"},
      {"Çelik", "celik"},
      {"Şahin", "sahin"},
      {"Ștefan", "stefan"},
      {"Zoe\xcc\x88", "zoe"},  // e + combining diaeresis
      {"O’Brien", "o'brien"},
      {"O`Brien", "o'brien"},
      {"Jansen–de Vries", "jansen-de vries"},
      {"de  Vries\t", "de vries"},
      {"Jan,Piet;(Kees)", "jan piet kees"},
      {"Ren\xe9", "rene"},  // Windows-1252 byte, not UTF-8
      {"Дмитрий", "дмитрий"},  // other scripts kept, lowercased
      {"", ""},
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(FoldName(input), expected) << input;
}

struct SurnameCase {
  std::string tussenvoegsel_column;
  std::string surname_column;
  std::string tussenvoegsel;
  std::string surname;
};

TEST(SplitSurnameTest, TussenvoegselsInEveryPosition) {
  const std::vector<SurnameCase> cases = {
      {"", "Berg", "", "berg"},
      {"", "van der Berg", "van der", "berg"},
      {"", "Van Der Berg", "van der", "berg"},
      {"van der", "Berg", "van der", "berg"},
      {"Van der", "berg", "van der", "berg"},
      {"", "Berg, van der", "van der", "berg"},
      {"", "Berg,van der", "van der", "berg"},
      {"", "Berg van der", "van der", "berg"},
      {"van der", "van der Berg", "van der", "berg"},  // repeated in both columns
      {"van", "der Berg", "van der", "berg"},          // split across the columns
      {"", "de Vries", "de", "vries"},
      {"", "Vries, de", "de", "vries"},
      {"", "ter Horst", "ter", "horst"},
      {"", "ten Cate", "ten", "cate"},
      {"", "den Hartog", "den", "hartog"},
      {"", "van 't Hof", "van 't", "hof"},
      {"", "van ’t Hof", "van 't", "hof"},
      {"", "van't Hof", "van 't", "hof"},
      {"", "Hof, van 't", "van 't", "hof"},
      {"", "in 't Veld", "in 't", "veld"},
      {"", "op de Beek", "op de", "beek"},
      {"", "van de Kamp", "van de", "kamp"},
      {"", "'t Hart", "'t", "hart"},
      {"", "d'Ancona", "d'", "ancona"},
      {"", "v.d. Berg", "van der", "berg"},
      {"v.d.", "Berg", "van der", "berg"},
      {"", "v. Dijk", "van", "dijk"},
      {"", "Van", "", "van"},  // at least one word stays surname
      {"", "de", "", "de"},
      {"", "Jansen-de Vries", "", "jansen-de vries"},
      {"", "Jansen - de Vries", "", "jansen-de vries"},
      {"", "van den Heuvel-de Jong", "van den", "heuvel-de jong"},
      {"", "O'Brien", "", "obrien"},
      {"", "Çelik", "", "celik"},
      {"", "", "", ""},
  };
  for (const SurnameCase& c : cases) {
    SurnameParts parts = SplitSurname(c.tussenvoegsel_column, c.surname_column);
    EXPECT_EQ(parts.tussenvoegsel, c.tussenvoegsel) << "[" << c.tussenvoegsel_column << "] [" << c.surname_column << "]";
    EXPECT_EQ(parts.surname, c.surname) << "[" << c.tussenvoegsel_column << "] [" << c.surname_column << "]";
  }
  EXPECT_EQ(SplitSurname("", "Jansen - de Vries").CompactSurname(), "jansendevries");
}

struct GivenCase {
  std::string input;
  std::vector<std::string> names;
  std::string initials;
  std::string first_name;
};

TEST(NormaliseGivenNamesTest, NamesAndInitials) {
  const std::vector<GivenCase> cases = {
      {"Jan", {"jan"}, "j", "jan"},
      {"Jan Pieter", {"jan", "pieter"}, "jp", "jan"},
      {"jan  pieter", {"jan", "pieter"}, "jp", "jan"},
      {"Jan-Pieter Karel", {"jan-pieter", "karel"}, "jk", "jan-pieter"},
      {"J.P.", {}, "jp", ""},
      {"J. P.", {}, "jp", ""},
      {"J P", {}, "jp", ""},
      {"Th. J.", {}, "tj", ""},
      {"J. Pieter", {"pieter"}, "jp", ""},
      {"Renée Zoë", {"renee", "zoe"}, "rz", "renee"},
      {"IJsbrand", {"ijsbrand"}, "i", "ijsbrand"},
      {"", {}, "", ""},
  };
  for (const GivenCase& c : cases) {
    GivenNames given = NormaliseGivenNames(c.input);
    EXPECT_EQ(given.names, c.names) << c.input;
    EXPECT_EQ(given.initials, c.initials) << c.input;
    EXPECT_EQ(given.FirstName(), c.first_name) << c.input;
    EXPECT_EQ(given.FirstInitial(), c.initials.substr(0, 1)) << c.input;
  }
}

TEST(NormaliseGivenNamesTest, NicknamesAreNotResolved) {
  EXPECT_NE(NormaliseGivenNames("Hans").FirstName(), NormaliseGivenNames("Johannes").FirstName());
  EXPECT_EQ(NormaliseGivenNames("Hans").FirstInitial(), "h");
}

struct BsnCase {
  std::string input;
  BsnStatus status;
  std::string bsn;
};

TEST(BsnTest, Elfproef) {
  const std::vector<BsnCase> cases = {
      {"111222333", BsnStatus::kValid, "111222333"},
      {"123456782", BsnStatus::kValid, "123456782"},
      {"1234.56.782", BsnStatus::kValid, "123456782"},
      {" 123 456 782 ", BsnStatus::kValid, "123456782"},
      {"10000021", BsnStatus::kValid, "010000021"},  // 8 digits: the leading zero was dropped
      {"12345678", BsnStatus::kInvalid, ""},
      {"123456789", BsnStatus::kInvalid, ""},
      {"111222334", BsnStatus::kInvalid, ""},
      {"000000000", BsnStatus::kInvalid, ""},
      {"1234567", BsnStatus::kInvalid, ""},
      {"1234567890", BsnStatus::kInvalid, ""},
      {"12345678x", BsnStatus::kInvalid, ""},
      {"onbekend", BsnStatus::kInvalid, ""},
      {"", BsnStatus::kMissing, ""},
      {"   ", BsnStatus::kMissing, ""},
  };
  for (const BsnCase& c : cases) {
    BsnCheck check = CheckBsn(c.input);
    EXPECT_EQ(check.status, c.status) << c.input;
    EXPECT_EQ(check.bsn, c.bsn) << c.input;
  }
  EXPECT_EQ(BsnStatusName(BsnStatus::kInvalid), "invalid");
}

TEST(PostcodeTest, Normalises) {
  const std::vector<std::pair<std::string, std::string>> valid = {
      {"7511JD", "7511JD"}, {"7511 jd", "7511JD"}, {" 7511-JD ", "7511JD"}, {"7511  Jd", "7511JD"}};
  for (const auto& [input, expected] : valid) {
    Result<std::string> postcode = NormalisePostcode(input);
    ASSERT_TRUE(postcode.ok()) << input;
    EXPECT_EQ(*postcode, expected);
  }
  for (std::string invalid : {"", "751JD", "0511JD", "7511J", "7511J1", "7511SS", "7511SA", "75112JD", "ABCDEF"}) {
    EXPECT_EQ(NormalisePostcode(invalid).status().code(), StatusCode::kDataError) << invalid;
  }
}

TEST(HouseNumberTest, NumberAndAddition) {
  struct Case {
    std::string number, addition;
    HouseNumber expected;
  };
  const std::vector<Case> cases = {
      {"12", "", {12, ""}},       {"12a", "", {12, "A"}},    {"12 A", "", {12, "A"}},
      {"12-a", "", {12, "A"}},    {"12", "a", {12, "A"}},    {"12", "-A", {12, "A"}},
      {"12-II", "", {12, "II"}},  {"12 hs", "", {12, "HS"}}, {"12/2", "", {12, "2"}},
      {" 7 ", "", {7, ""}},       {"12 - 2 hg", "", {12, "2HG"}}};
  for (const Case& c : cases) {
    Result<HouseNumber> parsed = ParseHouseNumber(c.number, c.addition);
    ASSERT_TRUE(parsed.ok()) << c.number << "|" << c.addition << " " << parsed.status().ToString();
    EXPECT_EQ(*parsed, c.expected) << c.number << "|" << c.addition;
  }
  for (std::string invalid : {"", "a12", "0", "123456", "12 #"}) {
    Status status = ParseHouseNumber(invalid).status();
    EXPECT_EQ(status.code(), StatusCode::kDataError) << invalid;
  }
}

}  // namespace
}  // namespace sz::privacy
