#include "interpreter/executor/step_runner.h"

#include <soci/soci.h>

#include <system_error>

#include "interpreter/databases/database_error.h"
#include "interpreter/diagnostics/system_error_words.h"
#include "interpreter/executor/step_reporting.h"
#include "interpreter/state/state_dir.h"
#include "interpreter/state/state_error.h"
#include "interpreter/step_kit/step_clock.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_secret_masker.h"
#include "interpreter/values/duration.h"
#include "interpreter/values/value_json.h"

namespace planrun {

using Clock = std::chrono::steady_clock;

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
AttemptEnd internal_error(const StepNode& step, const SecretMasker& masker, const std::string& what) {
  return {false, StepFailure::Kind::Failed,
          masker.mask("internal error in step '" + step.id + "' (a bug in planrun; please report it): " + what), true};
}

// The step boundary: how what left a step ends its attempt. What the world refused (a full disk,
// a permission, a database's error), however it was thrown, fails the step with its cause in
// words, so a step need not translate the errors of files/ and the databases itself; only
// another exception is a bug. Messages pass the step's masker (its secret fields too).
AttemptEnd ending_of(std::exception_ptr thrown, const StepNode& step, const SecretMasker& masker) {
  auto failed = [&masker](const std::string& cause) {
    return AttemptEnd{false, StepFailure::Kind::Failed, masker.mask(cause)};
  };
  try {
    std::rethrow_exception(thrown);
  } catch (const StepFailure& failure) {
    return {false, failure.kind, masker.mask(failure.what())};
  } catch (const StateError&) {
    throw;  // the state store failed under the step (its checkpoints): the whole run stops (exit 5)
  } catch (const EnvironmentError& error) {
    return failed(error.what());
  } catch (const std::system_error& error) {  // files/, std::filesystem, std::thread
    return failed(in_words(error));
  } catch (const DatabaseError& error) {
    return failed(error.what());
  } catch (const soci::soci_error& error) {
    return failed("a database reported an error: " + one_line(error.what()));
  } catch (const std::exception& error) {
    return internal_error(step, masker, error.what());
  } catch (...) {
    return internal_error(step, masker, "an exception that is not a std::exception");
  }
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
  } catch (...) {
    AttemptEnd end = ending_of(std::current_exception(), step, StepSecretMasker(context));
    if (end.kind == StepFailure::Kind::Cancelled && control.timed_out())
      return {false, StepFailure::Kind::TimedOut,
              "did not finish within its timeout of " + format_duration(*step.timeout) + "; it was stopped"};
    return end;
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
// Returns how undoing failed; then nothing is forgotten, and the next run tries again.
std::optional<AttemptEnd> start_over(const StepJob& job, RunServices& services, AttemptControl& control) {
  const StepNode& step = *job.step;
  services.observer.step_log(step, true, "its inputs changed since the interrupted attempt: undoing its partial "
                                         "work and starting over");
  {
    AttemptParts parts(step, services);
    StepContext context = attempt_context(job, services, parts, *control.begin(std::nullopt), 0);
    try {
      job.action->discard_partial_work(context);
    } catch (...) {
      AttemptEnd end = ending_of(std::current_exception(), step, StepSecretMasker(context));
      end.message = "could not undo the partial work of its interrupted attempt: " + end.message;
      return end;
    }
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
    if (std::optional<AttemptEnd> failure = start_over(job, services, control)) {
      result.outcome = StepOutcome::Failed;
      result.message = failure->message;
      result.internal_error = failure->internal_error;
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
