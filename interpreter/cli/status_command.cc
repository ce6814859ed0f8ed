#include <cstdio>

#include "interpreter/cli/commands.h"
#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/loader/plan_loader.h"
#include "interpreter/render/status_report.h"
#include "interpreter/state/run_lock.h"
#include "interpreter/state/state_store.h"

namespace planrun {

// Shows what the state store remembers. With a plan, its steps are listed in plan order,
// including those that never ran; it never creates a state directory that is not there.
int run_status_command(const CommandOptions& options) {
  std::filesystem::path state_dir = state_dir_for(options);
  std::optional<ActionGraph> graph;
  if (!options.plans.empty()) {
    SourceFiles sources;
    Diagnostics diagnostics;
    graph = load_plan(options.plans.front(), sources, diagnostics);
    print_diagnostics(diagnostics, sources);
    if (!graph) return kExitInvalid;
  }
  if (!std::filesystem::exists(state_dir / "state.db")) {
    std::printf("no runs recorded in %s\n", state_dir.c_str());
    return kExitSuccess;
  }
  try {
    StateStore store(state_dir, plan_key_for(options), StateStore::Access::ReadOnly);
    std::fputs(status_report(store, graph ? &*graph : nullptr, RunLock::read_owner(state_dir),
                             RunLock::is_held(state_dir))
                   .c_str(),
               stdout);
  } catch (const StateError& error) {
    return report_state_error(error);
  }
  return kExitSuccess;
}

}  // namespace planrun
