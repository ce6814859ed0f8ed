#include <gtest/gtest.h>

#include "interpreter/values/duration.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using std::chrono::milliseconds;

TEST(Duration, ParsesEachUnit) {
  EXPECT_EQ(parse_duration("500ms"), milliseconds(500));
  EXPECT_EQ(parse_duration("30s"), milliseconds(30'000));
  EXPECT_EQ(parse_duration("5m"), milliseconds(300'000));
  EXPECT_EQ(parse_duration("1h"), milliseconds(3'600'000));
  EXPECT_EQ(parse_duration("2d"), milliseconds(172'800'000));
  EXPECT_EQ(parse_duration("0s"), milliseconds(0));
}

TEST(Duration, BareNumberIsSeconds) {
  EXPECT_EQ(parse_duration("45"), milliseconds(45'000));
  EXPECT_EQ(parse_duration("0"), milliseconds(0));
}

TEST(Duration, CompositeLargestUnitFirst) {
  EXPECT_EQ(parse_duration("1h30m"), milliseconds(5'400'000));
  EXPECT_EQ(parse_duration("1d2h3m4s5ms"), milliseconds(93'784'005));
  EXPECT_EQ(parse_duration("90m"), milliseconds(5'400'000));
  EXPECT_EQ(parse_duration("1m500ms"), milliseconds(60'500));
}

TEST(Duration, RejectsMalformedText) {
  for (std::string_view bad : {"", "-5", "-5s", "5x", "s", "ms", "1h1h", "30m1h", "1.5h", "1h30", " 5s", "5s ", "5 s",
                               "1H", "5sec", "+5", "99999999999999999999", "9223372036854775807d"})
    EXPECT_EQ(parse_duration(bad), std::nullopt) << "'" << bad << "'";
}

TEST(Duration, FormatsTheShortestCompositeForm) {
  EXPECT_EQ(format_duration(milliseconds(5'400'000)), "1h30m");
  EXPECT_EQ(format_duration(milliseconds(45'000)), "45s");
  EXPECT_EQ(format_duration(milliseconds(250)), "250ms");
  EXPECT_EQ(format_duration(milliseconds(60'000)), "1m");
  EXPECT_EQ(format_duration(milliseconds(1'500)), "1s500ms");
  EXPECT_EQ(format_duration(milliseconds(86'400'000)), "1d");
  EXPECT_EQ(format_duration(milliseconds(90'061'001)), "1d1h1m1s1ms");
  EXPECT_EQ(format_duration(milliseconds(0)), "0s");
  EXPECT_EQ(format_duration(milliseconds(-1'500)), "-1s500ms");
}

TEST(Duration, FormatAndParseRoundTrip) {
  for (int64_t ms : {1, 999, 1'000, 61'000, 3'599'999, 86'400'001, 1'234'567'890})
    EXPECT_EQ(parse_duration(format_duration(milliseconds(ms))), milliseconds(ms)) << ms;
}

}  // namespace
}  // namespace planrun
