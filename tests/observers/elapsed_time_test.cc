#include "interpreter/observers/elapsed_time.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(ElapsedTime, ShowsTenthsOfASecondBelowAMinute) {
  EXPECT_EQ(format_elapsed(milliseconds(0)), "0.0s");
  EXPECT_EQ(format_elapsed(milliseconds(2300)), "2.3s");
  EXPECT_EQ(format_elapsed(milliseconds(12449)), "12.4s");
  EXPECT_EQ(format_elapsed(milliseconds(59949)), "59.9s");
}

TEST(ElapsedTime, ShowsMinutesAndHoursWithoutCarryingPast60) {
  EXPECT_EQ(format_elapsed(milliseconds(59950)), "1m00s");
  EXPECT_EQ(format_elapsed(milliseconds(125000)), "2m05s");
  EXPECT_EQ(format_elapsed(milliseconds(3599499)), "59m59s");
  EXPECT_EQ(format_elapsed(milliseconds(3599500)), "1h00m");
  EXPECT_EQ(format_elapsed(milliseconds(3720000)), "1h02m");
}

TEST(ElapsedTime, CountdownReadsLikeAClock) {
  EXPECT_EQ(format_countdown(seconds(0)), "0:00");
  EXPECT_EQ(format_countdown(seconds(31)), "0:31");
  EXPECT_EQ(format_countdown(seconds(725)), "12:05");
  EXPECT_EQ(format_countdown(seconds(3723)), "1:02:03");
}

}  // namespace
}  // namespace planrun
