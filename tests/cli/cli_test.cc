// The command line as an operator meets it: the real binary, its output and its exit codes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "interpreter/state/run_lock.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs planrun with `args` (shell words) and the given environment prefix.
Outcome planrun(const std::string& args, const std::string& env = "") {
  std::string command = "cd " + std::string(PLANRUN_SOURCE_DIR) + " && " + env + " " + PLANRUN_BINARY + " " + args + " 2>&1";
  Outcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  while (size_t got = fread(buffer.data(), 1, buffer.size(), pipe)) outcome.output.append(buffer.data(), got);
  int status = pclose(pipe);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("planrun-cli-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  std::string write_plan(const std::string& steps, const std::string& params = "") {
    fs::path plan = dir / "plan.yaml";
    std::ofstream(plan) << "planrun: 1\nname: t\n" << (params.empty() ? "" : "params:\n" + params) << "steps:\n" << steps;
    return plan.string();
  }

  fs::path dir;
};

TEST_F(CliTest, CheckIsSilentOnACleanPlanAndExitsZero) {
  Outcome outcome = planrun("check examples/446-to-447.yaml examples/ci/hello.yaml");
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_EQ(outcome.output, "");
}

TEST_F(CliTest, CheckReportsEveryMistakeAndExitsTwo) {
  Outcome outcome = planrun("check tests/plans/bad/several-mistakes.yaml");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.output.find("several-mistakes.yaml:9:27: error: undefined name 'hme'"), std::string::npos);
  EXPECT_NE(outcome.output.find("several-mistakes.yaml:15:11: error: unknown step type 'copy-dirr'"), std::string::npos);
}

TEST_F(CliTest, UsageErrorsExitTwoAndVersionPrints) {
  EXPECT_EQ(planrun("check").exit_code, 2);
  EXPECT_EQ(planrun("graph examples/ci/hello.yaml --format png").exit_code, 2);
  Outcome version = planrun("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.output.rfind("planrun ", 0), 0u);
}

TEST_F(CliTest, PlanNamesMissingParameterAndHowToSetIt) {
  Outcome outcome = planrun("plan examples/446-to-447.yaml");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.output.find("error: parameter 'old_home' has no value: set it with --set old_home=VALUE"),
            std::string::npos)
      << outcome.output;
}

TEST_F(CliTest, PlanShowsResolvedValuesAndWaves) {
  Outcome outcome = planrun("plan examples/446-to-447.yaml --vars examples/446-to-447.demo-vars.yaml");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("Wave 1 (4 steps, may run in parallel):"), std::string::npos);
  EXPECT_NE(outcome.output.find("value: jdbc:sqlite:demo/carbon-447-staging.db"), std::string::npos) << outcome.output;
}

TEST_F(CliTest, PlanSaysWhatARunStepWouldDo) {
  std::string plan = write_plan("  - id: greet\n    type: run\n    with: {command: [echo, \"hello world\"]}\n");
  Outcome outcome = planrun("plan " + plan);
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("      => would run: echo 'hello world'\n"), std::string::npos) << outcome.output;
}

TEST_F(CliTest, ExplainDescribesAStepType) {
  Outcome outcome = planrun("explain copy-dir");
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_NE(outcome.output.find("exclude"), std::string::npos);
  EXPECT_EQ(planrun("explain copy-dirr").exit_code, 2);
}

TEST_F(CliTest, RunRefusesAStepTypeItCannotRunBeforeRunningAnything) {
  std::string plan = write_plan("  - id: first\n    type: run\n    with: {command: \"touch " + (dir / "ran").string() +
                                "\"}\n  - id: copy\n    type: copy-dir\n    needs: [first]\n    with: {from: a, to: b}\n");
  Outcome outcome = planrun("run " + plan);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.output.find("this planrun cannot run steps of type 'copy-dir'"), std::string::npos) << outcome.output;
  EXPECT_FALSE(fs::exists(dir / "ran"));
}

TEST_F(CliTest, SecondRunOnLockedStateExitsFourNamingTheOwner) {
  std::string plan = write_plan("  - id: a\n    type: run\n    with: {command: [/bin/true]}\n");
  RunLock lock(dir / ".planrun");
  Outcome outcome = planrun("run " + plan);
  EXPECT_EQ(outcome.exit_code, 4);
  EXPECT_NE(outcome.output.find("is locked by pid " + std::to_string(getpid())), std::string::npos) << outcome.output;
}

TEST_F(CliTest, SecretsNeverAppearInOutputEventsOrState) {
  std::string plan = write_plan("  - id: a\n    type: run\n    with: {command: \"echo token=${token}\"}\n",
                                "  token: {type: secret, env: PLANRUN_TEST_TOKEN}\n");
  Outcome outcome = planrun("run " + plan + " --log-json " + (dir / "events.jsonl").string() + " --output json",
                            "PLANRUN_TEST_TOKEN=s3cr3t-value");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("token=***"), std::string::npos) << outcome.output;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(content.find("s3cr3t-value"), std::string::npos) << "secret found in " << entry.path();
  }
  EXPECT_EQ(outcome.output.find("s3cr3t-value"), std::string::npos);
}

TEST_F(CliTest, InterruptStopsWithExit130AndRerunResumes) {
  // Slow until the file `quick` exists, which the test creates after the interruption.
  std::string plan = write_plan("  - id: slow\n    type: run\n    with: {command: \"touch " + (dir / "started").string() +
                                "; test -e " + (dir / "quick").string() + " || sleep 30\"}\n"
                                "  - id: after\n    type: run\n    needs: [slow]\n"
                                "    with: {command: \"touch " + (dir / "after").string() + "\"}\n");
  pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stderr);
    execl(PLANRUN_BINARY, PLANRUN_BINARY, "run", plan.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 250 && !fs::exists(dir / "started"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_TRUE(fs::exists(dir / "started"));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  Outcome status_report = planrun("status " + plan);
  EXPECT_NE(status_report.output.find("interrupted"), std::string::npos) << status_report.output;
  EXPECT_FALSE(fs::exists(dir / "after"));
  std::ofstream(dir / "quick").put('\n');
  Outcome rerun = planrun("run " + plan);
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_TRUE(fs::exists(dir / "after"));
}

TEST_F(CliTest, GraphIsDeterministic) {
  Outcome first = planrun("graph examples/446-to-447.yaml --format mermaid");
  Outcome second = planrun("graph examples/446-to-447.yaml --format mermaid");
  EXPECT_EQ(first.exit_code, 0);
  EXPECT_EQ(first.output, second.output);
  EXPECT_EQ(first.output.rfind("flowchart TD\n", 0), 0u);
}

}  // namespace
}  // namespace planrun
