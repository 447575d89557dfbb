#include "privacy/key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "privacy/hmac.h"

namespace sz::privacy {
namespace {

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sz_key_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(KeyFileTest, WritesMode0600HexLineAndReadsBack) {
  Result<Key> key = Key::Generate();
  ASSERT_TRUE(key.ok());
  ASSERT_TRUE(key->WriteFile(Path("desk.key")).ok());

  struct stat info;
  ASSERT_EQ(stat(Path("desk.key").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_EQ(info.st_size, 65);

  std::ifstream in(Path("desk.key"));
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), HexEncode(key->bytes()) + "\n");

  Result<Key> read = Key::ReadFile(Path("desk.key"));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_TRUE(*read == *key);
  EXPECT_EQ(read->Fingerprint(), key->Fingerprint());
}

TEST_F(KeyFileTest, RefusesToOverwrite) {
  Result<Key> first = Key::Generate();
  Result<Key> second = Key::Generate();
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(first->WriteFile(Path("desk.key")).ok());
  Status status = second->WriteFile(Path("desk.key"));
  EXPECT_EQ(status.code(), StatusCode::kAlreadyExists);
  Result<Key> read = Key::ReadFile(Path("desk.key"));
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(*read == *first);
}

TEST_F(KeyFileTest, RefusesToFollowASymlink) {
  std::filesystem::create_symlink(Path("target.key"), Path("link.key"));
  Result<Key> key = Key::Generate();
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->WriteFile(Path("link.key")).code(), StatusCode::kAlreadyExists);
  EXPECT_FALSE(std::filesystem::exists(Path("target.key")));
}

TEST_F(KeyFileTest, ReadErrorsNeverShowTheContent) {
  EXPECT_EQ(Key::ReadFile(Path("missing.key")).status().code(), StatusCode::kNotFound);
  {
    std::ofstream out(Path("bad.key"));
    out << "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeZZ\n";
  }
  Result<Key> bad = Key::ReadFile(Path("bad.key"));
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  EXPECT_EQ(bad.status().message().find("00112233"), std::string::npos);
  EXPECT_NE(bad.status().message().find("bad.key"), std::string::npos);
}

TEST(KeyTest, ParseAcceptsUppercaseAndCrlfOnly) {
  const std::string hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  Result<Key> lower = Key::Parse(hex + "\n");
  Result<Key> upper = Key::Parse("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F\r\n");
  ASSERT_TRUE(lower.ok() && upper.ok());
  EXPECT_TRUE(*lower == *upper);
  EXPECT_EQ(Key::Parse(hex.substr(2)).status().code(), StatusCode::kDataError);
  EXPECT_EQ(Key::Parse(" " + hex).status().code(), StatusCode::kDataError);
  EXPECT_EQ(Key::FromBytes(Bytes(31, 0)).status().code(), StatusCode::kInvalidArgument);
}

TEST(KeyTest, FingerprintIsDocumentedDerivationAndNotTheKey) {
  Bytes bytes(32);
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<uint8_t>(i);
  Result<Key> key = Key::FromBytes(bytes);
  ASSERT_TRUE(key.ok());
  Result<Sha256Digest> tag = HmacSha256(bytes, AsBytes("samenzicht-fingerprint-v1"));
  ASSERT_TRUE(tag.ok());
  EXPECT_EQ(key->Fingerprint(), HexEncode(*tag).substr(0, 16));
  EXPECT_EQ(key->Fingerprint().size(), 16u);
  EXPECT_EQ(HexEncode(key->bytes()).find(key->Fingerprint()), std::string::npos);

  Result<Key> other = Key::Generate();
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->Fingerprint(), key->Fingerprint());
}

}  // namespace
}  // namespace sz::privacy
