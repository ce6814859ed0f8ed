#include "interpreter/observers/progress_bar.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using std::chrono::seconds;
using Unit = ProgressReporter::Unit;
const ProgressBar::Clock::time_point kStart{seconds(1000)};

TEST(ProgressBar, ShowsBarPercentAndAmountOfAKnownTotal) {
  ProgressBar bar("copy-db");
  bar.update(kStart, 580, 1000, Unit::Rows);
  EXPECT_EQ(bar.render(7, 79), "copy-db  [#################.............]  58%  580 rows");
}

TEST(ProgressBar, AddsRateAndEtaOnceTheRateIsKnown) {
  ProgressBar bar("copy-db");
  bar.update(kStart, 0, 100'000, Unit::Rows);
  bar.update(kStart + seconds(1), 40'000, 100'000, Unit::Rows);
  // 60k rows left at 40k rows/s: 1.5 s, rounded up.
  EXPECT_EQ(bar.render(7, 79), "copy-db  [############..................]  40%  40k rows  40k rows/s  ETA 0:02");
}

TEST(ProgressBar, TheBarShrinksToFitAndTheLineIsCutAtTheWidth) {
  ProgressBar bar("copy-db");
  bar.update(kStart, 0, 100'000, Unit::Rows);
  bar.update(kStart + seconds(1), 40'000, 100'000, Unit::Rows);
  EXPECT_EQ(bar.render(7, 60), "copy-db  [####........]  40%  40k rows  40k rows/s  ETA 0:02");
  EXPECT_EQ(bar.render(7, 40), "copy-db  [####......]  40%  40k rows  40");
}

TEST(ProgressBar, PadsTheIdAndShowsCompletion) {
  ProgressBar bar("a");
  bar.update(kStart, 1000, 1000, Unit::Files);
  EXPECT_EQ(bar.render(7, 79), "a        [##############################] 100%  1.0k files");
}

TEST(ProgressBar, WithoutATotalShowsOnlyAmountAndRate) {
  ProgressBar bar("copy-dir");
  bar.update(kStart, 0, 0, Unit::Bytes);
  bar.update(kStart + seconds(2), 3ull << 20, 0, Unit::Bytes);
  EXPECT_EQ(bar.render(8, 79), "copy-dir  3.0 MiB  1.5 MiB/s");
}

TEST(ProgressBar, NoEtaWhileNothingMoves) {
  ProgressBar bar("wait");
  bar.update(kStart, 10, 100, Unit::Items);
  bar.update(kStart + seconds(1), 10, 100, Unit::Items);
  EXPECT_EQ(bar.render(4, 79), "wait  [###...........................]  10%  10 items  0.0 items/s");
}

}  // namespace
}  // namespace planrun
