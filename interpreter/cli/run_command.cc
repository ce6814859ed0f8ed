#include <cstdio>

#include "interpreter/cli/commands.h"
#include "interpreter/cli/exit_codes.h"
#include "interpreter/frontend/plan_loader.h"

namespace planrun {

// Running plans arrives with the executor; until then the command checks the plan and says so
// plainly instead of pretending to run it.
int run_run_command(const CommandOptions& options) {
  SourceFiles sources;
  Diagnostics diagnostics;
  auto graph = load_plan(options.plans.front(), sources, diagnostics);
  print_diagnostics(diagnostics, sources);
  if (!graph) return kExitInvalid;
  std::fprintf(stderr,
               "planrun: running plans is not available in this version yet; "
               "use 'planrun plan %s' to preview it\n",
               options.plans.front().c_str());
  return kExitInvalid;
}

}  // namespace planrun
