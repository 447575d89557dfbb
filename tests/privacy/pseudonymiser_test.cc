// The pseudonymiser: the same person written differently gets the same name pseudonym where the rules
// allow it and a close CLK where they cannot (typo, nickname); different keys give unrelated output.
#include "privacy/pseudonymiser.h"

#include <gtest/gtest.h>

#include "privacy/dice.h"
#include "privacy/hkdf.h"

namespace sz::privacy {
namespace {

const std::string kSchemaPath = std::string(SZ_SOURCE_DIR) + "/config/linkage-schema.json";

Key FixedKey(uint8_t seed) {
  Bytes bytes(32);
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<uint8_t>(seed + i);
  return Key::FromBytes(bytes).value();
}

Pseudonymiser MakePseudonymiser(const Key& key) {
  Result<ClkSchema> schema = ReadClkSchemaFile(kSchemaPath);
  EXPECT_TRUE(schema.ok()) << schema.status().ToString();
  Result<Pseudonymiser> pseudonymiser = Pseudonymiser::Create(key, *schema);
  EXPECT_TRUE(pseudonymiser.ok()) << pseudonymiser.status().ToString();
  return std::move(pseudonymiser).value();
}

PersonIdentity JanVanDerBerg() {
  return PersonIdentity{.bsn = "111222333",
                        .given_names = "Jan Pieter",
                        .tussenvoegsel = "van der",
                        .surname = "Berg",
                        .birth_date = "1985-04-03",
                        .sex = "M",
                        .postcode = "7511 JD",
                        .house_number = "12",
                        .house_number_addition = "a"};
}

double ClkDice(const std::string& a, const std::string& b) {
  Result<Clk> ca = Clk::FromBase64(a, 1024);
  Result<Clk> cb = Clk::FromBase64(b, 1024);
  EXPECT_TRUE(ca.ok() && cb.ok());
  return DiceCoefficient(*ca, *cb);
}

TEST(PseudonymiserTest, SamePersonWrittenDifferentlyGetsTheSameNamePseudonym) {
  Key key = FixedKey(1);
  Pseudonymiser pseudonymiser = MakePseudonymiser(key);
  Result<Pseudonyms> reference = pseudonymiser.Pseudonymise(JanVanDerBerg());
  ASSERT_TRUE(reference.ok());
  ASSERT_EQ(reference->name_pseudonym.size(), 64u);

  std::vector<PersonIdentity> variants;
  auto variant = [&](auto change) {
    PersonIdentity person = JanVanDerBerg();
    change(person);
    variants.push_back(person);
  };
  variant([](PersonIdentity& p) { p.given_names = "JAN PIETER", p.surname = "BERG", p.tussenvoegsel = "VAN DER"; });
  variant([](PersonIdentity& p) { p.tussenvoegsel = "", p.surname = "van der Berg"; });
  variant([](PersonIdentity& p) { p.tussenvoegsel = "", p.surname = "Berg, van der"; });
  variant([](PersonIdentity& p) { p.tussenvoegsel = "v.d.", p.surname = "Berg"; });
  variant([](PersonIdentity& p) { p.tussenvoegsel = "", p.surname = "Berg"; });  // tussenvoegsel forgotten
  variant([](PersonIdentity& p) { p.given_names = "J.P."; });                     // initials only
  variant([](PersonIdentity& p) { p.given_names = "J. Pieter"; });
  variant([](PersonIdentity& p) { p.given_names = "  jan   pieter "; });
  variant([](PersonIdentity& p) { p.birth_date = "03-04-1985"; });
  variant([](PersonIdentity& p) { p.birth_date = "19850403"; });
  variant([](PersonIdentity& p) { p.sex = "man"; });
  for (const PersonIdentity& person : variants) {
    Result<Pseudonyms> other = pseudonymiser.Pseudonymise(person);
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(other->name_pseudonym, reference->name_pseudonym)
        << person.given_names << " | " << person.tussenvoegsel << " | " << person.surname << " | " << person.birth_date;
    EXPECT_GT(ClkDice(other->clk, reference->clk), 0.6) << person.given_names << " | " << person.surname;
  }
}

TEST(PseudonymiserTest, DiacriticsDoNotMatter) {
  Pseudonymiser pseudonymiser = MakePseudonymiser(FixedKey(1));
  PersonIdentity a{.given_names = "Renée", .surname = "Çelik", .birth_date = "2001-02-03", .sex = "V"};
  PersonIdentity b{.given_names = "Renee", .surname = "Celik", .birth_date = "3-2-2001", .sex = "vrouw"};
  Result<Pseudonyms> pa = pseudonymiser.Pseudonymise(a);
  Result<Pseudonyms> pb = pseudonymiser.Pseudonymise(b);
  ASSERT_TRUE(pa.ok() && pb.ok());
  EXPECT_FALSE(pa->name_pseudonym.empty());
  EXPECT_EQ(pa->name_pseudonym, pb->name_pseudonym);
  EXPECT_EQ(pa->clk, pb->clk);  // every CLK part is normalised too
}

TEST(PseudonymiserTest, TyposAndNicknamesChangeThePseudonymButKeepTheClkClose) {
  Pseudonymiser pseudonymiser = MakePseudonymiser(FixedKey(1));
  PersonIdentity johannes{.given_names = "Johannes", .surname = "Bosch", .birth_date = "1950-07-21", .sex = "M"};
  PersonIdentity typo = johannes;
  typo.surname = "Bosh";
  PersonIdentity nickname = johannes;
  nickname.given_names = "Hans";
  PersonIdentity stranger{.given_names = "Fatima", .surname = "el Amrani", .birth_date = "1992-11-30", .sex = "V"};

  Pseudonyms p = pseudonymiser.Pseudonymise(johannes).value();
  Pseudonyms p_typo = pseudonymiser.Pseudonymise(typo).value();
  Pseudonyms p_nick = pseudonymiser.Pseudonymise(nickname).value();
  Pseudonyms p_stranger = pseudonymiser.Pseudonymise(stranger).value();

  EXPECT_NE(p.name_pseudonym, p_typo.name_pseudonym);
  EXPECT_NE(p.name_pseudonym, p_nick.name_pseudonym);
  double typo_dice = ClkDice(p.clk, p_typo.clk);
  double nick_dice = ClkDice(p.clk, p_nick.clk);
  double stranger_dice = ClkDice(p.clk, p_stranger.clk);
  EXPECT_GT(typo_dice, 0.85);
  EXPECT_GT(nick_dice, 0.6);
  EXPECT_LT(stranger_dice, 0.45);
  EXPECT_GT(typo_dice, nick_dice);
  EXPECT_GT(nick_dice, stranger_dice);
}

TEST(PseudonymiserTest, DifferentKeysGiveUnrelatedPseudonyms) {
  Pseudonymiser one = MakePseudonymiser(FixedKey(1));
  Pseudonymiser two = MakePseudonymiser(FixedKey(2));
  Pseudonyms a = one.Pseudonymise(JanVanDerBerg()).value();
  Pseudonyms b = two.Pseudonymise(JanVanDerBerg()).value();
  EXPECT_NE(one.key_fingerprint(), two.key_fingerprint());
  EXPECT_NE(a.bsn_pseudonym, b.bsn_pseudonym);
  EXPECT_NE(a.name_pseudonym, b.name_pseudonym);
  EXPECT_NE(a.address_pseudonym, b.address_pseudonym);
  EXPECT_LT(ClkDice(a.clk, b.clk), 0.5);
  // Kinds are separated: the same key never gives the same tag for two kinds.
  EXPECT_NE(a.bsn_pseudonym, a.name_pseudonym);
  EXPECT_NE(a.name_pseudonym, a.address_pseudonym);
}

TEST(PseudonymiserTest, DocumentedConstructionKnownAnswer) {
  Key key = FixedKey(7);
  Pseudonymiser pseudonymiser = MakePseudonymiser(key);
  Pseudonyms p = pseudonymiser.Pseudonymise(JanVanDerBerg()).value();
  auto expected = [&](const std::string& kind, const std::string& message) {
    Bytes kind_key = HkdfSha256(key.bytes(), {}, AsBytes("samenzicht/" + kind + "/v1"), 32).value();
    return HexEncode(HmacSha256(kind_key, AsBytes(message)).value());
  };
  EXPECT_EQ(p.bsn_pseudonym, expected("bsn", "111222333"));
  EXPECT_EQ(p.name_pseudonym, expected("name", "berg|j|1985-04-03|m"));
  EXPECT_EQ(p.address_pseudonym, expected("address", "7511JD|12|A"));
  // The CLK is clkhash's, with the derived secret as its secret text: clkhash reproduces it.
  std::string secret = HexEncode(HkdfSha256(key.bytes(), {}, AsBytes("samenzicht/clk/v1"), 32).value());
  ClkEncoder encoder = ClkEncoder::Create(ReadClkSchemaFile(kSchemaPath).value(), AsBytes(secret)).value();
  Clk clk = encoder.Encode({"jan", "j", "van der", "berg", "1985-04-03"}).value();
  EXPECT_EQ(p.clk, clk.ToBase64());
  EXPECT_EQ(p.birth_year, 1985);
  EXPECT_EQ(p.sex, "m");
  EXPECT_EQ(p.bsn_status, BsnStatus::kValid);
  EXPECT_TRUE(p.problems.empty());
}

TEST(PseudonymiserTest, AddressWrittenDifferentlyIsOneHousehold) {
  Pseudonymiser pseudonymiser = MakePseudonymiser(FixedKey(1));
  PersonIdentity a{.postcode = "7511JD", .house_number = "12", .house_number_addition = "A"};
  PersonIdentity b{.postcode = "7511 jd", .house_number = "12-a"};
  PersonIdentity c{.postcode = "7511JD", .house_number = "12"};
  Pseudonyms pa = pseudonymiser.Pseudonymise(a).value();
  EXPECT_EQ(pa.address_pseudonym, pseudonymiser.Pseudonymise(b).value().address_pseudonym);
  EXPECT_NE(pa.address_pseudonym, pseudonymiser.Pseudonymise(c).value().address_pseudonym);
  EXPECT_TRUE(pa.clk.empty());  // no name or birth date: no CLK
  EXPECT_TRUE(pa.name_pseudonym.empty());
}

TEST(PseudonymiserTest, InvalidPartsAreFlaggedNeverUsedAndNeverQuoted) {
  Pseudonymiser pseudonymiser = MakePseudonymiser(FixedKey(1));
  PersonIdentity person = JanVanDerBerg();
  person.bsn = "123456789";  // fails the elfproef
  person.postcode = "75XX11";
  person.birth_date = "31-02-1985";
  Pseudonyms p = pseudonymiser.Pseudonymise(person).value();
  EXPECT_EQ(p.bsn_status, BsnStatus::kInvalid);
  EXPECT_TRUE(p.bsn_pseudonym.empty());
  EXPECT_TRUE(p.address_pseudonym.empty());
  EXPECT_TRUE(p.name_pseudonym.empty());  // no usable birth date
  EXPECT_FALSE(p.birth_year.has_value());
  EXPECT_FALSE(p.clk.empty());  // names still give a CLK
  ASSERT_EQ(p.problems.size(), 3u);
  for (const std::string& problem : p.problems) {
    for (std::string_view value : {"123456789", "75XX11", "31-02-1985", "Berg", "Jan"}) {
      EXPECT_EQ(problem.find(value), std::string::npos) << problem;
    }
  }
  PersonIdentity missing = JanVanDerBerg();
  missing.bsn = "";
  EXPECT_EQ(pseudonymiser.Pseudonymise(missing).value().bsn_status, BsnStatus::kMissing);
}

TEST(PseudonymiserTest, OutputCarriesNoIdentity) {
  Pseudonymiser pseudonymiser = MakePseudonymiser(FixedKey(1));
  Pseudonyms p = pseudonymiser.Pseudonymise(JanVanDerBerg()).value();
  std::string all = p.bsn_pseudonym + p.name_pseudonym + p.address_pseudonym + p.clk;
  for (std::string_view value : {"111222333", "berg", "Berg", "jan", "1985-04-03", "7511", "JD"}) {
    EXPECT_EQ(all.find(value), std::string::npos) << value;
  }
}

TEST(PseudonymiserTest, RejectsSchemaFeaturesItCannotFill) {
  ClkSchema schema = ReadClkSchemaFile(kSchemaPath).value();
  schema.features[0].identifier = "street";
  EXPECT_EQ(Pseudonymiser::Create(FixedKey(1), schema).status().code(), StatusCode::kInvalidArgument);
}

TEST(AgeTest, WholeYears) {
  EXPECT_EQ(AgeInYears(Date{2000, 2, 29}, Date{2001, 2, 28}), 0);
  EXPECT_EQ(AgeInYears(Date{2000, 2, 29}, Date{2001, 3, 1}), 1);
  EXPECT_EQ(AgeInYears(Date{1985, 4, 3}, Date{2024, 4, 3}), 39);
  EXPECT_FALSE(AgeInYears(Date{2024, 1, 2}, Date{2024, 1, 1}).has_value());
  EXPECT_EQ(NormaliseSex("Vrouw"), "v");
  EXPECT_EQ(NormaliseSex("F"), "v");
  EXPECT_EQ(NormaliseSex("onbekend"), "");
}

}  // namespace
}  // namespace sz::privacy
