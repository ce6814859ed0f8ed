// The catalogue entry of `run`: no database client or archive library is linked from here.

#include "interpreter/steps/run/run_fields.h"

namespace planrun {

const RunWaitFields& run_wait_fields() {
  static const RunWaitFields declared;
  return declared;
}

const RunFields& run_fields() {
  static const RunFields declared;
  return declared;
}

const StepSchema& run_schema() {
  static const StepSchema schema = make_step_schema(
      "run", 1, "runs a command (argv, env, working dir, timeout, expected exit codes), output to the log",
      StepSchema::Effect::External,
      {run_fields().command.spec(), run_fields().env.spec(), run_fields().cwd.spec(), run_fields().timeout.spec(),
       expect_exit_field().spec(), run_fields().wait.spec()},
      {}, {"exit_code", "stdout", "log_offset"});
  return schema;
}

}  // namespace planrun
