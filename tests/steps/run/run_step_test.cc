#include "interpreter/steps/run/run_step.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Kind = StepFailure::Kind;

// Runs the step and returns the failure it threw; fails the test when it threw none.
StepFailure failure_of(StepContext& context) {
  try {
    RunStep().run(context);
  } catch (const StepFailure& failure) {
    return failure;
  }
  ADD_FAILURE() << "the step did not fail";
  return StepFailure(Kind::Failed, "");
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Value secret(const char* text) { return Value(text).mark_secret(); }

TEST(RunStep, RunsArgvAndPublishesExitCodeAndStdout) {
  testing::StepFixture fixture("run");
  StepContext context = fixture.context({{"command", Value::List{"printf", "%s\\n", "a b", "it's"}}});
  RunStep().run(context);
  EXPECT_EQ(fixture.log.infos.front(), "running: printf '%s\\n' 'a b' 'it'\\''s'");
  EXPECT_EQ(fixture.log.outputs, (std::vector<std::string>{"a b", "it's"}));
  EXPECT_EQ(context.outputs.at("exit_code"), Value(0));
  EXPECT_EQ(context.outputs.at("stdout"), Value("a b\nit's"));
}

TEST(RunStep, StringCommandRunsWithTheShell) {
  testing::StepFixture fixture("run");
  StepContext context = fixture.context({{"command", "echo $((40 + 2)); echo oops >&2"}});
  RunStep().run(context);
  EXPECT_EQ(fixture.log.infos.front(), "running: echo $((40 + 2)); echo oops >&2");
  EXPECT_EQ(fixture.log.outputs, (std::vector<std::string>{"42", "oops"}));
  EXPECT_EQ(context.outputs.at("stdout"), Value("42"));  // stderr is logged, not published
}

TEST(RunStep, EnvAndWorkingDirectoryReachTheCommand) {
  testing::StepFixture fixture("run");
  StepContext context = fixture.context({{"command", "echo $GREETING; pwd -P"},
                                         {"env", Value::Map{{"GREETING", "hello"}}},
                                         {"cwd", fixture.dir.path().string()}});
  RunStep().run(context);
  EXPECT_EQ(fixture.log.outputs,
            (std::vector<std::string>{"hello", std::filesystem::canonical(fixture.dir.path()).string()}));
}

TEST(RunStep, UnexpectedExitStatusFails) {
  testing::StepFixture fixture("run");
  StepContext context = fixture.context({{"command", "exit 3"}, {"expect_exit", Value::List{0}}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_STREQ(failure.what(), "command exited with status 3 (expected 0)");
  EXPECT_EQ(context.outputs.at("exit_code"), Value(3));
}

TEST(RunStep, ExpectExitListsTheStatusesThatSucceed) {
  testing::StepFixture fixture("run");
  StepContext accepted = fixture.context({{"command", "exit 3"}, {"expect_exit", Value::List{0, 3}}});
  EXPECT_NO_THROW(RunStep().run(accepted));
  StepContext refused = fixture.context({{"command", "exit 4"}, {"expect_exit", Value::List{0, 3}}});
  EXPECT_STREQ(failure_of(refused).what(), "command exited with status 4 (expected one of 0, 3)");
}

TEST(RunStep, KilledBySignalFails) {
  testing::StepFixture fixture("run");
  StepContext context = fixture.context({{"command", "kill -KILL $$"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_STREQ(failure.what(), "command was killed by signal 9 (SIGKILL)");
}

TEST(RunStep, TimeoutStopsTheCommandAndItsChildren) {
  testing::StepFixture fixture("run");
  StepContext context = fixture.context({{"command", "sleep 30 & wait"}, {"timeout", "300ms"}});
  auto start = Clock::now();
  StepFailure failure = failure_of(context);
  EXPECT_LT(Clock::now() - start, 3s);
  EXPECT_EQ(failure.kind, Kind::TimedOut);
  EXPECT_STREQ(failure.what(), "command did not finish within 300ms; it was stopped");
}

TEST(RunStep, TheEarlierOfStepTimeoutAndFieldTimeoutApplies) {
  testing::StepFixture fixture("run");
  fixture.step.timeout = 300ms;
  StepContext context = fixture.context({{"command", Value::List{"sleep", "30"}}, {"timeout", 300}});
  context.deadline = Clock::now() + 300ms;
  auto start = Clock::now();
  StepFailure failure = failure_of(context);
  EXPECT_LT(Clock::now() - start, 3s);
  EXPECT_STREQ(failure.what(), "command did not finish within 300ms; it was stopped");
}

TEST(RunStep, CancellationStopsTheCommand) {
  testing::StepFixture fixture("run");
  StepContext context = fixture.context({{"command", Value::List{"sleep", "30"}}});
  std::thread canceller([&] {
    std::this_thread::sleep_for(100ms);  // the scenario: Ctrl-C while the command runs
    fixture.cancel.request();
  });
  auto start = Clock::now();
  StepFailure failure = failure_of(context);
  canceller.join();
  EXPECT_LT(Clock::now() - start, 3s);
  EXPECT_EQ(failure.kind, Kind::Cancelled);
}

TEST(RunStep, CommandNotFoundFailsWithAMessage) {
  testing::StepFixture fixture("run");
  StepContext context = fixture.context({{"command", Value::List{"planrun-no-such-command"}}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_STREQ(failure.what(), "cannot run 'planrun-no-such-command': No such file or directory");
}

TEST(RunStep, SecretsTheExecutorKnowsAreMaskedInCommandLineOutputAndLogFile) {
  testing::StepFixture fixture("run", "login");
  fixture.masker.secrets = {"s3cret"};
  // An argument built from a secret is secret as a whole; the masker hides just the secret in it.
  StepContext context = fixture.context({{"command", Value::List{"echo", secret("--password=s3cret")}}});
  RunStep().run(context);
  // Masked before quoting, so that quoting cannot split a secret the masker would not recognise.
  EXPECT_EQ(fixture.log.infos.front(), "running: echo '--password=***'");
  EXPECT_EQ(fixture.log.outputs, (std::vector<std::string>{"--password=***"}));
  EXPECT_EQ(context.outputs.at("stdout"), Value("--password=***"));
  EXPECT_EQ(file_text(fixture.run_dir() / "login.log").find("s3cret"), std::string::npos);
}

TEST(RunStep, SecretFieldsAreMaskedEvenWhenTheMaskerDoesNotKnowThem) {
  testing::StepFixture fixture("run", "login");
  StepContext context = fixture.context({{"command", Value::List{"sh", "-c", "echo $DB_PASSWORD; echo \"$1\"", "sh",
                                                                 secret("hunter2")}},
                                         {"env", Value::Map{{"DB_PASSWORD", secret("swordfish")}}}});
  RunStep().run(context);
  EXPECT_EQ(fixture.log.infos.front(), "running: sh -c 'echo $DB_PASSWORD; echo \"$1\"' sh '***'");
  EXPECT_EQ(fixture.log.outputs, (std::vector<std::string>{"***", "***"}));
  std::string log_file = file_text(fixture.run_dir() / "login.log");
  EXPECT_EQ(log_file.find("hunter2"), std::string::npos);
  EXPECT_EQ(log_file.find("swordfish"), std::string::npos);
}

TEST(RunStep, WritesEveryLineToThePerStepLogFile) {
  testing::StepFixture fixture("run", "start-server");
  StepContext first = fixture.context({{"command", "echo one; echo two >&2"}});
  RunStep().run(first);
  StepContext second = fixture.context({{"command", "echo three"}});
  RunStep().run(second);
  EXPECT_EQ(file_text(fixture.run_dir() / "start-server.log"),
            "running: echo one; echo two >&2\none\ntwo\nrunning: echo three\nthree\n");
}

TEST(RunStep, ACommandThatPrintsNothingLeavesNoLogFile) {
  testing::StepFixture fixture("run", "quiet");
  StepContext context = fixture.context({{"command", "true"}});
  RunStep().run(context);
  EXPECT_FALSE(std::filesystem::exists(fixture.run_dir() / "quiet.log"));
}

TEST(RunStep, StdoutOutputKeepsTheLast64KiBInWholeLines) {
  testing::StepFixture fixture("run");
  StepContext context = fixture.context({{"command", "seq 1 100000"}});  // 589 KB
  RunStep().run(context);
  const std::string& tail = context.outputs.at("stdout").as_string();
  EXPECT_LE(tail.size(), 64u * 1024);
  EXPECT_GT(tail.size(), 60u * 1024);
  EXPECT_TRUE(tail.ends_with("\n99999\n100000"));
  std::string first_line = tail.substr(0, tail.find('\n'));
  EXPECT_EQ(tail.substr(0, tail.find('\n', tail.find('\n') + 1)),
            first_line + "\n" + std::to_string(std::stoi(first_line) + 1));
  EXPECT_EQ(fixture.log.outputs.size(), 100000u);
}

}  // namespace
}  // namespace planrun
