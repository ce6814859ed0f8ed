#include "interpreter/executor/step_runner.h"

#include "interpreter/executor/step_reporting.h"
#include "interpreter/state/state_dir.h"
#include "interpreter/step_kit/step_clock.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/values/duration.h"
#include "interpreter/values/value_json.h"

namespace planrun {

using Clock = std::chrono::steady_clock;

std::shared_ptr<CancellationToken> AttemptControl::begin(std::optional<std::chrono::milliseconds> timeout) {
  std::lock_guard lock(mutex_);
  token_ = std::make_shared<CancellationToken>();
  deadline_ = timeout ? std::optional(Clock::now() + *timeout) : std::nullopt;
  timed_out_ = false;
  return token_;
}

void AttemptControl::enforce(bool stop) {
  std::lock_guard lock(mutex_);
  if (!token_) return;
  if (deadline_ && Clock::now() >= *deadline_ && !token_->requested()) {
    timed_out_ = true;
    token_->request();
  }
  if (stop) token_->request();
}

std::filesystem::path work_dir_of(const StateStore& store, const std::filesystem::path& state_dir,
                                  const std::string& step_id) {
  return StateDir(state_dir).work_dir(store.plan_key(), step_id);
}

namespace {

// One attempt's ending: success, or a failure of some kind with its message.
struct AttemptEnd {
  bool succeeded = false;
  StepFailure::Kind kind = StepFailure::Kind::Failed;
  std::string message;
  bool internal_error = false;  // the step threw what no step may throw: a bug in planrun
};

// A bug inside a step is told apart from a failure the plan or the environment caused: it names
// the step, says it is planrun's fault, and ends the run with exit 70.
AttemptEnd internal_error(const StepNode& step, const RunServices& services, const std::string& what) {
  return {false, StepFailure::Kind::Failed,
          services.masker.mask("internal error in step '" + step.id + "' (a bug in planrun; please report it): " + what),
          true};
}

// The parts of a StepContext that live as long as one attempt.
struct AttemptParts {
  AttemptParts(const StepNode& step, RunServices& services)
      : log(step, services.observer, services.masker), progress(step, services.observer),
        checkpoints(services.store, step.id) {}
  ObservedStepLog log;
  ObservedProgress progress;
  StoredCheckpoints checkpoints;
};

StepContext attempt_context(const StepJob& job, RunServices& services, AttemptParts& parts,
                            const CancellationToken& token, int attempt) {
  const StepNode& step = *job.step;
  StepContext context{step,        job.fields,           parts.log,
                      token,       parts.progress,       parts.checkpoints,
                      services.masker, services.interaction, services.state_dir,
                      services.run_dir, std::nullopt,    {}, services.step_services,
                      work_dir_of(services.store, services.state_dir, step.id), job.resumed || attempt > 1, attempt};
  if (step.timeout) context.deadline = services.step_services.clock->now() + *step.timeout;
  return context;
}

AttemptEnd run_attempt(const StepJob& job, RunServices& services, AttemptControl& control, Value::Map& outputs,
                       int attempt) {
  const StepNode& step = *job.step;
  std::shared_ptr<CancellationToken> token = control.begin(step.timeout);
  AttemptParts parts(step, services);
  StepContext context = attempt_context(job, services, parts, *token, attempt);
  try {
    job.action->run(context);
    outputs = std::move(context.outputs);
    return {true, StepFailure::Kind::Failed, ""};
  } catch (const StepFailure& failure) {
    if (failure.kind == StepFailure::Kind::Cancelled && control.timed_out())
      return {false, StepFailure::Kind::TimedOut,
              "did not finish within its timeout of " + format_duration(*step.timeout) + "; it was stopped"};
    return {false, failure.kind, services.masker.mask(failure.what())};
  } catch (const EnvironmentError& error) {
    // Adapters report what the operator must know (a full disk, a refused connection) this way.
    return {false, StepFailure::Kind::Failed, services.masker.mask(error.what())};
  } catch (const std::exception& error) {
    return internal_error(step, services, error.what());
  } catch (...) {
    return internal_error(step, services, "an exception that is not a std::exception");
  }
}

// The step is done: its partial files have served their purpose.
void remove_work_dir(const RunServices& services, const StepNode& step) {
  std::error_code ignored;
  std::filesystem::remove_all(work_dir_of(services.store, services.state_dir, step.id), ignored);
}

std::string outputs_json(const Value::Map& outputs) { return to_json(Value(outputs)).dump(); }

// Inputs changed after an interrupted attempt left partial work: the type undoes it (with the
// old checkpoints still readable), then the checkpoints and the work directory are forgotten,
// so the attempts that follow start from the beginning.
// Returns why undoing failed; then nothing is forgotten, and the next run tries again.
std::optional<std::string> start_over(const StepJob& job, RunServices& services, AttemptControl& control) {
  const StepNode& step = *job.step;
  services.observer.step_log(step, true, "its inputs changed since the interrupted attempt: undoing its partial "
                                         "work and starting over");
  try {
    if (auto* type = dynamic_cast<const StepType*>(job.action)) {
      AttemptParts parts(step, services);
      StepContext context = attempt_context(job, services, parts, *control.begin(std::nullopt), 0);
      type->discard_partial_work(context);
    }
  } catch (const std::exception& error) {
    return services.masker.mask("could not undo the partial work of its interrupted attempt: " +
                                std::string(error.what()));
  }
  services.store.reset_step(step.id);
  remove_work_dir(services, step);
  return std::nullopt;
}

}  // namespace

StepResult run_step_job(const StepJob& job, RunServices& services, AttemptControl& control, Value::Map& outputs) {
  const StepNode& step = *job.step;
  StepResult result;
  result.step = &step;
  auto started = Clock::now();
  AttemptEnd end;
  if (job.start_over) {
    if (std::optional<std::string> failure = start_over(job, services, control)) {
      result.outcome = StepOutcome::Failed;
      result.message = *failure;
      return result;
    }
  }
  for (int attempt = 1; attempt <= step.retry.attempts; ++attempt) {
    services.store.mark_running(step.id, job.fingerprint, job.run_id, job.inputs_json);
    services.observer.step_started(step, attempt, job.resumed || attempt > 1);
    result.attempts = attempt;
    end = run_attempt(job, services, control, outputs, attempt);
    if (end.succeeded || end.internal_error || end.kind == StepFailure::Kind::Cancelled ||
        attempt == step.retry.attempts)
      break;
    services.observer.step_log(step, true, "attempt " + std::to_string(attempt) + " failed: " + end.message +
                                               "; trying again in " + format_duration(step.retry.delay));
    if (services.step_services.clock->sleep_for(step.retry.delay, *control.begin(std::nullopt))) {
      end = {false, StepFailure::Kind::Cancelled, "interrupted"};
      break;
    }
  }
  result.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
  if (end.succeeded) {
    services.store.mark_done(step.id, outputs_json(outputs), job.done_durability);
    remove_work_dir(services, step);
    result.outcome = StepOutcome::Done;
    return result;
  }
  bool cancelled = end.kind == StepFailure::Kind::Cancelled;
  services.store.mark_failed(step.id, cancelled ? "interrupted" : end.message);
  result.outcome = cancelled ? StepOutcome::Cancelled : StepOutcome::Failed;
  result.message = cancelled ? "interrupted; it resumes on the next run" : end.message;
  result.precondition = end.kind == StepFailure::Kind::Precondition;
  result.internal_error = end.internal_error;
  return result;
}

}  // namespace planrun
