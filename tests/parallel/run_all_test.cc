#include "interpreter/parallel/run_all.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(RunAll, RunsTheWorkerOnEveryThreadTheCallersAmongThem) {
  std::mutex mutex;
  std::set<size_t> indices;
  std::set<std::thread::id> threads;
  size_t counted = 0;
  run_all(3, [&](const RunAllThread& thread) {
    std::lock_guard lock(mutex);
    indices.insert(thread.index());
    threads.insert(std::this_thread::get_id());
    counted = thread.count();
  });
  EXPECT_EQ(indices, (std::set<size_t>{0, 1, 2}));
  EXPECT_EQ(threads.size(), 3u);
  EXPECT_EQ(counted, 3u);
  EXPECT_TRUE(threads.count(std::this_thread::get_id()));
}

TEST(RunAll, AThrowOnAHelperThreadReachesTheCaller) {
  auto run = [] {
    run_all(2, [](const RunAllThread& thread) {
      if (thread.index() == 1) throw std::runtime_error("slice 7 failed");
    });
  };
  EXPECT_THROW(
      {
        try {
          run();
        } catch (const std::runtime_error& error) {
          EXPECT_STREQ(error.what(), "slice 7 failed");
          throw;
        }
      },
      std::runtime_error);
}

// The second thread throws only after the first one's exception is kept, so the order is known.
TEST(RunAll, TheFirstExceptionWins) {
  std::atomic<bool> first_thrown = false;
  try {
    run_all(2, [&](const RunAllThread& thread) {
      if (thread.index() == 1) {
        first_thrown = true;
        throw std::runtime_error("first");
      }
      while (!thread.failed()) std::this_thread::yield();
      throw std::logic_error("second");
    });
    FAIL() << "run_all returned";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "first");
  } catch (const std::logic_error& error) {
    FAIL() << "the later exception won: " << error.what();
  }
  EXPECT_TRUE(first_thrown);
}

TEST(ForEachIndex, CallsEveryIndexOnce) {
  std::vector<std::atomic<int>> calls(100);
  for_each_index(calls.size(), 4, [&](size_t index) { ++calls[index]; });
  for (size_t index = 0; index < calls.size(); ++index) EXPECT_EQ(calls[index], 1) << "index " << index;
}

// Index 0 fails while the other thread waits until it has (and then a little more, for the
// failure to be kept); after it no thread takes another index, so of 1000 at most the one
// taken before the failure ran.
TEST(ForEachIndex, AfterAFailureNoThreadTakesAnotherIndex) {
  std::atomic<size_t> ran = 0;
  std::atomic<bool> failed = false;
  EXPECT_THROW(for_each_index(1000, 2,
                              [&](size_t index) {
                                if (index == 0) {
                                  failed = true;
                                  throw std::runtime_error("index 0 failed");
                                }
                                ++ran;
                                while (!failed) std::this_thread::yield();
                                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                              }),
               std::runtime_error);
  EXPECT_LE(ran.load(), 1u);
}

TEST(ForEachIndex, NothingToDoCallsNothing) {
  bool called = false;
  for_each_index(0, 4, [&](size_t) { called = true; });
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace planrun
