// The command line as an operator meets it: the real binary, its output and its exit codes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/state/run_lock.h"
#include "tests/support/planrun_binary.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

using testing::Outcome;

// Runs planrun with `args` (shell words) in the source tree, with the given environment prefix.
Outcome planrun(const std::string& args, const std::string& env = "") {
  return testing::run_planrun(args, PLANRUN_SOURCE_DIR, env);
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

TEST_F(CliTest, APlanFileThatCannotBeReadSaysWhy) {
  Outcome missing = planrun("check " + (dir / "missing.yaml").string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("missing.yaml: error: cannot read the plan file: No such file or directory"),
            std::string::npos)
      << missing.output;
  fs::create_directories(dir / "folder.yaml");
  Outcome folder = planrun("check " + (dir / "folder.yaml").string());
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_NE(folder.output.find("folder.yaml: error: cannot read the plan file: Is a directory"), std::string::npos)
      << folder.output;
}

TEST_F(CliTest, CheckOfABinaryFileShowsNoRawBytes) {
  fs::path binary = dir / "binary.yaml";
  std::ofstream(binary, std::ios::binary) << std::string("\x7f" "ELF\x02\x01\x1b[2J\0\0: [", 15);
  Outcome outcome = planrun("check " + binary.string());
  EXPECT_EQ(outcome.exit_code, 2);
  for (char c : outcome.output)
    EXPECT_TRUE(c == '\n' || c == '\t' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f))
        << "raw byte " << static_cast<int>(static_cast<unsigned char>(c)) << " in:\n" << outcome.output;
}

TEST_F(CliTest, CheckReportsEveryMistakeAndExitsTwo) {
  Outcome outcome = planrun("check tests/plans/bad/several-mistakes.yaml");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.output.find("several-mistakes.yaml:9:27: error: undefined name 'hme'"), std::string::npos);
  EXPECT_NE(outcome.output.find("several-mistakes.yaml:15:11: error: unknown step type 'copy-dirr'"), std::string::npos);
}

TEST_F(CliTest, HelpListsEveryExitCodeWithItsMeaning) {
  Outcome outcome = planrun("--help");
  EXPECT_EQ(outcome.exit_code, 0);
  for (ExitCode code : documented_exit_codes())
    EXPECT_NE(outcome.output.find(std::to_string(code) + "  " + exit_code_meaning(code)), std::string::npos)
        << code << " is missing from:\n" << outcome.output;
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
  Outcome outcome = planrun("plan examples/446-to-447.yaml --vars examples/446-to-447.demo-vars.yaml",
                            "CARBON_OLD_DB_PASSWORD= CARBON_STAGING_DB_PASSWORD= CARBON_ADMIN_PASSWORD=x");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("Wave 1 (4 steps, may run in parallel):"), std::string::npos);
  // The SQLite file of a DSN is made absolute like every path: the new product finds it from its own folder.
  EXPECT_NE(outcome.output.find("database: sqlite:" + std::string(PLANRUN_SOURCE_DIR) + "/demo/carbon-447-staging.db"),
            std::string::npos)
      << outcome.output;
}

TEST_F(CliTest, PlanReadsTheDatabaseOfACarbonInstallation) {
  fs::create_directories(dir / "old/repository/conf/datasources");
  std::ofstream(dir / "old/repository/conf/datasources/master-datasources.xml")
      << "<datasources-configuration><datasources><datasource><name>WSO2_CARBON_DB</name><definition>"
         "<configuration><url>jdbc:postgresql://db:5432/carbon</url><username>carbon</username>"
         "<password>pw</password></configuration></definition></datasource></datasources></datasources-configuration>";
  std::string plan = write_plan("  - id: empty\n    type: assert-db-empty\n"
                                "    with: {database: \"${carbon_datasource(old_home, 'WSO2_CARBON_DB')}\"}\n",
                                "  old_home: {type: path}\n");
  Outcome outcome = planrun("plan " + plan + " --set old_home=" + (dir / "old").string());
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("      database: postgresql://carbon@db:5432/carbon\n"), std::string::npos)
      << outcome.output;
  Outcome missing = planrun("plan " + plan + " --set old_home=" + dir.string());
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("error: carbon_datasource(): " + dir.string() +
                                ": not a Carbon installation (it has no repository/conf)"),
            std::string::npos)
      << missing.output;
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

TEST_F(CliTest, SecondRunOnLockedStateExitsFourNamingTheOwner) {
  std::string plan = write_plan("  - id: a\n    type: run\n    with: {command: [/bin/true]}\n");
  RunLock lock(dir / ".planrun");
  Outcome outcome = planrun("run " + plan);
  EXPECT_EQ(outcome.exit_code, 4);
  EXPECT_NE(outcome.output.find("is locked by pid " + std::to_string(getpid())), std::string::npos) << outcome.output;
}

// What a lock of another host means for each command: run refuses and says how to unlock;
// unlock refuses while the heartbeat is fresh, saying why.
TEST_F(CliTest, LockOfAnotherHostIsLeftToTheOperator) {
  std::string plan = write_plan("  - id: a\n    type: run\n    with: {command: [/bin/true]}\n");
  fs::create_directories(dir / ".planrun");
  WallTime now = wall_now();
  std::ofstream(dir / ".planrun" / "lock") << LockOwner{4242, "other-host.example", now, now}.to_line();
  Outcome run = planrun("run " + plan);
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_NE(run.output.find("is locked by pid 4242 on host other-host.example"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("once that run is over, remove the lock with `planrun unlock`"), std::string::npos)
      << run.output;
  Outcome unlock = planrun("unlock " + plan + " --yes");
  EXPECT_EQ(unlock.exit_code, 4);
  EXPECT_NE(unlock.output.find("its heartbeat is recent, so it may still be running on other-host.example "
                               "(--force removes the lock anyway)"),
            std::string::npos)
      << unlock.output;
  EXPECT_EQ(planrun("unlock " + plan + " --yes --force").exit_code, 0);
  EXPECT_EQ(planrun("run " + plan).exit_code, 0);
}

// Tests cannot mount NFS (RunLock's tests stand in for it); this only shows the switch exists.
TEST_F(CliTest, RunTakesTheSwitchThatAllowsNetworkState) {
  std::string plan = write_plan("  - id: a\n    type: run\n    with: {command: [/bin/true]}\n");
  Outcome outcome = planrun("run " + plan + " --allow-network-state");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
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

TEST_F(CliTest, ValuesDerivedFromASecretAreMaskedInTheOutputOfCommands) {
  std::string plan = write_plan("  - id: a\n    type: run\n    with: {command: \"echo derived=${upper(token)}\"}\n",
                                "  token: {type: secret, env: PLANRUN_TEST_TOKEN}\n");
  Outcome outcome = planrun("run " + plan, "PLANRUN_TEST_TOKEN=s3cr3t-value");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("derived=***"), std::string::npos) << outcome.output;
  EXPECT_EQ(outcome.output.find("S3CR3T-VALUE"), std::string::npos) << outcome.output;
}

// A key printed by a command reaches the masker one line at a time.
TEST_F(CliTest, EachLineOfAMultiLineSecretIsMaskedInTheOutputOfCommands) {
  fs::path key = dir / "key.pem";
  std::ofstream(key) << "-----BEGIN TEST KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\nAQEFAASCBKcwggSjAgEAAoIB\n-----END TEST KEY-----\n";
  std::string plan = write_plan("  - id: a\n    type: run\n    with: {command: \"cat " + key.string() + "\"}\n",
                                "  key: {type: secret, file: " + key.string() + "}\n");
  Outcome outcome = planrun("run " + plan);
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  for (const char* line : {"BEGIN TEST KEY", "MIIEvQIBADANBgkqhkiG9w0B", "AQEFAASCBKcwggSjAgEAAoIB", "END TEST KEY"})
    EXPECT_EQ(outcome.output.find(line), std::string::npos) << line << " in:\n" << outcome.output;
}

// CARBON_DB_PASSWORD must not reach the Carbon JVM unless the plan passes it.
TEST_F(CliTest, CommandsDoNotInheritTheVariablesSecretsWereReadFrom) {
  fs::path unasked = dir / "unasked.env", asked = dir / "asked.env";
  std::string plan = write_plan("  - id: unasked\n    type: run\n    with: {command: \"env > " + unasked.string() + "\"}\n"
                                "  - id: asked\n    type: run\n"
                                "    with: {command: \"env > " + asked.string() + "\", env: {TOKEN: \"${token}\"}}\n",
                                "  token: {type: secret, env: PLANRUN_TEST_TOKEN}\n");
  Outcome outcome = planrun("run " + plan, "PLANRUN_TEST_TOKEN=s3cr3t-value");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
  auto read = [](const fs::path& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  EXPECT_EQ(read(unasked).find("s3cr3t-value"), std::string::npos) << read(unasked);
  EXPECT_EQ(read(asked).find("PLANRUN_TEST_TOKEN="), std::string::npos);
  EXPECT_NE(read(asked).find("\nTOKEN=s3cr3t-value\n"), std::string::npos) << read(asked);
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

// Starts planrun with `args` in the background, its output to /dev/null; `core_limit` is the
// soft core size limit it inherits.
pid_t start_planrun(const std::vector<std::string>& args, rlim_t core_limit = 0) {
  pid_t pid = fork();
  if (pid == 0) {
    struct rlimit limit {core_limit, RLIM_INFINITY};
    setrlimit(RLIMIT_CORE, &limit);
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    std::vector<char*> argv{const_cast<char*>(PLANRUN_BINARY)};
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(PLANRUN_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

// Processes of the group `group` that still run (zombies have ended; init reaps them later).
int living_members(pid_t group) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    size_t name_end = text.rfind(')');
    if (name_end == std::string::npos) continue;
    std::istringstream fields(text.substr(name_end + 2));
    std::string state;
    pid_t parent = 0, pgrp = 0;
    fields >> state >> parent >> pgrp;
    if (pgrp == group && state != "Z") ++count;
  }
  return count;
}

bool group_ends_within(pid_t group, std::chrono::milliseconds limit) {
  for (auto until = std::chrono::steady_clock::now() + limit; std::chrono::steady_clock::now() < until;
       std::this_thread::sleep_for(std::chrono::milliseconds(20)))
    if (living_members(group) == 0) return true;
  return false;
}

// A run whose step is the pipeline `sleep 40 | sleep 40` under sh -c, which writes its pid
// (the leader of the command's group) to `pid_file` first.
class ProcessGroup : public CliTest {
 protected:
  // Starts the run and returns the command's process group once both sleeps run.
  pid_t start_pipeline() {
    fs::path pid_file = dir / "sh.pid";
    std::string plan = write_plan("  - id: pipeline\n    type: run\n    with: {command: \"echo $$ > " + pid_file.string() +
                                  ".tmp && mv " + pid_file.string() + ".tmp " + pid_file.string() +
                                  " && sleep 40 | sleep 40\"}\n");
    planrun_pid = start_planrun({"run", plan});
    for (int i = 0; i < 250 && !fs::exists(pid_file); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    pid_t group = 0;
    std::ifstream(pid_file) >> group;
    for (int i = 0; i < 250 && group > 0 && living_members(group) < 3; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return group;
  }
  // Sends `signal` to planrun and returns how it ended.
  int stop_planrun(int signal) {
    kill(planrun_pid, signal);
    int status = 0;
    waitpid(planrun_pid, &status, 0);
    return status;
  }

  pid_t planrun_pid = -1;
};

TEST_F(ProcessGroup, KillingPlanrunKillsTheWholePipeline) {
  pid_t group = start_pipeline();
  ASSERT_GT(group, 0);
  ASSERT_EQ(living_members(group), 3);  // sh and both sleeps
  stop_planrun(SIGKILL);
  EXPECT_TRUE(group_ends_within(group, std::chrono::seconds(5))) << living_members(group) << " still run";
}

TEST_F(ProcessGroup, HangupStopsLikeTerminateAndLeavesNothingRunning) {
  pid_t group = start_pipeline();
  ASSERT_GT(group, 0);
  int status = stop_planrun(SIGHUP);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  EXPECT_TRUE(group_ends_within(group, std::chrono::seconds(5))) << living_members(group) << " still run";
}

TEST_F(ProcessGroup, TerminateAndInterruptLeaveNothingRunning) {
  for (int signal : {SIGTERM, SIGINT}) {
    pid_t group = start_pipeline();
    ASSERT_GT(group, 0);
    int status = stop_planrun(signal);
    ASSERT_TRUE(WIFEXITED(status)) << strsignal(signal);
    EXPECT_EQ(WEXITSTATUS(status), 130) << strsignal(signal);
    EXPECT_TRUE(group_ends_within(group, std::chrono::seconds(5))) << strsignal(signal);
    fs::remove(dir / "sh.pid");
  }
}

TEST_F(CliTest, AReaderThatGoesAwayDoesNotKillPlanrun) {
  int ends[2];
  ASSERT_EQ(pipe(ends), 0);
  close(ends[0]);  // nobody will ever read planrun's output
  pid_t pid = fork();
  if (pid == 0) {
    dup2(ends[1], 1);
    execl(PLANRUN_BINARY, PLANRUN_BINARY, "explain", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(ends[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_FALSE(WIFSIGNALED(status)) << "killed by " << strsignal(WTERMSIG(status));
}

TEST_F(CliTest, NeitherPlanrunNorItsCommandsDumpCore) {
  fs::path out = dir / "limits";
  std::string plan = write_plan("  - id: limits\n    type: run\n    with: {command: \"ulimit -c > " + out.string() + "\"}\n");
  pid_t pid = start_planrun({"run", plan}, RLIM_INFINITY);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  std::ifstream in(out);
  std::string core_limit;
  in >> core_limit;
  EXPECT_EQ(core_limit, "0");
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
