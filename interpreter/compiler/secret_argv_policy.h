#pragma once

#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// Warns about each secret parameter that a `run` step's `command` reads, directly or through an
// expression (`${upper(pw)}`): a command line is readable by every local user in
// /proc/PID/cmdline, where masking planrun's own output does not reach. The step's `env` is
// private to the command's user; the warning says to pass the secret there.
void check_secrets_in_command_lines(const ActionGraph& graph, Diagnostics& diagnostics);

}  // namespace planrun
