#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "interpreter/evaluation/param_values.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/step_kit/step_services.h"
#include "interpreter/executor/execution_observer.h"
#include "interpreter/graph/action_graph.h"
#include "interpreter/state/state_store.h"

namespace planrun {

struct ExecutorOptions {
  int jobs = 1;                     // steps that may run at once
  Interaction interaction;
  bool fresh = false;               // forget every step's state first
  std::string from_step;            // run this step and everything downstream again
  std::string only_step;            // run this step alone
  std::filesystem::path state_dir;
  std::string plan_path;
  std::string plan_fingerprint;
  // What steps reach the world through; the caller owns them. The CLI passes the real ones and
  // a SociDatabases with the plan's credentials; a test may pass fakes (a ManualClock makes
  // waits, step deadlines and retry delays take no time). Without Databases, a step that opens
  // a database fails as a bug in planrun.
  StepServices services = system_step_services();
};

// Runs an ActionGraph against the state store: skips steps done with the same fingerprint,
// resumes interrupted ones, runs ready steps in parallel up to `jobs`, skips the dependents of a
// failed step while independent branches finish, and stops starting steps once `cancel` is
// requested (running steps are asked to stop at a safe point). The caller holds the run lock.
class Executor {
 public:
  Executor(const ActionGraph& graph, const ParamValues& params, StateStore& store, ExecutionObserver& observer,
           const CancellationToken& cancel, ExecutorOptions options);
  ~Executor();

  RunSummary run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The exit code a run's results call for (diagnostics/exit_code.h): 130 interrupted, 70 a step
// failed by a bug in planrun, 1 a step failed, 3 only assertions failed, 0 otherwise.
int exit_code_for(const std::vector<StepResult>& results, bool interrupted);

}  // namespace planrun
