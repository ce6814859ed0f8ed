#include "interpreter/executor/attempt_control.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using namespace std::chrono_literals;

// A cancel callback that blocks (a PQcancel to a host that does not answer) until released.
class BlockingCallback {
 public:
  void operator()() {
    std::unique_lock lock(mutex_);
    running_ = true;
    changed_.notify_all();
    changed_.wait_for(lock, 10s, [&] { return released_; });
    running_ = false;
  }
  bool wait_until_running() {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, 10s, [&] { return running_; });
  }
  bool running() {
    std::lock_guard lock(mutex_);
    return running_;
  }
  void release() {
    std::lock_guard lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool running_ = false;
  bool released_ = false;
};

TEST(AttemptControl, TimeoutCancelsTheAttemptAndSaysSo) {
  AttemptControl control;
  std::shared_ptr<CancellationToken> token = control.begin(20ms);
  EXPECT_TRUE(token->sleep_for(10s));
  EXPECT_TRUE(control.timed_out());
}

TEST(AttemptControl, StopCancelsTheRunningAttemptAndEveryLaterOneButIsNoTimeout) {
  AttemptControl control;
  std::shared_ptr<CancellationToken> running = control.begin(std::nullopt);
  control.stop();
  EXPECT_TRUE(running->sleep_for(10s));
  EXPECT_TRUE(control.begin(1h)->requested());
  EXPECT_FALSE(control.timed_out());
}

// The executor's loop calls stop(): it must not wait for the step's callbacks.
TEST(AttemptControl, StopReturnsWhileTheAttemptsCancelCallbackBlocks) {
  AttemptControl control;
  std::shared_ptr<CancellationToken> token = control.begin(std::nullopt);
  BlockingCallback callback;
  CancellationToken::Registration registration = token->on_request([&] { callback(); });
  control.stop();
  EXPECT_TRUE(callback.wait_until_running());
  EXPECT_TRUE(callback.running()) << "stop() returned only after the callback";
  callback.release();
}

// One step's cancel hangs (its callback blocks); another step's timeout still comes on time,
// while the first is still blocked.
TEST(AttemptControl, ABlockingCancelCallbackDelaysNoOtherAttemptsTimeout) {
  AttemptControl hung, other;
  std::shared_ptr<CancellationToken> hung_token = hung.begin(std::nullopt);
  BlockingCallback callback;
  CancellationToken::Registration registration = hung_token->on_request([&] { callback(); });
  hung.stop();
  ASSERT_TRUE(callback.wait_until_running());
  std::shared_ptr<CancellationToken> other_token = other.begin(20ms);
  EXPECT_TRUE(other_token->sleep_for(10s));
  EXPECT_TRUE(other.timed_out());
  EXPECT_TRUE(callback.running()) << "the other timeout came only after the blocked callback";
  callback.release();
}

}  // namespace
}  // namespace planrun
