#pragma once

#include <filesystem>

#include "interpreter/cli/command_options.h"
#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/state/state_error.h"

namespace planrun {

// Each command returns its exit code (diagnostics/exit_code.h).
int run_check_command(const CommandOptions& options);
int run_plan_command(const CommandOptions& options);
int run_graph_command(const CommandOptions& options);
int run_explain_command(const CommandOptions& options);
int run_run_command(const CommandOptions& options);
int run_status_command(const CommandOptions& options);
int run_unlock_command(const CommandOptions& options);
int run_fmt_command(const CommandOptions& options);
int run_diff_command(const CommandOptions& options);
int run_new_command(const CommandOptions& options);
int run_schema_command(const CommandOptions& options);

// Runs the command the options name.
int run_command(const CommandOptions& options);

// The state directory: --state, else .planrun/ beside the plan, else ./.planrun.
std::filesystem::path state_dir_for(const CommandOptions& options);
// The key of the plan's records in that state directory (state/plan_key.h); "" without a plan.
std::string plan_key_for(const CommandOptions& options);

// Prints a state error as it is and returns its exit code: 5 when the system refused to read or
// write the state (disk full, I/O error), 2 when the state itself is wrong (corrupt, newer).
int report_state_error(const StateError& error);

// Prints diagnostics to stderr, sorted by position, each with its source line and caret.
void print_diagnostics(const Diagnostics& diagnostics, const SourceFiles& sources);

}  // namespace planrun
