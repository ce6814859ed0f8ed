#include "interpreter/executor/step_decision.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Action = StepDecision::Action;

StepRecord record(StepStatus status, const std::string& fingerprint, std::string message = "") {
  StepRecord r;
  r.step_id = "s";
  r.status = status;
  r.fingerprint = fingerprint;
  r.run_id = 4;
  r.message = std::move(message);
  return r;
}

TEST(StepDecision, DoneWithSameFingerprintIsUpToDate) {
  auto decision = decide_step(record(StepStatus::Done, "f"), "f", "");
  EXPECT_EQ(decision.action, Action::UpToDate);
  EXPECT_EQ(decision.reason, "done in run 4 with the same inputs");
}

TEST(StepDecision, ChangedFingerprintRunsAgainWhateverTheStatus) {
  EXPECT_EQ(decide_step(record(StepStatus::Done, "old"), "new", "").action, Action::Run);
  EXPECT_EQ(decide_step(record(StepStatus::Running, "old"), "new", "").action, Action::Run);
}

TEST(StepDecision, InterruptedOrFailedStepResumes) {
  auto interrupted = decide_step(record(StepStatus::Running, "f"), "f", "");
  EXPECT_EQ(interrupted.action, Action::Resume);
  EXPECT_EQ(interrupted.reason, "interrupted in run 4; resuming from its checkpoints");
  auto failed = decide_step(record(StepStatus::Failed, "f", "disk full"), "f", "");
  EXPECT_EQ(failed.action, Action::Resume);
  EXPECT_EQ(failed.reason, "failed in run 4: disk full");
}

TEST(StepDecision, NoRecordOrForcedRuns) {
  EXPECT_EQ(decide_step(std::nullopt, "f", "").reason, "never ran");
  auto forced = decide_step(record(StepStatus::Done, "f"), "f", "forced by --from x");
  EXPECT_EQ(forced.action, Action::Run);
  EXPECT_EQ(forced.reason, "forced by --from x");
}

TEST(StepDecision, OnlyAnInterruptedOrFailedAttemptWithOtherInputsCountsAsAttemptedWithOtherInputs) {
  EXPECT_TRUE(attempted_with_other_inputs(record(StepStatus::Running, "old"), "new"));
  EXPECT_TRUE(attempted_with_other_inputs(record(StepStatus::Failed, "old"), "new"));
  EXPECT_FALSE(attempted_with_other_inputs(record(StepStatus::Failed, "new"), "new"));
  EXPECT_FALSE(attempted_with_other_inputs(record(StepStatus::Done, "old"), "new"));
  EXPECT_FALSE(attempted_with_other_inputs(std::nullopt, "new"));
}

TEST(StepDecision, ChangedFieldsNamesEveryFieldChangedAddedOrRemoved) {
  EXPECT_EQ(changed_fields(R"({"from":"a","to":"b","verify":true})", R"({"from":"a","to":"c","tables":["T"]})"),
            (std::vector<std::string>{"tables", "to", "verify"}));
  EXPECT_EQ(changed_fields("", R"({"to":"c"})"), std::vector<std::string>{});
}

TEST(StepDecision, ARefusalSaysWhatChangedAndHowToProceed) {
  StepRecord interrupted = record(StepStatus::Failed, "old");
  interrupted.step_id = "copy-db";
  interrupted.inputs_json = R"({"from":"sqlite:/a.db","to":"sqlite:/b.db"})";
  EXPECT_EQ(refusal_to_start_over(interrupted, R"({"from":"sqlite:/a.db","to":"sqlite:/c.db"})"),
            "its inputs changed since its interrupted attempt in run 4 (to), and that attempt left partial work "
            "this step type cannot undo by itself; put the old values back to resume it, or undo its partial work "
            "by hand and run again with --from copy-db");
}

}  // namespace
}  // namespace planrun
