#include "interpreter/parallel/cancellation_token.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using namespace std::chrono_literals;

TEST(CancellationToken, RequestCallsEachRegisteredCallbackOnce) {
  CancellationToken token;
  int calls = 0;
  auto registration = token.on_request([&] { ++calls; });
  token.request();
  token.request();
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(token.requested());
}

TEST(CancellationToken, ACallbackRegisteredAfterTheRequestIsCalledAtOnce) {
  CancellationToken token;
  token.request();
  bool called = false;
  auto registration = token.on_request([&] { called = true; });
  EXPECT_TRUE(called);
}

TEST(CancellationToken, AnUnregisteredCallbackIsNeverCalled) {
  CancellationToken token;
  bool called = false;
  { auto registration = token.on_request([&] { called = true; }); }
  token.request();
  EXPECT_FALSE(called);
}

TEST(CancellationToken, AMovedRegistrationStaysRegisteredUntilItsLastOwnerGoes) {
  CancellationToken token;
  int calls = 0;
  CancellationToken::Registration kept;
  {
    auto registration = token.on_request([&] { ++calls; });
    kept = std::move(registration);
  }
  token.request();
  EXPECT_EQ(calls, 1);
}

TEST(CancellationToken, SleepWakesAtOnceOnRequest) {
  CancellationToken token;
  std::thread requester([&] {
    std::this_thread::sleep_for(20ms);
    token.request();
  });
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(token.sleep_for(10s));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  requester.join();
}

// Threads register and unregister while another requests: every callback still registered when
// request() returns has run exactly once, and none runs after its registration is gone.
TEST(CancellationToken, RegisteringFromManyThreadsWhileRequestingCallsEveryLiveCallbackOnce) {
  for (int round = 0; round < 20; ++round) {
    CancellationToken token;
    constexpr int threads = 8;
    std::vector<std::atomic<int>> calls(threads);
    std::vector<std::atomic<bool>> released(threads);
    std::atomic<bool> request_returned{false};
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i)
      workers.emplace_back([&, i] {
        for (int churn = 0; churn < 50; ++churn) {
          auto temporary = token.on_request([] {});
        }
        auto registration = token.on_request([&, i] {
          EXPECT_FALSE(released[i].load());
          ++calls[i];
        });
        while (!request_returned) std::this_thread::yield();
        registration = {};
        released[i] = true;
      });
    std::this_thread::sleep_for(1ms);
    token.request();
    request_returned = true;
    for (auto& worker : workers) worker.join();
    for (int i = 0; i < threads; ++i) EXPECT_EQ(calls[i].load(), 1) << "thread " << i;
  }
}

TEST(CancellationToken, UnregisteringWaitsForTheRunningCallbackToReturn) {
  CancellationToken token;
  std::atomic<bool> inside{false}, finished{false};
  auto registration = token.on_request([&] {
    inside = true;
    std::this_thread::sleep_for(50ms);
    finished = true;
  });
  std::thread requester([&] { token.request(); });
  while (!inside) std::this_thread::yield();
  registration = {};
  EXPECT_TRUE(finished.load());
  requester.join();
}

}  // namespace
}  // namespace planrun
