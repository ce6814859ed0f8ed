#include "interpreter/executor/executor.h"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/evaluation/plan_scope.h"
#include "interpreter/executor/step_inputs.h"
#include "interpreter/executor/secret_masker_set.h"
#include "interpreter/executor/step_decision.h"
#include "interpreter/executor/step_runner.h"
#include "interpreter/state/fingerprint_key.h"
#include "interpreter/state/state_dir.h"
#include "interpreter/state/state_error.h"
#include "interpreter/steps/step_catalog.h"
#include "interpreter/steps/step_registry.h"
#include "interpreter/values/value_json.h"

namespace planrun {

namespace {

using Clock = std::chrono::steady_clock;

// The record's message of a step skipped because its `when` is false.
constexpr const char* kConditionIsFalse = "condition is false";

// One step's place in this run.
struct Slot {
  enum class Phase { Waiting, Running, Finished };
  Phase phase = Phase::Waiting;
  StepResult result;
  std::string fingerprint;  // what downstream fingerprints build on
  bool blocks = false;      // its dependents must not run
  AttemptControl control;
  Value::Map outputs;
  std::thread worker;
  std::exception_ptr worker_error;  // the state store failed, or a bug: carried to the main thread
};

std::set<size_t> downstream_of(const ActionGraph& graph, const std::string& id) {
  std::set<size_t> result;
  for (size_t i = 0; i < graph.steps.size(); ++i) {
    bool reached = graph.steps[i].id == id;
    for (size_t need : graph.steps[i].needs) reached = reached || result.count(need);
    if (reached) result.insert(i);
  }
  return result;
}

// Steps whose effects planrun cannot make durable (a command's writes, a check's finding) are
// recorded done without a flush of their own: a power cut may undo their effects as well, and
// then running them again is right. Steps that write data sync their record (state_store.h).
StateStore::Durability done_durability(const StepNode& step) {
  const StepSchema* schema = find_step_schema(step.type);
  bool unsynced_effects = !schema || schema->effect == StepSchema::Effect::Check ||
                          schema->effect == StepSchema::Effect::External;
  return unsynced_effects ? StateStore::Durability::Relaxed : StateStore::Durability::Synced;
}

// The run directory is part of the state: a full disk there stops the run as a state failure (exit 5).
void create_run_dir(const std::filesystem::path& run_dir) {
  try {
    std::filesystem::create_directories(run_dir);
  } catch (const std::system_error& error) {
    throw StateError("cannot create the run directory " + run_dir.string() + ": " + error.code().message(),
                     StateError::Cause::System);
  }
}

std::string failure_note(const Slot& slot) {
  return slot.result.outcome == StepOutcome::Failed ? "failed" : "did not run";
}

}  // namespace

struct Executor::Impl {
  Impl(const ActionGraph& graph, const ParamValues& params, StateStore& store, ExecutionObserver& observer,
       const CancellationToken& cancel, ExecutorOptions options)
      : graph(graph), params(params), store(store), observer(observer), cancel(cancel),
        options(std::move(options)), scope(params), masker(params), slots(graph.steps.size()) {}

  const ActionGraph& graph;
  const ParamValues& params;
  StateStore& store;
  ExecutionObserver& observer;
  const CancellationToken& cancel;
  ExecutorOptions options;
  PlanScope scope;
  SecretMaskerSet masker;
  std::vector<Slot> slots;
  std::vector<std::vector<size_t>> dependents;  // steps that need each step
  std::vector<size_t> unfinished_needs;
  std::set<size_t> ready;                       // waiting steps whose needs are all finished, in graph order
  std::set<size_t> forced;
  std::string key;
  int64_t run_id = 0;
  std::filesystem::path run_dir;
  size_t finished = 0;
  int running = 0;
  std::mutex done_mutex;  // guards `done` and `interrupted`: what wakes the loop
  std::condition_variable done_signal;
  std::vector<size_t> done;
  bool interrupted = false;  // the run's cancellation was asked for since the loop last looked

  void begin();
  void reset_from_step();
  void start_ready_steps();
  void consider(size_t index);
  void prepare_and_start(size_t index);
  void skip_for_condition(size_t index);
  void stand_as_recorded(size_t index, const std::optional<StepRecord>& record, const std::string& reason);
  void stop_workers();
  std::optional<std::string> need_that_never_ran(const StepNode& step) const;
  bool has_partial_work(const StepNode& step) const;
  void launch(size_t index, StepJob job);
  void collect_finished_steps();
  void wake_on_interruption();
  void finish(size_t index, StepOutcome outcome, std::string message, bool blocks);
  RunSummary end(Clock::time_point started);
};

void Executor::Impl::begin() {
  dependents.resize(graph.steps.size());
  for (size_t i = 0; i < graph.steps.size(); ++i) {
    unfinished_needs.push_back(graph.steps[i].needs.size());
    for (size_t need : graph.steps[i].needs) dependents[need].push_back(i);
    if (graph.steps[i].needs.empty()) ready.insert(i);
  }
  if (options.fresh) store.reset_all();
  if (!options.from_step.empty()) reset_from_step();
  key = load_or_create_fingerprint_key(options.state_dir);
  std::string params_json = to_json(Value(Value::Map(params.begin(), params.end()))).dump();
  run_id = store.begin_run(options.plan_path, options.plan_fingerprint, params_json);
  run_dir = StateDir(options.state_dir).run_dir(run_id);
  create_run_dir(run_dir);
  scope.set_run(std::to_string(run_id), run_dir.string());
  observer.run_started({run_id, graph.name, options.plan_path, run_dir.string(), graph.steps.size(), options.jobs});
}

// --from forgets STEP and everything downstream in one transaction before anything runs, so an
// interruption cannot leave some of them with their old records and the next run skipping them.
void Executor::Impl::reset_from_step() {
  forced = downstream_of(graph, options.from_step);
  std::vector<std::string> ids;
  for (size_t index : forced) ids.push_back(graph.steps[index].id);
  store.reset_steps(ids);
}

// Steps that finish here (skipped, up to date) make their dependents ready at once; those come
// later in graph order, so this same pass reaches them.
void Executor::Impl::start_ready_steps() {
  for (auto it = ready.begin(); it != ready.end();) {
    size_t index = *it;
    consider(index);
    it = slots[index].phase == Slot::Phase::Waiting ? std::next(it) : ready.erase(it);
  }
}

void Executor::Impl::consider(size_t index) {
  const StepNode& step = graph.steps[index];
  if (cancel.requested()) return finish(index, StepOutcome::Cancelled, "not started: the run was interrupted", true);
  for (size_t need : step.needs) {
    if (!slots[need].blocks) continue;
    std::string reason = "needs '" + graph.steps[need].id + "', which " + failure_note(slots[need]);
    store.mark_skipped(step.id, run_id, reason);
    return finish(index, StepOutcome::Skipped, reason, true);
  }
  if (!options.only_step.empty() && step.id != options.only_step)
    return stand_as_recorded(index, store.step_state(step.id), "not selected by --only");
  if (!options.only_step.empty())
    if (std::optional<std::string> missing = need_that_never_ran(step))
      return finish(index, StepOutcome::Failed,
                    "cannot run it alone (--only): it needs '" + *missing +
                        "', which has not run; run the plan without --only, or --only " + *missing + " first",
                    true);
  if (running < options.jobs) prepare_and_start(index);
}

// --only runs a step against what its needs recorded. A need that never ran (or failed) has
// recorded nothing to stand on: running the step anyway would skip its prerequisites (a
// copy-db before its backup) and make the next plain run run it again.
std::optional<std::string> Executor::Impl::need_that_never_ran(const StepNode& step) const {
  for (size_t need : step.needs) {
    std::optional<StepRecord> record = store.step_state(graph.steps[need].id);
    bool stands = record && (record->status == StepStatus::Done ||
                             (record->status == StepStatus::Skipped && record->message == kConditionIsFalse));
    if (!stands) return graph.steps[need].id;
  }
  return std::nullopt;
}

void Executor::Impl::prepare_and_start(size_t index) {
  const StepNode& step = graph.steps[index];
  std::vector<std::string> upstream;
  for (size_t need : step.needs) upstream.push_back(slots[need].fingerprint);
  StepInputs inputs;
  try {
    inputs = resolve_step_inputs(step, scope, upstream, key);
  } catch (const std::exception& error) {
    // Type errors and missing values surface only now, with the values of this run. Nothing of
    // the step was tried, so its record (done, checkpoints) stays as it was.
    std::string message = masker.mask(error.what());
    return finish(index, StepOutcome::Failed, message, !step.continue_on_error);
  }
  if (!inputs.condition) return skip_for_condition(index);
  slots[index].fingerprint = inputs.fingerprint;
  StepJob job;
  job.step = &step;
  job.action = find_step_type(step.type);
  job.fields = std::move(inputs.fields);
  job.fingerprint = inputs.fingerprint;
  job.run_id = run_id;
  job.inputs_json = std::move(inputs.inputs_json);
  job.done_durability = done_durability(step);
  std::string forced_by = forced.count(index) ? "forced by --from " + options.from_step : "";
  std::optional<StepRecord> record = store.step_state(step.id);
  StepDecision decision = decide_step(record, job.fingerprint, forced_by);
  if (decision.action == StepDecision::Action::UpToDate) {
    scope.set_outputs(step.id, recorded_outputs(*record));
    return finish(index, StepOutcome::UpToDate, decision.reason, false);
  }
  if (attempted_with_other_inputs(record, job.fingerprint) && has_partial_work(step)) {
    if (job.action->on_changed_inputs() == StepType::OnChangedInputs::Refuse)
      return finish(index, StepOutcome::Failed, refusal_to_start_over(*record, job.inputs_json),
                    !step.continue_on_error);
    job.start_over = true;
  }
  job.resumed = decision.action == StepDecision::Action::Resume;
  launch(index, std::move(job));
}

// A step done in an earlier run whose `when` is false now keeps its record, outputs and
// fingerprint: its effects are there, and the steps after it must not run again because of it.
void Executor::Impl::skip_for_condition(size_t index) {
  const StepNode& step = graph.steps[index];
  std::optional<StepRecord> record = store.step_state(step.id);
  if (record && record->status == StepStatus::Done)
    return stand_as_recorded(index, record, kept_despite_false_condition(*record));
  store.mark_skipped(step.id, run_id, kConditionIsFalse);
  slots[index].fingerprint = kSkippedFingerprint;
  finish(index, StepOutcome::Skipped, kConditionIsFalse, false);
}

// A step this run leaves alone (--only, a false `when` after it was done) passes on what its
// record says: the steps after it run against its recorded fingerprint and outputs, so that a
// later plain run computes the same fingerprints and repeats nothing.
void Executor::Impl::stand_as_recorded(size_t index, const std::optional<StepRecord>& record,
                                       const std::string& reason) {
  const StepNode& step = graph.steps[index];
  if (record && record->status == StepStatus::Done) {
    slots[index].fingerprint = record->fingerprint;
    scope.set_outputs(step.id, recorded_outputs(*record));
  } else if (record && record->status == StepStatus::Skipped) {
    slots[index].fingerprint = kSkippedFingerprint;
  }
  finish(index, StepOutcome::Skipped, reason, false);
}

void Executor::Impl::launch(size_t index, StepJob job) {
  Slot& slot = slots[index];
  slot.phase = Slot::Phase::Running;
  ++running;
  slot.worker = std::thread([this, index, job = std::move(job)] {
    Slot& slot = slots[index];
    RunServices services{store, observer, masker, options.interaction, options.state_dir, run_dir, options.services};
    try {
      slot.result = run_step_job(job, services, slot.control, slot.outputs);
    } catch (...) {
      // Never std::terminate from a worker: the main thread stops the run and reports it.
      slot.worker_error = std::current_exception();
    }
    std::lock_guard lock(done_mutex);
    done.push_back(index);
    done_signal.notify_one();
  });
}

// Sleeps until a step ends or the run is interrupted: no poll. Timeouts are the attempts' own
// (AttemptControl), so nothing else needs this loop awake.
void Executor::Impl::collect_finished_steps() {
  std::vector<size_t> ready;
  bool stop_running = false;
  {
    std::unique_lock lock(done_mutex);
    done_signal.wait(lock, [this] { return !done.empty() || interrupted; });
    ready.swap(done);
    stop_running = std::exchange(interrupted, false);
  }
  for (size_t index : ready) {
    Slot& slot = slots[index];
    slot.worker.join();
    slot.control.end();
    --running;
    if (slot.worker_error) std::rethrow_exception(slot.worker_error);
    if (slot.result.outcome == StepOutcome::Done) scope.set_outputs(graph.steps[index].id, slot.outputs);
    bool failed = slot.result.outcome == StepOutcome::Failed && !graph.steps[index].continue_on_error;
    finish(index, slot.result.outcome, slot.result.message, failed || slot.result.outcome == StepOutcome::Cancelled);
  }
  if (stop_running)
    for (Slot& slot : slots)
      if (slot.phase == Slot::Phase::Running) slot.control.stop();
}

// Called on the thread that asks for the cancellation (the signal watcher): it only wakes the
// loop, which stops the running steps.
void Executor::Impl::wake_on_interruption() {
  std::lock_guard lock(done_mutex);
  interrupted = true;
  done_signal.notify_one();
}

void Executor::Impl::finish(size_t index, StepOutcome outcome, std::string message, bool blocks) {
  Slot& slot = slots[index];
  slot.phase = Slot::Phase::Finished;
  slot.blocks = blocks;
  slot.result.step = &graph.steps[index];
  slot.result.outcome = outcome;
  slot.result.message = std::move(message);
  ++finished;
  for (size_t dependent : dependents[index])
    if (--unfinished_needs[dependent] == 0) ready.insert(dependent);
  observer.step_finished(slot.result);
}

RunSummary Executor::Impl::end(Clock::time_point started) {
  RunSummary summary;
  summary.run_id = run_id;
  for (const Slot& slot : slots) summary.steps.push_back(slot.result);
  summary.exit_code = exit_code_for(summary.steps, cancel.requested());
  summary.outcome = summary.exit_code == 0 ? "succeeded" : cancel.requested() ? "interrupted" : "failed";
  summary.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
  store.finish_run(run_id, summary.outcome);
  observer.run_finished(summary);
  return summary;
}

Executor::Executor(const ActionGraph& graph, const ParamValues& params, StateStore& store,
                   ExecutionObserver& observer, const CancellationToken& cancel, ExecutorOptions options)
    : impl_(std::make_unique<Impl>(graph, params, store, observer, cancel, std::move(options))) {}

Executor::~Executor() = default;

// Checkpoints or files in its work directory: what an interrupted attempt left to resume from.
bool Executor::Impl::has_partial_work(const StepNode& step) const {
  std::error_code ignored;
  return !store.checkpoints(step.id).empty() ||
         std::filesystem::exists(work_dir_of(store, options.state_dir, step.id), ignored);
}

// After a failure of the state store (or a bug) no record can be trusted to be written: every
// running step is stopped as on an interruption, and the run ends with the error.
void Executor::Impl::stop_workers() {
  for (Slot& slot : slots) slot.control.stop();
  for (Slot& slot : slots)
    if (slot.worker.joinable()) slot.worker.join();
}

RunSummary Executor::run() {
  auto started = Clock::now();
  impl_->begin();
  CancellationToken::Registration wake = impl_->cancel.on_request([this] { impl_->wake_on_interruption(); });
  try {
    while (impl_->finished < impl_->slots.size()) {
      impl_->start_ready_steps();
      if (impl_->finished < impl_->slots.size()) impl_->collect_finished_steps();
    }
  } catch (...) {
    impl_->stop_workers();
    throw;
  }
  return impl_->end(started);
}

int exit_code_for(const std::vector<StepResult>& results, bool interrupted) {
  if (interrupted) return kExitInterrupted;
  bool work_failed = false;
  bool assertion_failed = false;
  for (const StepResult& result : results) {
    if (result.internal_error) return kExitInternalError;  // a bug in planrun outranks what the plan did
    if (result.outcome != StepOutcome::Failed || result.step->continue_on_error) continue;
    (result.precondition ? assertion_failed : work_failed) = true;
  }
  return work_failed ? kExitStepFailed : assertion_failed ? kExitPrecondition : kExitSuccess;
}

}  // namespace planrun
