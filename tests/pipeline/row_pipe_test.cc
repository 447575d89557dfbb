#include "pipeline/internal/row_pipe.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace sz::pipeline::internal {
namespace {

TEST(RowPipe, HandsEveryItemOverInOrderAcrossBatches) {
  RowPipe<int> pipe(/*batch_size=*/7, /*max_batches=*/2);
  const int n = 10'001;  // not a multiple of the batch size: the last batch is partial
  std::thread producer([&] {
    for (int i = 0; i < n; ++i) ASSERT_TRUE(pipe.Push(i));
    pipe.Close();
  });
  std::vector<int> got;
  int item = -1;
  while (pipe.Pop(item)) got.push_back(item);
  producer.join();
  ASSERT_EQ(got.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) ASSERT_EQ(got[i], i);
}

TEST(RowPipe, EmptyWhenClosedAtOnce) {
  RowPipe<int> pipe;
  std::thread producer([&] { pipe.Close(); });
  int item = 0;
  EXPECT_FALSE(pipe.Pop(item));
  producer.join();
}

TEST(RowPipe, CancelStopsABlockedProducer) {
  RowPipe<int> pipe(/*batch_size=*/1, /*max_batches=*/1);
  bool stopped = false;
  std::thread producer([&] {
    for (int i = 0; i < 1'000'000; ++i) {
      if (!pipe.Push(i)) {
        stopped = true;
        return;
      }
    }
    pipe.Close();
  });
  int item = -1;
  ASSERT_TRUE(pipe.Pop(item));
  EXPECT_EQ(item, 0);
  pipe.Cancel();  // the consumer gives up, as ingest does on a store error
  producer.join();
  EXPECT_TRUE(stopped);
  EXPECT_FALSE(pipe.Pop(item));
}

}  // namespace
}  // namespace sz::pipeline::internal
