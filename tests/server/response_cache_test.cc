#include "server/response_cache.h"

#include <gtest/gtest.h>

namespace sz::server {
namespace {

TEST(ResponseCacheTest, KeepsAnAnswerForItsKeyUnderItsVersion) {
  ResponseCache cache;
  EXPECT_FALSE(cache.Find("v1", "a").has_value());  // first sight of v1
  cache.Put("v1", "a", {"{\"a\":1}", 3});
  std::optional<CachedAnswer> hit = cache.Find("v1", "a");
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->body, "{\"a\":1}");
  EXPECT_EQ(hit->cells, 3);
  EXPECT_FALSE(cache.Find("v1", "b").has_value());
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.bytes(), 1u + 7u);
}

TEST(ResponseCacheTest, ANewVersionEmptiesTheCache) {
  ResponseCache cache;
  cache.Find("v1", "a");
  cache.Put("v1", "a", {"x", 1});
  EXPECT_FALSE(cache.Find("v2", "a").has_value());
  EXPECT_EQ(cache.entries(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
  // An answer read under the old version arriving late is not kept.
  cache.Put("v1", "a", {"old", 1});
  EXPECT_FALSE(cache.Find("v2", "a").has_value());
  cache.Put("v2", "a", {"new", 2});
  ASSERT_TRUE(cache.Find("v2", "a").has_value());
  EXPECT_EQ(cache.Find("v2", "a")->body, "new");
}

TEST(ResponseCacheTest, StartsAgainEmptyWhenFullAndSkipsAnswersLargerThanTheBound) {
  ResponseCache cache(10);
  cache.Find("v", "k");
  cache.Put("v", "a", {"1234", 1});  // 5 bytes
  cache.Put("v", "b", {"1234", 1});  // 10 bytes: full
  EXPECT_EQ(cache.entries(), 2u);
  cache.Put("v", "c", {"1234", 1});  // would be 15: starts again with only c
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.bytes(), 5u);
  EXPECT_TRUE(cache.Find("v", "c").has_value());
  EXPECT_FALSE(cache.Find("v", "a").has_value());
  cache.Put("v", "d", {"12345678901", 1});  // larger than the bound on its own
  EXPECT_FALSE(cache.Find("v", "d").has_value());
  EXPECT_EQ(cache.entries(), 1u);
}

}  // namespace
}  // namespace sz::server
