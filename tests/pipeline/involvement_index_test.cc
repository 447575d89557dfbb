#include "pipeline/internal/involvement_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sz::pipeline::internal {
namespace {

struct Item {
  std::string source, record_id;
  int betrokkene_nr = 0;
};

// Against a linear search over every item: each key is found at its positions, in order, and no other.
TEST(InvolvementIndexTest, FindsEveryKeyAsALinearSearchDoes) {
  std::vector<Item> items;
  for (int i = 0; i < 500; ++i) {
    items.push_back({i % 2 ? "wmo" : "jeugdhulp", "R" + std::to_string(i / 3), i % 3 + 1});
  }
  items.push_back(items[17]);  // a duplicate
  const InvolvementIndex index(items);
  EXPECT_TRUE(index.HasDuplicate(items));
  for (const Item& probe : items) {
    std::vector<uint32_t> expected, found;
    for (size_t i = 0; i < items.size(); ++i) {
      const Item& item = items[i];
      if (item.source == probe.source && item.record_id == probe.record_id &&
          item.betrokkene_nr == probe.betrokkene_nr) {
        expected.push_back(static_cast<uint32_t>(i));
      }
    }
    index.ForEachMatch(items, probe.source, probe.record_id, probe.betrokkene_nr,
                       [&](uint32_t i) { found.push_back(i); });
    EXPECT_EQ(found, expected) << probe.source << " " << probe.record_id << " " << probe.betrokkene_nr;
    EXPECT_EQ(index.Find(items, probe.source, probe.record_id, probe.betrokkene_nr), expected.front());
  }
  EXPECT_EQ(index.Find(items, "wmo", "R0", 9), InvolvementIndex::kNone);
  EXPECT_EQ(index.Find(items, "veilig_thuis", "R1", 1), InvolvementIndex::kNone);

  items.pop_back();
  EXPECT_FALSE(InvolvementIndex(items).HasDuplicate(items));
}

}  // namespace
}  // namespace sz::pipeline::internal
