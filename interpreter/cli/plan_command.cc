#include <cstdio>

#include "interpreter/cli/commands.h"
#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/evaluation/plan_scope.h"
#include "interpreter/loader/plan_loader.h"
#include "interpreter/executor/run_forecast.h"
#include "interpreter/render/plan_preview.h"
#include "interpreter/state/state_error.h"

namespace planrun {

// The dry run: compiles, resolves parameters as a run would, and shows what would happen.
int run_plan_command(const CommandOptions& options) {
  SourceFiles sources;
  Diagnostics diagnostics;
  auto graph = load_plan(options.plans.front(), sources, diagnostics);
  std::optional<ParamValues> params;
  if (graph) params = resolve_params(*graph, options.params, sources, diagnostics);
  std::string preview;
  try {
    if (params)
      preview = preview_plan(*graph, *params, PlanScope(*params),
                             forecast_run(*graph, *params, state_dir_for(options), plan_key_for(options)), diagnostics,
                             resumable_checkpoints(*graph, *params, state_dir_for(options), plan_key_for(options)));
  } catch (const StateError& error) {
    diagnostics.error({state_dir_for(options).string(), 0, 0}, error.what());
  }
  print_diagnostics(diagnostics, sources);
  if (diagnostics.has_errors()) return kExitInvalid;
  std::fputs(preview.c_str(), stdout);
  return kExitSuccess;
}

}  // namespace planrun
