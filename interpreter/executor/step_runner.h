#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "interpreter/executor/attempt_control.h"
#include "interpreter/executor/execution_observer.h"
#include "interpreter/step_kit/step_context.h"
#include "interpreter/step_kit/step_type.h"
#include "interpreter/state/state_store.h"

namespace planrun {

// What the executor hands a worker thread to run one step: the resolved inputs and the services
// of the run. The worker owns nothing of the run; it writes only its step's rows.
struct StepJob {
  const StepNode* step = nullptr;
  const StepType* action = nullptr;
  Value::Map fields;
  std::string fingerprint;
  bool resumed = false;
  int64_t run_id = 0;
  std::string inputs_json;  // the fingerprinted fields, recorded with the start
  StateStore::Durability done_durability = StateStore::Durability::Synced;
  // Its checkpoints belong to other inputs and its type starts over: discard_partial_work()
  // runs first, then the checkpoints and the work directory are forgotten.
  bool start_over = false;
};

struct RunServices {
  StateStore& store;
  ExecutionObserver& observer;
  const SecretMasker& masker;
  Interaction interaction;
  std::filesystem::path state_dir;
  std::filesystem::path run_dir;
  StepServices step_services = system_step_services();  // what steps reach the world through
};

// Where a step keeps partial files across interruptions (StepContext::work_dir): per plan, as
// plans sharing a state directory may have steps of the same id.
std::filesystem::path work_dir_of(const StateStore& store, const std::filesystem::path& state_dir,
                                  const std::string& step_id);

// Runs a step's attempts (its `retry` policy) and records each in the state store: running
// before, done only after the action returned (its effects durable), failed with the cause.
// Returns the outcome; `outputs` receives what the step published.
StepResult run_step_job(const StepJob& job, RunServices& services, AttemptControl& control, Value::Map& outputs);

}  // namespace planrun
