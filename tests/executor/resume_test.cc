// Resume, exactly: each test states a guarantee of the README's "Resume" paragraph and breaks
// it on purpose. A step that appends its id to the log ran once per line.
#include <gtest/gtest.h>

#include <thread>

#include "interpreter/state/state_store.h"
#include "tests/support/executor_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using testing::logged;

class Resume : public testing::ExecutorTest {};

TEST_F(Resume, ReorderingStepsInTheFileRerunsNothing) {
  run(logged("x") + logged("y") + logged("z", "x, y"));
  auto second = run(logged("y") + logged("x") + logged("z", "x, y"));
  EXPECT_TRUE(second.started.empty()) << ::testing::PrintToString(second.started);
  EXPECT_EQ(ran("z"), 1);
}

TEST_F(Resume, ReorderingNeedsRerunsNothing) {
  run(logged("x") + logged("y") + logged("z", "x, y"));
  auto second = run(logged("x") + logged("y") + logged("z", "y, x"));
  EXPECT_EQ(second.outcomes["z"], "up-to-date");
  EXPECT_EQ(ran("z"), 1);
}

TEST_F(Resume, OnlyOnAFinishedPlanRepeatsNothing) {
  std::string steps = logged("a") + logged("b", "a") + logged("c", "b");
  run(steps);
  ExecutorOptions only;
  only.only_step = "b";
  auto selected = run(steps, only);
  EXPECT_EQ(selected.outcomes["b"], "up-to-date");
  auto plain = run(steps);
  EXPECT_TRUE(plain.started.empty()) << ::testing::PrintToString(plain.started);
  EXPECT_EQ(ran("b"), 1);
}

TEST_F(Resume, OnlyRunsAgainstTheRecordedUpstreamsAndAPlainRunRepeatsNothing) {
  std::string steps = logged("a") + logged("b", "a") + logged("c", "b");
  ExecutorOptions only_a;
  only_a.only_step = "a";
  run(steps, only_a);
  ExecutorOptions only_b;
  only_b.only_step = "b";
  auto second = run(steps, only_b);
  EXPECT_EQ(second.started, (std::vector<std::string>{"b"}));
  auto plain = run(steps);
  EXPECT_EQ(plain.started, (std::vector<std::string>{"c"}));
  EXPECT_EQ(ran("a") + ran("b") + ran("c"), 3);
}

// Running a step before what it needs (a copy-db before its backup) is refused, before the step
// starts; a false `when` recorded for a need is something to stand on.
TEST_F(Resume, OnlyRefusesAStepWhoseNeedNeverRan) {
  std::string steps = logged("a") + logged("b", "a") + logged("c", "b");
  ExecutorOptions only_c;
  only_c.only_step = "c";
  auto refused = run(steps, only_c);
  EXPECT_TRUE(refused.started.empty()) << ::testing::PrintToString(refused.started);
  EXPECT_EQ(refused.outcomes["c"], "failed");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.messages["c"],
            "cannot run it alone (--only): it needs 'b', which has not run; run the plan without --only, or --only b "
            "first");
  std::string skipped_b = logged("a") + logged("b", "a", "true", "    when: \"${false}\"\n") + logged("c", "b");
  run(skipped_b);
  ExecutorOptions from_c = only_c;
  from_c.from_step = "c";
  EXPECT_EQ(run(skipped_b, from_c).started, (std::vector<std::string>{"c"}));
}

TEST_F(Resume, OnlyPassesTheRecordedOutputsOn) {
  std::string steps = "  - id: make\n    type: run\n    with: {command: [echo, hello]}\n"
                      "  - id: use\n    type: run\n    needs: [make]\n"
                      "    with: {command: [echo, \"got ${steps.make.outputs.stdout}\"]}\n";
  ExecutorOptions only_make;
  only_make.only_step = "make";
  run(steps, only_make);
  ExecutorOptions only_use;
  only_use.only_step = "use";
  auto result = run(steps, only_use);
  EXPECT_EQ(result.outcomes["use"], "done");
  EXPECT_NE(std::find(result.output.begin(), result.output.end(), "use: got hello"), result.output.end());
}

TEST_F(Resume, FromIsRecordedBeforeAnythingRunsSoAnInterruptionDoesNotUndoIt) {
  std::string param = "  pause: {type: string, default: \"0\"}\n";
  std::string steps = logged("a") + logged("b", "a", "sleep ${pause}") + logged("c", "b");
  run(steps, {}, param);
  // Interrupted while b runs: c is never reached in that run.
  std::thread interrupter([this] {
    for (int i = 0; i < 200 && ran("b") < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    cancel_->request();
  });
  ExecutorOptions from_b;
  from_b.from_step = "b";
  auto interrupted = run(steps, from_b, param, {{"pause", Value("30")}});
  interrupter.join();
  EXPECT_EQ(interrupted.outcomes["c"], "cancelled");
  cancel_ = std::make_unique<CancellationToken>();
  auto plain = run(steps, {}, param);
  EXPECT_EQ(plain.outcomes["a"], "up-to-date");
  EXPECT_EQ(plain.outcomes["c"], "done") << "c was reset by --from b before the interruption";
  EXPECT_EQ(ran("c"), 2);
}

TEST_F(Resume, AFalseConditionOnADoneStepKeepsItsRecordAndRerunsNothingAfterIt) {
  std::string param = "  fresh: {type: bool, default: true}\n";
  std::string steps = logged("unpack", "", "true", "    when: \"${fresh}\"\n") + logged("after", "unpack");
  run(steps, {}, param);
  auto second = run(steps, {}, param, {{"fresh", Value(false)}});
  EXPECT_EQ(second.outcomes["unpack"], "skipped");
  EXPECT_EQ(second.messages["unpack"], "condition is false; done in run 1, its record stands");
  EXPECT_EQ(second.outcomes["after"], "up-to-date");
  StateStore store(dir_ / "state");
  EXPECT_EQ(store.step_state("unpack")->status, StepStatus::Done);
  auto third = run(steps, {}, param);
  EXPECT_TRUE(third.started.empty()) << ::testing::PrintToString(third.started);
  EXPECT_EQ(ran("unpack") + ran("after"), 2);
}

TEST_F(Resume, AnInputErrorAtRunTimeLeavesTheDoneRecordAndCheckpointsAlone) {
  std::string param = "  limit: {type: string}\n";
  std::string steps = "  - id: s\n    type: run\n    with: {command: [/bin/true], timeout: \"${limit}\"}\n";
  auto first = run(steps, {}, param, {{"limit", Value("10s")}});
  ASSERT_EQ(first.outcomes["s"], "done") << first.messages["s"];
  StepRecord before = *StateStore(dir_ / "state").step_state("s");
  StateStore(dir_ / "state").put_checkpoint("s", "table", "UM_USER");
  auto broken = run(steps, {}, param, {{"limit", Value("soon")}});
  EXPECT_EQ(broken.outcomes["s"], "failed");
  EXPECT_EQ(broken.messages["s"].rfind("field 'timeout': ", 0), 0u) << broken.messages["s"];
  StateStore store(dir_ / "state");
  EXPECT_EQ(*store.step_state("s"), before);
  EXPECT_EQ(store.checkpoint("s", "table"), "UM_USER");
}

TEST_F(Resume, RelativePathsAreMadeAbsoluteBeforeFingerprinting) {
  std::string steps = "  - id: s\n    type: wait-for\n    with: {file: made.txt, timeout: 1s}\n";
  std::ofstream(std::filesystem::current_path() / "made.txt").put('x');
  auto result = run(steps);
  std::filesystem::remove(std::filesystem::current_path() / "made.txt");
  EXPECT_EQ(result.outcomes["s"], "done");
  std::string inputs = StateStore(dir_ / "state").step_state("s")->inputs_json;
  EXPECT_NE(inputs.find((std::filesystem::current_path() / "made.txt").string()), std::string::npos) << inputs;
}

TEST_F(Resume, ChangingATuningFieldKeepsTheStepUpToDate) {
  std::string param = "  limit: {type: string}\n";
  std::string steps = logged("s");
  steps.replace(steps.find("}\n"), 2, ", timeout: \"${limit}\"}\n");
  run(steps, {}, param, {{"limit", Value("10s")}});
  auto second = run(steps, {}, param, {{"limit", Value("20s")}});
  EXPECT_EQ(second.outcomes["s"], "up-to-date") << "with.timeout is tuning";
  EXPECT_EQ(ran("s"), 1);
}

TEST_F(Resume, ChangedInputsAfterAnInterruptionStartOverWithoutTheOldCheckpoints) {
  std::string param = "  word: {type: string}\n";
  std::string steps = logged("s", "", "echo ${word}");
  run(steps, {}, param, {{"word", Value("a")}});
  {
    StateStore store(dir_ / "state");
    store.mark_running("s", store.step_state("s")->fingerprint, 1);
    store.put_checkpoint("s", "table", "UM_USER");
    store.mark_failed("s", "interrupted");
  }
  auto second = run(steps, {}, param, {{"word", Value("b")}});
  EXPECT_EQ(second.outcomes["s"], "done");
  EXPECT_EQ(StateStore(dir_ / "state").checkpoints("s"), (std::map<std::string, std::string>{}));
}

}  // namespace
}  // namespace planrun
