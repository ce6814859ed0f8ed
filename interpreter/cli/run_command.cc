#include <unistd.h>

#include <cstdio>
#include <thread>

#include "interpreter/cli/commands.h"
#include "interpreter/cli/interrupt_signals.h"
#include "interpreter/cli/run_observers.h"
#include "interpreter/cli/secret_variables.h"
#include "interpreter/cli/terminal_prompt.h"
#include "interpreter/databases/soci_databases.h"
#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/executor/executor.h"
#include "interpreter/executor/fingerprint.h"
#include "interpreter/loader/plan_loader.h"
#include "interpreter/state/run_lock.h"

namespace planrun {

namespace {

// --from and --only name a step of the plan; a typo is refused before anything runs.
void check_runnable(const ActionGraph& graph, const CommandOptions& options, Diagnostics& diagnostics) {
  for (const std::string* id : {&options.from_step, &options.only_step})
    if (!id->empty() && !graph.find_step(*id))
      diagnostics.error({"--from/--only " + *id, 0, 0}, "no step '" + *id + "' in " + graph.source_path);
}

// `databases` holds the plan's credentials and outlives the run.
ExecutorOptions executor_options(const CommandOptions& options, const std::filesystem::path& state_dir,
                                 const std::string& plan_text, Databases& databases) {
  ExecutorOptions result;
  result.jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  result.interaction = {options.yes, isatty(STDIN_FILENO) && isatty(STDERR_FILENO),
                        [](const std::string& question, const CancellationToken& cancel) {
                          return terminal_prompt().ask(question, cancel);
                        }};
  result.fresh = options.fresh;
  result.from_step = options.from_step;
  result.only_step = options.only_step;
  result.state_dir = state_dir;
  result.plan_path = options.plans.front();
  result.plan_fingerprint = sha256_hex(plan_text);
  result.services = system_step_services();
  result.services.databases = &databases;
  return result;
}

int execute(const ActionGraph& graph, const ParamValues& params, const CommandOptions& options,
            const std::string& plan_text, ExecutionObserver& observers) {
  std::filesystem::path state_dir = state_dir_for(options);
  RunLockOptions lock_options;
  lock_options.allow_network_file_system = options.allow_network_state;
  RunLock lock(state_dir, lock_options);
  if (lock.taken_over())
    std::fprintf(stderr, "planrun: warning: took over the lock of a run that died (%s)\n",
                 lock.taken_over()->describe(wall_now()).c_str());
  StateStore store(state_dir, plan_key_for(options));
  CancellationToken cancel;
  InterruptSignals signals(cancel, [] {
    std::fputs("\nplanrun: stopping: running steps finish at a safe point (Ctrl-C again stops at once)\n", stderr);
  });
  SociDatabases databases(DatabaseCredentials::from_params(graph, params));  // the passwords the plan binds
  Executor executor(graph, params, store, observers, cancel, executor_options(options, state_dir, plan_text, databases));
  try {
    return executor.run().exit_code;
  } catch (const StateError& error) {
    // The running steps were stopped; what was recorded before the failure stands.
    std::fprintf(stderr, "planrun: the run stopped: %s\n", error.what());
    return kExitStateFailed;
  }
}

}  // namespace

// Compiles the plan, resolves its parameters, takes the state's lock and runs or resumes it.
int run_run_command(const CommandOptions& options) {
  SourceFiles sources;
  Diagnostics diagnostics;
  auto graph = load_plan(options.plans.front(), sources, diagnostics);
  std::optional<ParamValues> params;
  if (graph) params = resolve_params(*graph, options.params, sources, diagnostics);
  if (params) remove_secret_variables(*graph);
  if (params) check_runnable(*graph, options, diagnostics);
  print_diagnostics(diagnostics, sources);
  if (diagnostics.has_errors()) return kExitInvalid;
  std::unique_ptr<ObserverList> observers;
  try {
    observers = make_run_observers(options);
  } catch (const std::runtime_error& error) {  // --log-json names a file that cannot be written
    std::fprintf(stderr, "planrun: %s\n", error.what());
    return kExitInvalid;
  }
  try {
    return execute(*graph, *params, options, sources.text(options.plans.front()), *observers);
  } catch (const LockedError& error) {
    std::fprintf(stderr, "planrun: %s\n", error.what());
    return kExitLocked;
  } catch (const StateError& error) {  // the state could not be opened or locked
    return report_state_error(error);
  }
}

}  // namespace planrun
