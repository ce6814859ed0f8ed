#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace planrun::testing {

// What the real planrun binary did: its exit code and its stdout and stderr together.
struct Outcome {
  int exit_code = -1;
  std::string output;
};

// Runs the planrun binary with `args` (shell words) in directory `cwd`, with `env` (shell
// assignments, or a prefix such as `ulimit -f 64;`) before the command.
inline Outcome run_planrun(const std::string& args, const std::string& cwd, const std::string& env = "") {
  std::string command = "cd '" + cwd + "' && " + env + " " + PLANRUN_BINARY + " " + args + " 2>&1";
  Outcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  while (size_t got = fread(buffer.data(), 1, buffer.size(), pipe)) outcome.output.append(buffer.data(), got);
  int status = pclose(pipe);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

}  // namespace planrun::testing
