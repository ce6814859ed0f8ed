#pragma once

#include "interpreter/executor/step_context.h"
#include "interpreter/process/process_runner.h"

namespace planrun {

// The `run` step: runs a command (argv, or a string for /bin/sh -c) with env additions, a
// working directory, a timeout and the exit codes that count as success. Its output goes,
// masked of secrets, to the step log and to <run_dir>/<step id>.log; it publishes exit_code
// and the end of its stdout.
class RunStep final : public StepAction {
 public:
  explicit RunStep(const ProcessRunner& runner = system_process_runner()) : runner_(runner) {}
  void run(StepContext& context) const override;

 private:
  const ProcessRunner& runner_;
};

}  // namespace planrun
