// Known-answer tests for the primitives: RFC 4231 (HMAC-SHA256), RFC 5869 (HKDF-SHA256, cases 1–3),
// BLAKE2b MACs as Python's hashlib.blake2b computes them, SHA-256 (FIPS 180-2), hex and base64.
#include <gtest/gtest.h>

#include <string>

#include "privacy/blake2b.h"
#include "privacy/bytes.h"
#include "privacy/hash.h"
#include "privacy/hkdf.h"
#include "privacy/hmac.h"
#include "privacy/random.h"

namespace sz::privacy {
namespace {

Bytes Repeat(uint8_t byte, size_t count) { return Bytes(count, byte); }
Bytes Range(int from, int to) {  // [from, to)
  Bytes out;
  for (int b = from; b < to; ++b) out.push_back(static_cast<uint8_t>(b));
  return out;
}

struct HmacCase {
  const char* name;
  Bytes key;
  std::string data;
  std::string expected_hex;  // may be a prefix (test case 5 truncates to 128 bits)
};

TEST(HmacSha256Test, Rfc4231TestCases) {
  const std::string kLargeData =
      "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be "
      "hashed before being used by the HMAC algorithm.";
  std::vector<HmacCase> cases = {
      {"1", Repeat(0x0b, 20), "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {"2", Bytes{'J', 'e', 'f', 'e'}, "what do ya want for nothing?",
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {"3", Repeat(0xaa, 20), std::string(50, '\xdd'),
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
      {"4", Range(1, 26), std::string(50, '\xcd'), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
      {"5", Repeat(0x0c, 20), "Test With Truncation", "a3b6167473100ee06e0c796c2955552b"},
      {"6", Repeat(0xaa, 131), "Test Using Larger Than Block-Size Key - Hash Key First",
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
      {"7", Repeat(0xaa, 131), kLargeData, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
  };
  for (const HmacCase& c : cases) {
    SCOPED_TRACE(std::string("RFC 4231 test case ") + c.name);
    Result<Sha256Digest> tag = HmacSha256(c.key, AsBytes(c.data));
    ASSERT_TRUE(tag.ok()) << tag.status().ToString();
    EXPECT_EQ(HexEncode(*tag).substr(0, c.expected_hex.size()), c.expected_hex);
  }
}

TEST(HmacContextTest, ReusedContextMatchesOneShotAndSplitInput) {
  Bytes key = Repeat(0x0b, 20);
  Result<HmacContext> context = HmacContext::Create(HashAlgorithm::kSha256, key);
  ASSERT_TRUE(context.ok());
  Sha256Digest out;
  for (int round = 0; round < 3; ++round) {
    ASSERT_TRUE(context->Compute(AsBytes("Hi There"), out).ok());
    EXPECT_EQ(HexEncode(out), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  }
  ASSERT_TRUE(context->Compute(AsBytes("Hi "), AsBytes("There"), out).ok());
  EXPECT_EQ(HexEncode(out), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  HmacContext copy = *context;
  ASSERT_TRUE(copy.Compute(AsBytes("Hi There"), out).ok());
  EXPECT_EQ(HexEncode(out), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(HmacTest, Sha1AndMd5AsPythonHmac) {
  const std::string kFox = "The quick brown fox jumps over the lazy dog";
  Result<Bytes> md5 = Hmac(HashAlgorithm::kMd5, AsBytes("key"), AsBytes(kFox));
  Result<Bytes> sha1 = Hmac(HashAlgorithm::kSha1, AsBytes("key"), AsBytes(kFox));
  ASSERT_TRUE(md5.ok() && sha1.ok());
  EXPECT_EQ(HexEncode(*md5), "80070713463e7749b90c2dc24911e275");
  EXPECT_EQ(HexEncode(*sha1), "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9");
}

struct HkdfCase {
  const char* name;
  Bytes ikm, salt, info;
  size_t length;
  std::string okm_hex;
};

TEST(HkdfTest, Rfc5869TestCases1To3) {
  std::vector<HkdfCase> cases = {
      {"1", Repeat(0x0b, 22), Range(0x00, 0x0d), Range(0xf0, 0xfa), 42,
       "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"},
      {"2", Range(0x00, 0x50), Range(0x60, 0xb0), Range(0xb0, 0x100), 82,
       "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09"
       "b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"},
      {"3", Repeat(0x0b, 22), Bytes{}, Bytes{}, 42,
       "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"},
  };
  for (const HkdfCase& c : cases) {
    SCOPED_TRACE(std::string("RFC 5869 test case ") + c.name);
    Result<Bytes> okm = HkdfSha256(c.ikm, c.salt, c.info, c.length);
    ASSERT_TRUE(okm.ok()) << okm.status().ToString();
    EXPECT_EQ(HexEncode(*okm), c.okm_hex);
  }
}

TEST(HkdfTest, RejectsLengthOutOfRange) {
  EXPECT_EQ(HkdfSha256(AsBytes("k"), {}, {}, 0).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(HkdfSha256(AsBytes("k"), {}, {}, 255 * 32 + 1).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HkdfSha256(AsBytes("k"), {}, {}, 255 * 32).ok());
  EXPECT_EQ(Hkdf(HashAlgorithm::kMd5, AsBytes("k"), {}, {}, 16).status().code(), StatusCode::kInvalidArgument);
}

TEST(Blake2bTest, MatchesPythonHashlib) {
  // python3 -c "import hashlib; print(hashlib.blake2b(b'hello', key=b'k'*64, salt=b'0').hexdigest())"
  Result<Bytes> salted = Blake2bMac(Bytes(64, 'k'), AsBytes("hello"), 64, AsBytes("0"));
  ASSERT_TRUE(salted.ok()) << salted.status().ToString();
  EXPECT_EQ(HexEncode(*salted),
            "224b5d6f969c3439e2223919177f283da1b20e0d1cd4761740408200ae4cb27f4d2e048f93ca4c5789a2af9344841888beb1223f0a"
            "6de88b309cb3a7f68be871");
  // hashlib.blake2b(b'hello', key=b'key', digest_size=32)
  Result<Bytes> short_digest = Blake2bMac(AsBytes("key"), AsBytes("hello"), 32);
  ASSERT_TRUE(short_digest.ok());
  EXPECT_EQ(HexEncode(*short_digest), "30002f17070c8cee9d5cc38cc0bf4ef6f2c709b2c8f556dcd5e7f8c20901bb30");
  // hashlib.blake2b(b'', key=b'key', salt=b'1')
  Result<Bytes> empty = Blake2bMac(AsBytes("key"), AsBytes(""), 64, AsBytes("1"));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(HexEncode(*empty),
            "78ba464450e270bfc659f3045614dd5a4226a021aa5091517957451b6fba564311e30e15a03f4efb202c6b9cf5a9b93a1530fadee8"
            "6bab78cb83db6632447008");
}

TEST(Blake2bTest, ContextChangesSaltBetweenCalls) {
  Result<Blake2bMacContext> context = Blake2bMacContext::Create(Bytes(64, 'k'));
  ASSERT_TRUE(context.ok());
  Bytes out(64);
  ASSERT_TRUE(context->Compute(AsBytes("hello"), AsBytes("1"), out).ok());
  ASSERT_TRUE(context->Compute(AsBytes("hello"), AsBytes("0"), out).ok());
  EXPECT_EQ(HexEncode(out).substr(0, 16), "224b5d6f969c3439");
}

TEST(Blake2bTest, RejectsBadSizes) {
  EXPECT_EQ(Blake2bMac(Bytes(65, 'k'), AsBytes("x")).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Blake2bMac(Bytes{}, AsBytes("x")).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Blake2bMac(Bytes(8, 'k'), AsBytes("x"), 65).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Blake2bMac(Bytes(8, 'k'), AsBytes("x"), 64, Bytes(17, 's')).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(Sha256Test, Fips180Examples) {
  Result<Sha256Digest> abc = Sha256(AsBytes("abc"));
  ASSERT_TRUE(abc.ok());
  EXPECT_EQ(HexEncode(*abc), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Result<Sha256Digest> empty = Sha256(AsBytes(""));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(HexEncode(*empty), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(BytesTest, HexRoundTripAndErrors) {
  Bytes bytes = {0x00, 0x7f, 0x80, 0xff};
  EXPECT_EQ(HexEncode(bytes), "007f80ff");
  Result<Bytes> decoded = HexDecode("007F80ff");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, bytes);
  EXPECT_EQ(HexDecode("abc").status().code(), StatusCode::kDataError);
  EXPECT_EQ(HexDecode("zz").status().code(), StatusCode::kDataError);
}

TEST(BytesTest, Base64AsRfc4648) {
  const std::vector<std::pair<std::string, std::string>> vectors = {
      {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(Base64Encode(AsBytes(plain)), encoded);
    Result<Bytes> decoded = Base64Decode(encoded);
    ASSERT_TRUE(decoded.ok()) << encoded;
    EXPECT_EQ(std::string(decoded->begin(), decoded->end()), plain);
  }
  EXPECT_EQ(Base64Decode("Zm9").status().code(), StatusCode::kDataError);
  EXPECT_EQ(Base64Decode("Zm=v").status().code(), StatusCode::kDataError);
  EXPECT_EQ(Base64Decode("Z!9v").status().code(), StatusCode::kDataError);
}

TEST(SecureRandomTest, FillsAndDiffers) {
  std::array<uint8_t, 32> a{}, b{};
  ASSERT_TRUE(SecureRandom(a).ok());
  ASSERT_TRUE(SecureRandom(b).ok());
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace sz::privacy
