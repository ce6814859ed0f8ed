// Confirm steps that the executor runs at the same time share the operator's one terminal.

#include <gtest/gtest.h>
#include <unistd.h>

#include <thread>

#include "interpreter/cli/terminal_prompt.h"
#include "interpreter/executor/executor.h"
#include "tests/support/compile_text.h"
#include "tests/support/recording_observer.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(ParallelConfirm, TwoConfirmStepsInOneWaveGetOneScriptedAnswerEach) {
  testing::TempDir dir;
  auto compiled = testing::compile_text(
      "planrun: 1\nname: t\nsteps:\n"
      "  - id: gate-a\n    type: confirm\n    with: {message: \"open a?\"}\n"
      "  - id: gate-b\n    type: confirm\n    with: {message: \"open b?\"}\n");
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  int typed[2];
  ASSERT_EQ(::pipe(typed), 0);
  ASSERT_EQ(::write(typed[1], "y\nn\n", 4), 4);
  std::FILE* shown = std::tmpfile();
  TerminalPrompt prompt(typed[0], shown);
  ExecutorOptions options;
  options.jobs = 2;
  options.state_dir = dir.path() / "state";
  options.interaction = {false, true, [&](const std::string& question, const CancellationToken& cancel) {
                           return prompt.ask(question, cancel);
                         }};
  StateStore store(options.state_dir);
  testing::RecordingObserver observer;
  CancellationToken cancel;
  Executor(*compiled.graph, {}, store, observer, cancel, options).run();
  auto& outcomes = observer.record.outcomes;
  EXPECT_EQ((outcomes["gate-a"] == "done") + (outcomes["gate-b"] == "done"), 1);
  EXPECT_EQ((outcomes["gate-a"] == "failed") + (outcomes["gate-b"] == "failed"), 1);
  std::rewind(shown);
  std::string text;
  for (int c; (c = std::fgetc(shown)) != EOF;) text += static_cast<char>(c);
  EXPECT_TRUE(text == "[gate-a] open a? [y/N] [gate-b] open b? [y/N] " ||
              text == "[gate-b] open b? [y/N] [gate-a] open a? [y/N] ")
      << text;
  std::fclose(shown);
  ::close(typed[0]);
  ::close(typed[1]);
}

TEST(ParallelConfirm, CtrlCEndsAPromptWaitingForAnAnswerAndTheRunExits130) {
  testing::TempDir dir;
  auto compiled = testing::compile_text(
      "planrun: 1\nname: t\nsteps:\n  - id: gate\n    type: confirm\n    with: {message: \"go?\"}\n");
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  int typed[2];
  ASSERT_EQ(::pipe(typed), 0);  // the operator types nothing
  std::FILE* shown = std::tmpfile();
  TerminalPrompt prompt(typed[0], shown);
  ExecutorOptions options;
  options.state_dir = dir.path() / "state";
  options.interaction = {false, true, [&](const std::string& question, const CancellationToken& cancel) {
                           return prompt.ask(question, cancel);
                         }};
  StateStore store(options.state_dir);
  testing::RecordingObserver observer;
  CancellationToken cancel;
  std::thread ctrl_c([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel.request();  // what InterruptSignals does on SIGINT
  });
  auto start = std::chrono::steady_clock::now();
  RunSummary summary = Executor(*compiled.graph, {}, store, observer, cancel, options).run();
  ctrl_c.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(summary.exit_code, 130);
  EXPECT_EQ(observer.record.outcomes["gate"], "cancelled");
  std::fclose(shown);
  ::close(typed[0]);
  ::close(typed[1]);
}

}  // namespace
}  // namespace planrun
