#include "interpreter/parallel/for_each_slice.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace planrun {
namespace PLANRUN_UNITY_ID {

struct Call {
  size_t slice, first, count;
  friend bool operator<(const Call& a, const Call& b) { return a.slice < b.slice; }
};

std::set<Call> calls_for(size_t total, size_t slice_size) {
  std::mutex mutex;
  std::set<Call> calls;
  for_each_slice(total, slice_size, [&](size_t slice, size_t first, size_t count) {
    std::lock_guard lock(mutex);
    EXPECT_TRUE(calls.insert({slice, first, count}).second) << "slice " << slice << " ran twice";
  });
  return calls;
}

TEST(ForEachSlice, CoversEveryItemOnceInSlicesOfTheGivenSize) {
  std::set<Call> calls = calls_for(1003, 100);
  ASSERT_EQ(calls.size(), 11u);
  size_t next = 0;
  for (const Call& call : calls) {
    EXPECT_EQ(call.first, next) << "slice " << call.slice;
    EXPECT_EQ(call.count, call.slice < 10 ? 100u : 3u) << "slice " << call.slice;
    next += call.count;
  }
  EXPECT_EQ(next, 1003u);
}

TEST(ForEachSlice, NothingToDoCallsNothing) { EXPECT_TRUE(calls_for(0, 100).empty()); }

TEST(ForEachSlice, UsesAtMostOneThreadACore) {
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::vector<int> done(64, 0);
  for_each_slice(done.size(), 1, [&](size_t slice, size_t, size_t) {
    done[slice] += 1;
    std::lock_guard lock(mutex);
    threads.insert(std::this_thread::get_id());
  });
  EXPECT_EQ(std::count(done.begin(), done.end(), 1), 64);
  EXPECT_LE(threads.size(), std::max(1u, std::thread::hardware_concurrency()));
}

// A compile slice that throws used to end the process (std::terminate on a helper thread).
TEST(ForEachSlice, AThrowInASliceReachesTheCaller) {
  EXPECT_THROW(for_each_slice(64, 1,
                              [](size_t slice, size_t, size_t) {
                                if (slice == 5) throw std::runtime_error("slice 5 failed");
                              }),
               std::runtime_error);
}

}  // namespace
}  // namespace planrun
