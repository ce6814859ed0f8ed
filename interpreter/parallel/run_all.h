#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace planrun {

// What run_all tells each of its threads: which one it is (0 is the caller's own), how many
// run, and whether one has failed, after which a thread should take no new work.
class RunAllThread {
 public:
  RunAllThread(size_t index, size_t count, const std::atomic<bool>& failed)
      : index_(index), count_(count), failed_(failed) {}
  size_t index() const { return index_; }
  size_t count() const { return count_; }
  bool failed() const { return failed_.load(); }

 private:
  size_t index_;
  size_t count_;
  const std::atomic<bool>& failed_;
};

// Runs `worker` on up to `threads` threads at once, the caller's among them, and returns once
// every one has returned. The first exception any of them throws is rethrown here, on the
// caller's thread; later ones are dropped (they are most often the same cause seen again).
// Threads the system will not start (a process limit) are left out: the caller's always runs,
// and every worker learns the final count before it starts.
void run_all(size_t threads, const std::function<void(const RunAllThread&)>& worker);

// Calls `work(index)` for every index in [0, count) from up to `threads` threads, each taking
// the next index as it finishes one, so a thread that starts late or runs slow simply takes
// fewer. After the first failure no thread takes another index; that failure is rethrown.
void for_each_index(size_t count, size_t threads, const std::function<void(size_t index)>& work);

}  // namespace planrun
