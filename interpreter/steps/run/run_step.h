#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `run` step: runs a command (argv, or a string for /bin/sh -c) with env additions, a
// working directory, a timeout and the exit codes that count as success. Its output goes,
// masked of secrets, to the step log and to <run_dir>/<step id>.log; it publishes exit_code
// and the end of its stdout. Commands start through the context's Processes service.
class RunStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
