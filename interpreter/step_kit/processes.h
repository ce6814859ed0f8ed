#pragma once

#include "interpreter/process/process_liveness.h"
#include "interpreter/process/process_runner.h"

namespace planrun {

// The commands a step starts. A thin seam over process/ProcessRunner, so that a step's unit
// test can script what a command prints and how it ends without starting one.
class Processes {
 public:
  virtual ~Processes() = default;
  // Runs the command to its end on the calling thread; see ProcessRunner::run.
  virtual ProcessResult run(const ProcessSpec& spec, const OutputHandler& on_line) const = 0;
  // Whether process `pid` runs (process/process_liveness.h): a server a step waits for.
  virtual bool running(pid_t pid) const = 0;
};

// Runs commands for real, with a ProcessRunner (by default the system's).
class SystemProcesses final : public Processes {
 public:
  explicit SystemProcesses(const ProcessRunner& runner = system_process_runner()) : runner_(runner) {}
  ProcessResult run(const ProcessSpec& spec, const OutputHandler& on_line) const override {
    return runner_.run(spec, on_line);
  }
  bool running(pid_t pid) const override { return process_alive(pid); }

 private:
  const ProcessRunner& runner_;
};

}  // namespace planrun
