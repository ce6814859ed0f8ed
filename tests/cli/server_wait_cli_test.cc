// run's `wait` with the real binary and a real server in small: a shell script that, like
// Carbon's wso2server.sh, returns at once and leaves a background process that writes its pid
// file and its log slowly. It must become ready, fail on an ERROR line, fail when the process
// exits, time out, and, killed with SIGKILL while it waits, resume without starting it twice.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "interpreter/process/process_liveness.h"
#include "tests/support/killed_runs.h"
#include "tests/support/planrun_binary.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// start: counts the launch in `launches` and leaves a server behind whose behaviour the file
// `mode` says; stop: sends it SIGTERM and returns at once, as Carbon's script does.
constexpr const char* server_script = R"SH(#!/bin/sh
dir=$(dirname "$0")
case "$1" in
start)
  echo launch >> "$dir/launches"
  nohup sh -c '
    dir=$0; mode=$1; log=$dir/server.log
    echo $$ > "$dir/server.pid"
    sleep 0.3; echo "INFO booting" >> "$log"
    sleep 0.5
    case $mode in
      ready) printf "INFO WSO2 Carbon star" >> "$log"; sleep 0.3; echo "ted in 1 sec" >> "$log"; exec sleep 60;;
      slow) sleep 3; echo "INFO WSO2 Carbon started in 4 sec" >> "$log"; exec sleep 60;;
      error) echo "TID: [-1234] [] [2026-12-07 21:40:01,123] ERROR {org.wso2.carbon.core} -  Cannot connect" >> "$log"; exec sleep 60;;
      exit) echo "INFO Halting JVM" >> "$log"; exit 1;;
      silent) exec sleep 60;;
    esac' "$dir" "$(cat "$dir/mode")" > /dev/null 2>&1 &
  ;;
stop)
  kill "$(cat "$dir/server.pid")"
  ;;
esac
)SH";

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class ServerWait : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir() / "server.sh") << server_script;
    fs::permissions(dir() / "server.sh", fs::perms::owner_all);
    // The log of an earlier run, whose "started" line must not count.
    std::ofstream(dir() / "server.log") << "INFO WSO2 Carbon started in 5 sec\nINFO stopped\n";
    std::ofstream(dir() / "plan.yaml") << plan();
  }
  void TearDown() override {
    if (auto pid = server_pid(); pid && process_alive(*pid)) ::kill(*pid, SIGKILL);
  }
  std::string plan(const std::string& timeout = "10s") const {
    std::string d = dir().string();
    return "planrun: 1\nname: server\nsteps:\n"
           "  - id: start\n    type: run\n    with:\n"
           "      command: [" + d + "/server.sh, start]\n"
           "      wait:\n"
           "        log: {file: " + d + "/server.log, ready: 'WSO2 Carbon started in', pid_file: " + d + "/server.pid}\n"
           "        timeout: " + timeout + "\n        interval: 100ms\n"
           "  - id: stop\n    type: run\n    needs: [start]\n    with:\n"
           "      command: [" + d + "/server.sh, stop]\n"
           "      wait: {process_gone: " + d + "/server.pid, timeout: 10s, interval: 100ms}\n";
  }
  void set_mode(const std::string& mode) { std::ofstream(dir() / "mode") << mode << "\n"; }
  // How many times the server was started.
  int read_count() const {
    std::ifstream in(dir() / "launches");
    int count = 0;
    for (std::string line; std::getline(in, line);) ++count;
    return count;
  }
  std::optional<pid_t> server_pid() const { return pid_in(read_text(dir() / "server.pid")); }
  testing::Outcome run() const { return testing::run_planrun("run plan.yaml", dir().string()); }
  const fs::path& dir() const { return temp.path(); }

  testing::TempDir temp;
};

TEST_F(ServerWait, StartWaitsForTheNewStartedLineAndStopWaitsForTheExit) {
  set_mode("ready");
  auto outcome = run();
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_EQ(read_count(), 1);
  std::string log = read_text(dir() / "server.log");
  EXPECT_NE(log.find("INFO WSO2 Carbon started in 1 sec"), std::string::npos) << "ready only once the line is whole";
  ASSERT_TRUE(server_pid());
  EXPECT_FALSE(process_alive(*server_pid())) << "stop returned only once the server had exited";
}

TEST_F(ServerWait, AnErrorLineFailsTheStartNamingTheLine) {
  set_mode("error");
  auto outcome = run();
  EXPECT_EQ(outcome.exit_code, 1) << outcome.output;
  EXPECT_NE(outcome.output.find((dir() / "server.log").string() + ":4: the log shows a failure (fail_on "),
            std::string::npos)
      << outcome.output;
  EXPECT_NE(outcome.output.find("ERROR {org.wso2.carbon.core} -  Cannot connect"), std::string::npos) << outcome.output;
}

TEST_F(ServerWait, AServerThatExitsFailsTheStartWithItsLastLines) {
  set_mode("exit");
  auto outcome = run();
  EXPECT_EQ(outcome.exit_code, 1) << outcome.output;
  EXPECT_NE(outcome.output.find("the server exited: process"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("INFO Halting JVM"), std::string::npos) << outcome.output;
}

TEST_F(ServerWait, AServerThatNeverSaysItStartedTimesOut) {
  set_mode("silent");
  std::ofstream(dir() / "plan.yaml") << plan("2s");
  auto outcome = run();
  EXPECT_EQ(outcome.exit_code, 1) << outcome.output;
  EXPECT_NE(outcome.output.find("showed no line matching 'WSO2 Carbon started in' within 2s"), std::string::npos)
      << outcome.output;
  EXPECT_NE(outcome.output.find("INFO booting"), std::string::npos) << outcome.output;
}

TEST_F(ServerWait, KilledWhileWaitingAResumedRunWaitsWithoutStartingTheServerAgain) {
  set_mode("slow");
  pid_t planrun = testing::start_planrun(dir(), "plan.yaml");
  auto deadline = std::chrono::steady_clock::now() + 20s;
  while (read_text(dir() / "server.log").find("booting") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(50ms);
  std::this_thread::sleep_for(1s);  // the command's end is recorded at once; the line comes 3 s later
  ::kill(planrun, SIGKILL);
  testing::wait_exit(planrun);
  ASSERT_EQ(read_count(), 1);
  ASSERT_EQ(read_text(dir() / "server.log").find("started in 4 sec"), std::string::npos) << "killed before ready";
  // Resumed as it was started (the same plan path from the same directory: `cwd` is an input).
  auto outcome = testing::run_planrun("run '" + (dir() / "plan.yaml").string() + "'", fs::current_path().string());
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_EQ(read_count(), 1) << "the server was started once";
  EXPECT_NE(outcome.output.find("not running it again"), std::string::npos) << outcome.output;
}

}  // namespace
}  // namespace planrun
