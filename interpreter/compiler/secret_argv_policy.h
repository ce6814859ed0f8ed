#pragma once

#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// Warns about each secret parameter that a command line reads, directly or through an
// expression (`${upper(pw)}`), in any field of any step type whose type is a command line
// (schema_parts.h is_command_line_type: run's `command`, smoke-test's command checks): a command line is
// readable by every local user in /proc/PID/cmdline, where masking planrun's own output does
// not reach. An environment variable or the standard input is private to the command's user;
// the warning says to pass the secret there.
void check_secrets_in_command_lines(const ActionGraph& graph, Diagnostics& diagnostics);

}  // namespace planrun
