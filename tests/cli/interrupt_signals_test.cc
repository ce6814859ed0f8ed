#include "interpreter/cli/interrupt_signals.h"

#include <gtest/gtest.h>

#include <signal.h>

#include <atomic>
#include <chrono>

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(InterruptSignals, SigtermRequestsCancellationAndTellsTheOperatorOnce) {
  CancellationToken token;
  std::atomic<int> told = 0;
  {
    InterruptSignals signals(token, [&] { ++told; });
    raise(SIGTERM);
    EXPECT_TRUE(token.sleep_for(std::chrono::seconds(10)));
    raise(SIGTERM);
    raise(SIGHUP);
  }  // the watcher has ended: every wake-up it was sent is handled
  EXPECT_EQ(told.load(), 1);
}

}  // namespace
}  // namespace planrun
