#include "interpreter/observers/rate_window.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using std::chrono::milliseconds;
using std::chrono::seconds;
const RateWindow::Clock::time_point kStart{seconds(1000)};

TEST(RateWindow, KnowsNoRateUntilHalfASecondIsCovered) {
  RateWindow window;
  EXPECT_FALSE(window.per_second());
  window.add(kStart, 0);
  EXPECT_FALSE(window.per_second());
  window.add(kStart + milliseconds(400), 400);
  EXPECT_FALSE(window.per_second());
  window.add(kStart + milliseconds(500), 500);
  ASSERT_TRUE(window.per_second());
  EXPECT_DOUBLE_EQ(*window.per_second(), 1000.0);
}

TEST(RateWindow, FollowsAChangeOfPaceOnceTheWindowHasMoved) {
  RateWindow window(seconds(5));
  uint64_t value = 0;
  for (int second = 0; second <= 10; ++second, value += 100) window.add(kStart + seconds(second), value);
  EXPECT_DOUBLE_EQ(*window.per_second(), 100.0);
  value -= 100;
  for (int second = 11; second <= 20; ++second) window.add(kStart + seconds(second), value += 1000);
  EXPECT_DOUBLE_EQ(*window.per_second(), 1000.0);
}

TEST(RateWindow, FrequentReportsMergeWithoutSkewingTheRate) {
  RateWindow window;
  for (int ms = 0; ms <= 3000; ++ms) window.add(kStart + milliseconds(ms), static_cast<uint64_t>(ms) * 2);
  EXPECT_DOUBLE_EQ(*window.per_second(), 2000.0);
}

TEST(RateWindow, ACounterGoingBackStartsOver) {
  RateWindow window;
  window.add(kStart, 0);
  window.add(kStart + seconds(1), 1000);
  window.add(kStart + seconds(2), 10);
  EXPECT_FALSE(window.per_second());
  window.add(kStart + seconds(3), 110);
  EXPECT_DOUBLE_EQ(*window.per_second(), 100.0);
}

}  // namespace
}  // namespace planrun
