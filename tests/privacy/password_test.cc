// Argon2id password hashes and fresh passwords (privacy/password.h).
#include "privacy/password.h"

#include <gtest/gtest.h>

#include <set>

namespace sz::privacy {
namespace {

TEST(PasswordTest, AHashVerifiesItsOwnPasswordAndNoOther) {
  Result<std::string> hash = HashPassword("correct horse battery staple", PasswordCost::Minimal());
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$v=19$", 0), 0u) << *hash;
  EXPECT_EQ(hash->find("correct"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery stapl"));
  EXPECT_FALSE(VerifyPassword(*hash, "Correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
}

TEST(PasswordTest, TheSamePasswordGetsAFreshSaltEachTime) {
  Result<std::string> first = HashPassword("geheim-wachtwoord", PasswordCost::Minimal());
  Result<std::string> second = HashPassword("geheim-wachtwoord", PasswordCost::Minimal());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);
  EXPECT_TRUE(VerifyPassword(*second, "geheim-wachtwoord"));
}

// The reference implementation's known answer (phc-winner-argon2, src/test.c): Argon2id, version
// 0x13, t = 2, m = 64 MiB, p = 1, password "password", salt "somesalt".
TEST(PasswordTest, VerifiesTheReferenceImplementationsKnownAnswer) {
  const std::string reference =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
  EXPECT_TRUE(VerifyPassword(reference, "password"));
  EXPECT_FALSE(VerifyPassword(reference, "passwore"));
}

TEST(PasswordTest, TheInteractiveCostIsLibsodiumsInteractiveLevel) {
  Result<std::string> hash = HashPassword("een lang genoeg wachtwoord");
  ASSERT_TRUE(hash.ok());
  EXPECT_NE(hash->find("m=65536,t=2,p=1"), std::string::npos) << *hash;
}

TEST(PasswordTest, AHashThatIsNotArgon2idNeverVerifies) {
  EXPECT_FALSE(VerifyPassword("", "x"));
  EXPECT_FALSE(VerifyPassword("x", "x"));
  EXPECT_FALSE(VerifyPassword("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA",
                              "password"));
  EXPECT_FALSE(VerifyPassword("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$", "password"));
  EXPECT_FALSE(VerifyPassword(std::string(200, '$'), "password"));
}

TEST(PasswordTest, RefusesNulBytesAndOverlongPasswords) {
  Result<std::string> nul = HashPassword(std::string("abc\0def", 7), PasswordCost::Minimal());
  EXPECT_EQ(nul.status().code(), StatusCode::kInvalidArgument);
  Result<std::string> overlong = HashPassword(std::string(kMaxPasswordBytes + 1, 'a'), PasswordCost::Minimal());
  EXPECT_EQ(overlong.status().code(), StatusCode::kInvalidArgument);
  Result<std::string> longest = HashPassword(std::string(kMaxPasswordBytes, 'a'), PasswordCost::Minimal());
  EXPECT_TRUE(longest.ok());
}

TEST(PasswordTest, GeneratedPasswordsHaveTheLengthAndAlphabetAndDiffer) {
  const std::string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::set<std::string> seen;
  std::set<char> characters;
  for (int i = 0; i < 200; ++i) {
    Result<std::string> password = GeneratePassword();
    ASSERT_TRUE(password.ok());
    ASSERT_EQ(password->size(), 20u);
    for (char c : *password) {
      ASSERT_NE(alphabet.find(c), std::string::npos) << c;
      characters.insert(c);
    }
    seen.insert(*password);
  }
  EXPECT_EQ(seen.size(), 200u);
  // 4,000 uniform draws from 57 characters: each appears about 70 times; missing one is impossible
  // in practice (probability below 57 * (56/57)^4000).
  EXPECT_EQ(characters.size(), alphabet.size());
  EXPECT_EQ(GeneratePassword(5)->size(), 5u);
}

}  // namespace
}  // namespace sz::privacy
