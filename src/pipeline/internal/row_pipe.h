// RowPipe: hands items from one producer thread to one consumer thread in order, in batches, with a
// bound on what is in flight — so that ingest parses and validates a file on one core while the store
// writes on the other.
//
//   RowPipe<ParsedRow> pipe;
//   std::thread producer([&] { while (...) if (!pipe.Push(Parse(...))) return; pipe.Close(); });
//   ParsedRow row;
//   while (pipe.Pop(row)) Store(row);      // on an error: pipe.Cancel(); break;
//   producer.join();
//
// Contract: items come out in the order they went in. Push blocks while `max_batches` full batches
// wait; it returns false once the consumer cancelled (the producer should stop). Pop returns false
// after the producer closed and everything was taken, or after Cancel. Close and Cancel may be called
// more than once. Thread safety: exactly one producer and one consumer thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

namespace sz::pipeline::internal {

template <typename T>
class RowPipe {
 public:
  explicit RowPipe(size_t batch_size = 1024, size_t max_batches = 4)
      : batch_size_(batch_size), max_batches_(max_batches) {
    producing_.reserve(batch_size_);
  }

  bool Push(T item) {
    producing_.push_back(std::move(item));
    if (producing_.size() < batch_size_) return true;
    return Flush();
  }

  void Close() {
    Flush();
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }

  bool Pop(T& item) {
    if (next_ == consuming_.size()) {
      consuming_.clear();
      next_ = 0;
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return !queue_.empty() || closed_ || cancelled_; });
      if (cancelled_ || queue_.empty()) return false;
      consuming_ = std::move(queue_.front());
      queue_.pop_front();
      space_.notify_one();
    }
    item = std::move(consuming_[next_++]);
    return true;
  }

  void Cancel() {
    std::lock_guard<std::mutex> lock(mutex_);
    cancelled_ = true;
    space_.notify_all();
    ready_.notify_all();
  }

 private:
  bool Flush() {
    std::unique_lock<std::mutex> lock(mutex_);
    space_.wait(lock, [&] { return queue_.size() < max_batches_ || cancelled_; });
    if (cancelled_) return false;
    if (!producing_.empty()) {
      queue_.push_back(std::move(producing_));
      producing_ = std::vector<T>();
      producing_.reserve(batch_size_);
      ready_.notify_one();
    }
    return true;
  }

  const size_t batch_size_, max_batches_;
  std::vector<T> producing_;  // the producer's
  std::vector<T> consuming_;  // the consumer's
  size_t next_ = 0;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<std::vector<T>> queue_;
  bool closed_ = false, cancelled_ = false;
};

}  // namespace sz::pipeline::internal
