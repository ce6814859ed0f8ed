#include "interpreter/executor/executor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/support/executor_fixture.h"
#include "tests/support/fake_services.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::ExecutorTest;
using testing::logged;

TEST_F(ExecutorTest, RunsEveryStepOnceThenNothingOnRerun) {
  std::string steps = logged("a") + logged("b", "a") + logged("c", "b");
  auto first = run(steps);
  EXPECT_EQ(first.exit_code, 0);
  EXPECT_EQ(first.started, (std::vector<std::string>{"a", "b", "c"}));
  auto second = run(steps);
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_TRUE(second.started.empty());
  EXPECT_EQ(second.outcomes["c"], "up-to-date");
  EXPECT_EQ(ran("a") + ran("b") + ran("c"), 3);
}

// The file exists only in the fake file system, and the waits, the step's timeout and the retry's
// delay all pass on the fake clock: minutes of a plan's time take none of the test's.
TEST_F(ExecutorTest, StepsReachTheWorldThroughTheServicesItIsGiven) {
  using namespace std::chrono_literals;
  testing::FakeServices fakes;
  fakes.files.files["/carbon/wso2carbon.pid"] = "4242";
  ExecutorOptions options;
  options.services = fakes.services();
  std::string steps =
      "  - id: up\n    type: wait-for\n    with: {file: /carbon/wso2carbon.pid}\n"
      "  - id: never\n    type: wait-for\n    timeout: 5s\n    retry: {attempts: 2, delay: 10m}\n"
      "    with: {file: /carbon/absent, timeout: 30s}\n";
  auto start = std::chrono::steady_clock::now();
  auto result = run(steps, options);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_EQ(result.outcomes["up"], "done");
  EXPECT_EQ(result.outcomes["never"], "failed");
  EXPECT_EQ(result.messages["never"], "file /carbon/absent did not appear within 5s");
  std::vector<std::chrono::milliseconds> attempt(5, 1s), both = attempt;
  both.push_back(10min);
  both.insert(both.end(), attempt.begin(), attempt.end());
  EXPECT_EQ(fakes.clock.sleeps, both);
}

TEST_F(ExecutorTest, FailureSkipsDependentsButIndependentBranchesFinish) {
  auto result = run(logged("bad", "", "exit 3") + logged("after", "bad") + logged("other"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.outcomes["bad"], "failed");
  EXPECT_EQ(result.messages["bad"], "command exited with status 3 (expected 0)");
  EXPECT_EQ(result.outcomes["after"], "skipped");
  EXPECT_EQ(result.messages["after"], "needs 'bad', which failed");
  EXPECT_EQ(result.outcomes["other"], "done");
  EXPECT_EQ(ran("after"), 0);
}

TEST_F(ExecutorTest, ContinueOnErrorLetsDependentsRun) {
  auto result = run(logged("bad", "", "exit 3", "    continue_on_error: true\n") + logged("after", "bad"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.outcomes["after"], "done");
}

TEST_F(ExecutorTest, FalseConditionSkipsStepButNotItsDependents) {
  auto result = run(logged("maybe", "", "true", "    when: \"${exists(dir + '/absent')}\"\n") + logged("after", "maybe"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.outcomes["maybe"], "skipped");
  EXPECT_EQ(result.messages["maybe"], "condition is false");
  EXPECT_EQ(result.outcomes["after"], "done");
}

TEST_F(ExecutorTest, ChangedInputRerunsStepAndEverythingDownstream) {
  std::string param = "  word: {type: string, default: x}\n";
  std::string steps = logged("up") + logged("mid", "up", "echo ${word}") + logged("down", "mid");
  run(steps, {}, param);
  auto second = run(steps, {}, param, {{"word", Value("y")}});
  EXPECT_EQ(second.outcomes["up"], "up-to-date");
  EXPECT_EQ(second.outcomes["mid"], "done");
  EXPECT_EQ(second.outcomes["down"], "done");
  EXPECT_EQ(ran("up"), 1);
  EXPECT_EQ(ran("down"), 2);
}

TEST_F(ExecutorTest, RetriesUntilSuccess) {
  // Fails on the first two attempts: the counter file grows by one line per attempt.
  std::string then = "echo . >> ${dir}/tries; test $(wc -l < ${dir}/tries) -ge 3";
  auto result = run(logged("flaky", "", then, "    retry: {attempts: 3, delay: 10ms}\n"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.started, (std::vector<std::string>{"flaky", "flaky#2(resumed)", "flaky#3(resumed)"}));
}

TEST_F(ExecutorTest, TimeoutStopsTheStep) {
  auto result = run(logged("slow", "", "sleep 30", "    timeout: 300ms\n"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.outcomes["slow"], "failed");
  EXPECT_NE(result.messages["slow"].find("did not finish within"), std::string::npos) << result.messages["slow"];
}

TEST_F(ExecutorTest, IndependentStepsRunInParallel) {
  // Each waits for the other's file: they can only both finish if they run at the same time.
  std::string wait_for = "for i in $(seq 100); do test -e ${dir}/%s && exit 0; sleep 0.05; done; exit 1";
  auto step = [&](const std::string& id, const std::string& other) {
    std::string then = "touch ${dir}/" + id + "; " + wait_for;
    then.replace(then.find("%s"), 2, other);
    return logged(id, "", then);
  };
  ExecutorOptions options;
  options.jobs = 2;
  auto result = run(step("left", "right") + step("right", "left"), options);
  EXPECT_EQ(result.exit_code, 0);
}

TEST_F(ExecutorTest, InterruptionStopsRunningStepAndRerunResumesIt) {
  std::thread interrupter([this] {
    for (int i = 0; i < 200 && !fs::exists(dir_ / "log"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    cancel_->request();
  });
  std::string steps = logged("long", "", "sleep 30") + logged("next", "long");
  auto first = run(steps);
  interrupter.join();
  EXPECT_EQ(first.exit_code, 130);
  EXPECT_EQ(first.outcomes["long"], "cancelled");
  EXPECT_EQ(first.outcomes["next"], "cancelled");
  cancel_ = std::make_unique<CancellationToken>();
  auto second = run(logged("long") + logged("next", "long"));
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_EQ(ran("next"), 1);
}

TEST_F(ExecutorTest, FromForcesStepAndDownstream) {
  std::string steps = logged("a") + logged("b", "a") + logged("c", "b");
  run(steps);
  ExecutorOptions options;
  options.from_step = "b";
  auto result = run(steps, options);
  EXPECT_EQ(result.outcomes["a"], "up-to-date");
  EXPECT_EQ(result.started, (std::vector<std::string>{"b", "c"}));
}

TEST_F(ExecutorTest, OnlyRunsTheNamedStep) {
  std::string steps = logged("a") + logged("b", "a") + logged("c", "b");
  run(steps);
  ExecutorOptions from_b;
  from_b.from_step = "b";
  from_b.only_step = "b";
  auto result = run(steps, from_b);
  EXPECT_EQ(result.started, (std::vector<std::string>{"b"}));
  EXPECT_EQ(result.outcomes["a"], "skipped");
  EXPECT_EQ(result.outcomes["c"], "skipped");
}

TEST_F(ExecutorTest, LaterStepsReadEarlierOutputs) {
  auto result = run("  - id: make\n    type: run\n    with: {command: [echo, hello]}\n"
                    "  - id: use\n    type: run\n    with: {command: [echo, \"got ${steps.make.outputs.stdout}\"]}\n");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(std::find(result.output.begin(), result.output.end(), "use: got hello"), result.output.end())
      << ::testing::PrintToString(result.output);
}

TEST_F(ExecutorTest, ValueOfTheWrongTypeAtRunTimeFailsTheStepNamingTheField) {
  auto result = run("  - id: a\n    type: run\n    with: {command: [/bin/true], timeout: \"${word}\"}\n", {},
                    "  word: {type: string, default: soon}\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.outcomes["a"], "failed");
  EXPECT_EQ(result.messages["a"].rfind("field 'timeout': ", 0), 0u) << result.messages["a"];
}

TEST_F(ExecutorTest, UnconfirmedGateIsAPreconditionFailure) {
  auto result = run("  - id: gate\n    type: confirm\n    with: {message: \"really?\"}\n" + logged("after", "gate"));
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.outcomes["after"], "skipped");
}

}  // namespace
}  // namespace planrun
