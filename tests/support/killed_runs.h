#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "interpreter/state/state_store.h"

namespace planrun::testing {

// What the crash tests need to kill the real binary and check what it left: each test's plan
// has steps that append their id to <dir>/log, and keeps its state in <dir>/.planrun.

// Starts `planrun run <dir>/<plan> --quiet ARGS...` with its output thrown away.
inline pid_t start_planrun(const std::filesystem::path& dir, const std::string& plan,
                           const std::vector<std::string>& args = {}) {
  pid_t pid = fork();
  if (pid == 0) {
    std::string path = (dir / plan).string();
    std::vector<const char*> argv{PLANRUN_BINARY, "run", path.c_str(), "--quiet"};
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    argv.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execv(PLANRUN_BINARY, const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  return pid;
}

// The exit code, or minus the signal that ended the process.
inline int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// How many times each step ran, from the steps' own log: the independent witness.
inline std::map<std::string, int> runs_per_step(const std::filesystem::path& dir) {
  std::map<std::string, int> counts;
  std::ifstream log(dir / "log");
  for (std::string line; std::getline(log, line);) ++counts[line];
  return counts;
}

// The steps the state records as done for `plan`, read without changing the state.
inline std::set<std::string> done_steps(const std::filesystem::path& dir, const std::string& plan) {
  std::set<std::string> done;
  if (!std::filesystem::exists(dir / ".planrun" / "state.db")) return done;
  StateStore store(dir / ".planrun", plan, StateStore::Access::ReadOnly);
  for (const StepRecord& record : store.all_steps())
    if (record.status == StepStatus::Done) done.insert(record.step_id);
  return done;
}

}  // namespace planrun::testing
