// planrun's command line: parse the arguments, run the command, map the outcome to an exit code.
#include <signal.h>

#include <cstdio>
#include <exception>

#include "interpreter/cli/commands.h"
#include "interpreter/cli/core_dumps.h"
#include "interpreter/diagnostics/exit_code.h"

int main(int argc, char** argv) {
  // A reader that went away (`planrun status | head`) must not kill planrun in the middle of
  // recording a step: writes fail with EPIPE instead. Commands get the default back.
  ::signal(SIGPIPE, SIG_IGN);
  // Likewise a file that may not grow (ulimit -f): the write fails with EFBIG, reported like a
  // full disk, instead of planrun being killed between two records.
  ::signal(SIGXFSZ, SIG_IGN);
  // Secrets are read before any command runs; no core dump may ever hold them.
  planrun::disable_core_dumps();
  planrun::CommandOptions options;
  int exit_code = planrun::kExitSuccess;
  if (!planrun::parse_command_line(argc, argv, options, exit_code)) return exit_code;
  try {
    return planrun::run_command(options);
  } catch (const std::exception& error) {
    // Mistakes in plans and inputs are diagnostics; reaching here is a bug in planrun itself.
    std::fprintf(stderr, "planrun: internal error: %s\nThis is a bug in planrun; please report it.\n", error.what());
    return planrun::kExitInternalError;
  }
}
