#include "interpreter/observers/step_outcome.h"

#include <gtest/gtest.h>

#include "tests/observers/step_results.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(StepOutcome, NamesAreTheOnesScriptsRead) {
  EXPECT_EQ(outcome_name(StepOutcome::Done), "done");
  EXPECT_EQ(outcome_name(StepOutcome::UpToDate), "up-to-date");
  EXPECT_EQ(outcome_name(StepOutcome::Failed), "failed");
  EXPECT_EQ(outcome_name(StepOutcome::Skipped), "skipped");
  EXPECT_EQ(outcome_name(StepOutcome::Cancelled), "cancelled");
}

TEST(StepOutcome, CountsEachOutcome) {
  StepNode step = testing::make_step("s", "run");
  OutcomeCounts counts({testing::make_result(step, StepOutcome::Done, 1, 0),
                        testing::make_result(step, StepOutcome::Done, 1, 0),
                        testing::make_result(step, StepOutcome::Cancelled, 1, 0)});
  EXPECT_EQ(counts.of(StepOutcome::Done), 2u);
  EXPECT_EQ(counts.of(StepOutcome::Cancelled), 1u);
  EXPECT_EQ(counts.of(StepOutcome::Failed), 0u);
}

}  // namespace
}  // namespace planrun
