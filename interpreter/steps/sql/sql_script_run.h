#pragma once

#include <cstddef>
#include <string>

#include "interpreter/databases/database_connection.h"
#include "interpreter/step_kit/step_context.h"
#include "interpreter/steps/sql/sql_script.h"

namespace planrun {

// How the `sql` step runs its statements.
struct SqlRunOptions {
  bool transaction = true;         // all in one transaction, or each committed by itself
  bool continue_on_error = false;  // on_error: continue
  // What a resume does with a statement that was started and not recorded: "stop" (fail and
  // ask), "skip" (the operator saw it took effect), "rerun" (it did not).
  std::string on_doubt = "stop";
};

struct SqlRunResult {
  size_t statements = 0;  // in the script
  size_t failed = 0;      // under on_error: continue
};

// Runs the script on the connection, resuming from the step's checkpoints (sql_progress.h).
// Throws StepFailure with the failing statement's message (sql_failure_message.h).
SqlRunResult run_sql_script(StepContext& context, DatabaseConnection& connection, const SqlScript& script,
                            const SqlRunOptions& options);

}  // namespace planrun
