#include "interpreter/parallel/run_all.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace planrun {

namespace {

// The exception that ends a run_all: the first one wins.
class FirstFailure {
 public:
  void keep(std::exception_ptr failure) {
    std::lock_guard lock(mutex_);
    if (!first_) first_ = std::move(failure);
    failed_ = true;
  }
  const std::atomic<bool>& failed() const { return failed_; }
  void rethrow() {
    if (first_) std::rethrow_exception(first_);
  }

 private:
  std::mutex mutex_;
  std::exception_ptr first_;
  std::atomic<bool> failed_ = false;
};

}  // namespace

void run_all(size_t threads, const std::function<void(const RunAllThread&)>& worker) {
  FirstFailure failure;
  // Helpers wait for the count, so that every worker knows how many there are before it starts.
  std::atomic<size_t> count = 0;
  auto run = [&](size_t index) {
    count.wait(0);
    try {
      worker(RunAllThread(index, count.load(), failure.failed()));
    } catch (...) {
      failure.keep(std::current_exception());
    }
  };
  std::vector<std::jthread> helpers;
  for (size_t index = 1; index < threads; ++index) {
    try {
      helpers.emplace_back(run, index);
    } catch (...) {
      break;  // no thread to be had (a process limit): the ones there are do the work
    }
  }
  count = helpers.size() + 1;
  count.notify_all();
  run(0);
  helpers.clear();  // joins them
  failure.rethrow();
}

void for_each_index(size_t count, size_t threads, const std::function<void(size_t index)>& work) {
  std::atomic<size_t> next = 0;
  run_all(std::min(threads, count), [&](const RunAllThread& thread) {
    for (size_t index = next++; index < count && !thread.failed(); index = next++) work(index);
  });
}

}  // namespace planrun
