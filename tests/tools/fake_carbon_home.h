#pragma once

// Test homes made by scripts/make-carbon-home.sh and the fake Carbon server they run, for
// carbon_home_test.cc and fake_carbon_server_test.cc.

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "interpreter/process/process_liveness.h"
#include "tests/support/tcp_test_listener.h"
#include "tests/support/tree_snapshot.h"

namespace planrun::testing {

inline std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline bool port_free(int port) {
  try {
    TcpTestListener probe(static_cast<uint16_t>(port));
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

// A port offset whose HTTPS and HTTP ports are both free now.
inline int free_carbon_offset() {
  std::mt19937 random(static_cast<unsigned>(::getpid()) ^ static_cast<unsigned>(time(nullptr)) ^
                      static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count()));
  for (;;) {
    int offset = 1000 + static_cast<int>(random() % 40000);
    if (port_free(9443 + offset) && port_free(9763 + offset)) return offset;
  }
}

// scripts/make-carbon-home.sh --out DIR --offset OFFSET ARGS (shell words, already quoted).
inline ShellOutcome make_carbon_home(const std::filesystem::path& dir, int offset, const std::string& args) {
  return shell(std::string(PLANRUN_SOURCE_DIR) + "/scripts/make-carbon-home.sh --out " + shell_quoted(dir.string()) +
               " --offset " + std::to_string(offset) + " --server " + PLANRUN_FAKE_CARBON_SERVER + " " + args);
}

// How a start the launcher set off ended, from the log: "started" appeared, or the server's
// process ended first (or neither within the time limit).
struct CarbonStart {
  bool started = false;
  std::string log;  // what this start wrote to repository/logs/wso2carbon.log
};

// A zombie does not run: an exited server waits for its reaper (here the sandbox's init, which
// reaps every two seconds or so), and a test must not wait for that.
inline bool process_runs(const std::string& pid) {
  std::optional<pid_t> number = planrun::pid_in(pid);
  return number && process_alive(*number);
}

inline std::string pid_in(const std::filesystem::path& home) {
  std::string pid = file_text(home / "wso2carbon.pid");
  while (!pid.empty() && pid.back() == '\n') pid.pop_back();
  return pid;
}

// Waits until a server started after the log was `log_size_before` bytes long and the pid file
// held `pid_before` (a new pid in wso2carbon.pid) logged "started" or exited.
inline CarbonStart wait_for_carbon(const std::filesystem::path& home, size_t log_size_before, const std::string& pid_before,
                                   std::chrono::seconds limit = std::chrono::seconds(30)) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  CarbonStart outcome;
  for (;;) {
    std::string pid = pid_in(home);
    bool exited = !pid.empty() && pid != pid_before && !process_runs(pid);
    outcome.log = file_text(home / "repository/logs/wso2carbon.log").substr(log_size_before);
    outcome.started = outcome.log.find("WSO2 Carbon started in ") != std::string::npos;
    if (outcome.started || exited) return outcome;
    if (std::chrono::steady_clock::now() > deadline) {
      ADD_FAILURE() << "the server neither started nor exited within " << limit.count() << " s: " << outcome.log;
      return outcome;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

// Runs `bin/wso2server.sh start ARGS`, which returns at once, and waits for the server it started.
inline CarbonStart start_carbon(const std::filesystem::path& home, const std::string& args = "") {
  size_t log_size_before = file_text(home / "repository/logs/wso2carbon.log").size();
  std::string pid_before = pid_in(home);
  ShellOutcome launched = shell((home / "bin/wso2server.sh").string() + " start " + args);
  EXPECT_EQ(launched.exit_code, 0) << launched.output;
  return wait_for_carbon(home, log_size_before, pid_before);
}

// Stops the server with `bin/wso2server.sh stop` (which returns at once) and waits until its
// process is gone.
inline void stop_carbon(const std::filesystem::path& home) {
  std::string pid = pid_in(home);
  shell((home / "bin/wso2server.sh").string() + " stop");
  for (int i = 0; i < 600 && process_runs(pid); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

}  // namespace planrun::testing
