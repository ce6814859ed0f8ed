#include "interpreter/process/process_runner.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct Captured {
  ProcessResult result;
  std::vector<std::string> out, err;
  std::vector<std::string> both;  // in arrival order, "out: " / "err: "
};

Captured run(const ProcessSpec& spec, const ProcessRunner& runner = system_process_runner(),
             const std::function<void(const std::string&)>& also = {}) {
  Captured captured;
  captured.result = runner.run(spec, [&](OutputStream stream, const std::string& line) {
    (stream == OutputStream::Stdout ? captured.out : captured.err).push_back(line);
    captured.both.push_back((stream == OutputStream::Stdout ? "out: " : "err: ") + line);
    if (also) also(line);
  });
  return captured;
}

ProcessSpec shell(const std::string& script) {
  ProcessSpec spec;
  spec.argv = shell_command(script);
  return spec;
}

// True once the process is gone or a zombie (its parent may not have reaped it yet).
bool process_gone(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_text, name, state;
  if (!(stat >> pid_text >> name >> state)) return true;
  return state == "Z";
}

bool eventually_gone(pid_t pid) {
  for (auto until = Clock::now() + 2s; Clock::now() < until; std::this_thread::sleep_for(10ms))
    if (process_gone(pid)) return true;
  return false;
}

TEST(ProcessRunner, DeliversLinesInOrderWithoutLineEnds) {
  Captured captured = run(shell("printf 'one\\ntwo\\r\\nthree'"));
  EXPECT_EQ(captured.out, (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_TRUE(captured.err.empty());
  EXPECT_EQ(captured.result.exit_code, 0);
  EXPECT_FALSE(captured.result.signal);
}

TEST(ProcessRunner, SeparatesStdoutAndStderr) {
  Captured captured = run(shell("echo to-out; echo to-err >&2; echo again-out"));
  EXPECT_EQ(captured.out, (std::vector<std::string>{"to-out", "again-out"}));
  EXPECT_EQ(captured.err, (std::vector<std::string>{"to-err"}));
}

TEST(ProcessRunner, StreamsLinesWhileTheCommandRuns) {
  CancellationToken cancel;
  ProcessSpec spec = shell("echo first; exec sleep 30");
  spec.cancel = &cancel;
  auto start = Clock::now();
  // The line must arrive while the command still runs: receiving it is what stops the command.
  Captured captured = run(spec, system_process_runner(), [&](const std::string&) { cancel.request(); });
  EXPECT_EQ(captured.out, (std::vector<std::string>{"first"}));
  EXPECT_TRUE(captured.result.cancelled);
  EXPECT_FALSE(captured.result.timed_out);
  EXPECT_EQ(captured.result.signal, SIGTERM);
  EXPECT_LT(Clock::now() - start, 3s);
}

TEST(ProcessRunner, LargeOutputOnBothStreamsDoesNotDeadlock) {
  Captured captured = run(shell("yes err-line | head -n 150000 >&2 & yes out-line | head -n 150000; wait"));
  ASSERT_EQ(captured.result.exit_code, 0);
  EXPECT_EQ(captured.out.size(), 150000u);  // 1.35 MB on each stream
  EXPECT_EQ(captured.err.size(), 150000u);
  EXPECT_EQ(captured.out.back(), "out-line");
  EXPECT_EQ(captured.err.back(), "err-line");
}

TEST(ProcessRunner, ReportsTheExitStatus) {
  EXPECT_EQ(run(shell("exit 3")).result.exit_code, 3);
  EXPECT_EQ(run(shell("exit 0")).result.exit_code, 0);
}

TEST(ProcessRunner, ReportsTheSignalThatEndedIt) {
  Captured captured = run(shell("kill -KILL $$"));
  EXPECT_EQ(captured.result.signal, SIGKILL);
  EXPECT_FALSE(captured.result.exit_code);
  EXPECT_FALSE(captured.result.timed_out);
}

TEST(ProcessRunner, DeadlineStopsTheCommandAndWhatItStarted) {
  ProcessSpec spec = shell("sleep 30 & echo $!; wait");
  spec.deadline = Clock::now() + 300ms;
  auto start = Clock::now();
  Captured captured = run(spec);
  EXPECT_LT(Clock::now() - start, 3s);
  EXPECT_TRUE(captured.result.timed_out);
  EXPECT_FALSE(captured.result.cancelled);
  EXPECT_EQ(captured.result.signal, SIGTERM);
  ASSERT_EQ(captured.out.size(), 1u);
  EXPECT_TRUE(eventually_gone(std::stoi(captured.out.front()))) << "the grandchild sleep still runs";
}

TEST(ProcessRunner, KillsWhatIgnoresSigtermAfterTheGracePeriod) {
  PosixProcessRunner runner(200ms);
  ProcessSpec spec = shell("trap '' TERM; sleep 30");
  spec.deadline = Clock::now() + 200ms;
  auto start = Clock::now();
  Captured captured = run(spec, runner);
  EXPECT_LT(Clock::now() - start, 2s);
  EXPECT_TRUE(captured.result.timed_out);
  EXPECT_EQ(captured.result.signal, SIGKILL);
}

TEST(ProcessRunner, CancellationRequestedFromAnotherThreadStopsTheCommand) {
  CancellationToken cancel;
  ProcessSpec spec = shell("sleep 30");
  spec.cancel = &cancel;
  std::thread canceller([&] {
    std::this_thread::sleep_for(100ms);  // the scenario: Ctrl-C while the command runs
    cancel.request();
  });
  auto start = Clock::now();
  Captured captured = run(spec);
  canceller.join();
  EXPECT_TRUE(captured.result.cancelled);
  EXPECT_LT(Clock::now() - start, 3s);
}

TEST(ProcessRunner, CommandNotFoundIsAMessage) {
  ProcessSpec spec;
  spec.argv = {"planrun-no-such-command", "x"};
  Captured captured = run(spec);
  EXPECT_FALSE(captured.result.started());
  EXPECT_EQ(captured.result.start_error, "cannot run 'planrun-no-such-command': No such file or directory");
}

TEST(ProcessRunner, NonExecutableFileIsAMessage) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "script") << "echo hi\n";
  ProcessSpec spec;
  spec.argv = {(dir.path() / "script").string()};
  EXPECT_EQ(run(spec).result.start_error, "cannot run '" + spec.argv[0] + "': Permission denied");
}

TEST(ProcessRunner, MissingWorkingDirectoryIsAMessage) {
  ProcessSpec spec;
  spec.argv = {"pwd"};
  spec.cwd = "/nonexistent-planrun-dir";
  EXPECT_EQ(run(spec).result.start_error,
            "cannot run 'pwd': cannot change to directory '/nonexistent-planrun-dir': No such file or directory");
}

TEST(ProcessRunner, RunsInTheWorkingDirectory) {
  testing::TempDir dir;
  ProcessSpec spec;
  spec.argv = {"pwd", "-P"};
  spec.cwd = dir.path();
  EXPECT_EQ(run(spec).out, (std::vector<std::string>{std::filesystem::canonical(dir.path()).string()}));
}

TEST(ProcessRunner, AddsEnvironmentToTheInheritedOne) {
  ::setenv("PLANRUN_TEST_INHERITED", "inherited", 1);
  ::setenv("PLANRUN_TEST_REPLACED", "old", 1);
  ProcessSpec spec = shell("echo $PLANRUN_TEST_INHERITED $PLANRUN_TEST_REPLACED $PLANRUN_TEST_ADDED");
  spec.env = {{"PLANRUN_TEST_ADDED", "added"}, {"PLANRUN_TEST_REPLACED", "new"}};
  EXPECT_EQ(run(spec).out, (std::vector<std::string>{"inherited new added"}));
}

TEST(ProcessRunner, LooksTheProgramUpInTheCommandsOwnPath) {
  testing::TempDir dir;
  std::filesystem::path tool = dir.path() / "planrun-test-tool";
  std::ofstream(tool) << "#!/bin/sh\necho tool ran\n";
  std::filesystem::permissions(tool, std::filesystem::perms::owner_all);
  ProcessSpec spec;
  spec.argv = {"planrun-test-tool"};
  spec.env = {{"PATH", dir.path().string() + ":/usr/bin:/bin"}};
  EXPECT_EQ(run(spec).out, (std::vector<std::string>{"tool ran"}));
}

TEST(ProcessRunner, ChildLeadsItsOwnProcessGroup) {
  ProcessSpec spec;
  spec.argv = {"cat", "/proc/self/stat"};  // fields: pid (name) state ppid pgrp ...
  Captured captured = run(spec);
  ASSERT_EQ(captured.out.size(), 1u);
  std::istringstream fields(captured.out.front().substr(captured.out.front().rfind(')') + 2));
  std::string state, parent, group;
  fields >> state >> parent >> group;
  EXPECT_EQ(std::stoi(captured.out.front()), std::stoi(group));
  EXPECT_NE(std::stoi(group), ::getpgrp());
}

TEST(ProcessRunner, StdinIsEmptyAndOtherDescriptorsAreClosed) {
  int opened = ::open("/dev/null", O_RDONLY);  // no O_CLOEXEC: as another thread might open one
  ASSERT_EQ(::dup2(opened, 200), 200);
  ::close(opened);
  ProcessSpec spec = shell("cat; ls /proc/self/fd");
  auto start = Clock::now();
  Captured captured = run(spec);
  ::close(200);
  EXPECT_LT(Clock::now() - start, 3s);  // cat read end of input at once
  EXPECT_EQ(std::count(captured.out.begin(), captured.out.end(), "200"), 0);
  EXPECT_EQ(std::count(captured.out.begin(), captured.out.end(), "1"), 1);
}

TEST(ProcessRunner, BackgroundProcessHoldingTheOutputDoesNotHoldTheRun) {
  Captured captured;
  auto start = Clock::now();
  captured = run(shell("sleep 3 & echo started"));
  EXPECT_LT(Clock::now() - start, 2500ms);
  EXPECT_EQ(captured.result.exit_code, 0);
  EXPECT_TRUE(captured.result.output_left_open);
  EXPECT_EQ(captured.out, (std::vector<std::string>{"started"}));
}

}  // namespace
}  // namespace planrun
