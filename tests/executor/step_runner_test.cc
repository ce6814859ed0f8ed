#include "interpreter/executor/step_runner.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <cerrno>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <system_error>

#include "interpreter/databases/database_error.h"
#include "interpreter/executor/executor.h"
#include "interpreter/state/state_error.h"
#include "interpreter/step_kit/step_failure.h"
#include "tests/support/recording_observer.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

// A step type for these tests; the runner reads no schema, so the fakes share one.
class FakeType : public StepType {
 public:
  const StepSchema& schema() const override {
    static const StepSchema schema{"fake", 1, "a stand-in", StepSchema::Effect::Write, types::object({}), {}};
    return schema;
  }
};

// A step type whose action throws what it is given: a stand-in for a bug or an adapter.
template <class Error>
class ThrowingAction final : public FakeType {
 public:
  explicit ThrowingAction(std::string message) : message_(std::move(message)) {}
  void run(StepContext&) const override { throw Error(message_); }

 private:
  std::string message_;
};

// What the step context told an action about its attempt and its work directory.
class AttemptWitness final : public FakeType {
 public:
  mutable std::vector<std::pair<int, bool>> attempts;  // attempt, resuming
  mutable std::filesystem::path work_dir;
  void run(StepContext& context) const override {
    attempts.emplace_back(context.attempt, context.resuming);
    work_dir = context.work_dir;
    std::filesystem::create_directories(context.work_dir);
    if (context.attempt == 1) throw StepFailure(StepFailure::Kind::Failed, "first try fails");
  }
};

// A step type that keeps partial work and knows how to undo it: what it saw when asked to.
class UndoingType final : public StepType {
 public:
  mutable std::vector<std::string> events;
  bool undo_fails = false;
  const StepSchema& schema() const override {
    static const StepSchema schema{"fake", 1, "keeps partial work", StepSchema::Effect::Write, types::object({}), {}};
    return schema;
  }
  void discard_partial_work(StepContext& context) const override {
    events.push_back("undo with " + context.checkpoints.get("table").value_or("no checkpoint"));
    if (undo_fails) throw EnvironmentError("cannot drop table T: permission denied");
  }
  void run(StepContext& context) const override {
    events.push_back("run with " + context.checkpoints.get("table").value_or("no checkpoint"));
  }
};

struct RunnerFixture {
  RunnerFixture() : store(dir.path() / "state") {
    step.id = "buggy";
    step.type = "fake";
  }
  StepResult run(const StepType& action, int attempts = 1, bool start_over = false) {
    step.retry.attempts = attempts;
    step.retry.delay = std::chrono::milliseconds(0);
    int64_t run_id = store.begin_run("plan.yaml", "plan-fingerprint", "{}");
    StepJob job;
    job.step = &step;
    job.action = &action;
    job.fingerprint = "fingerprint";
    job.run_id = run_id;
    job.start_over = start_over;
    RunServices services{store, observer, masker, {}, dir.path() / "state", dir.path() / "run"};
    AttemptControl control;
    Value::Map outputs;
    return run_step_job(job, services, control, outputs);
  }
  testing::TempDir dir;
  StateStore store;
  testing::RecordingObserver observer;
  testing::ReplacingMasker masker;
  StepNode step;
};

TEST(StepRunner, ALogicErrorInAStepIsReportedAsABugNamingTheStepWithExit70) {
  RunnerFixture fixture;
  StepResult result = fixture.run(ThrowingAction<std::logic_error>("index out of range"), 3);
  EXPECT_EQ(result.outcome, StepOutcome::Failed);
  EXPECT_TRUE(result.internal_error);
  EXPECT_EQ(result.attempts, 1) << "a bug is not retried";
  EXPECT_EQ(result.message,
            "internal error in step 'buggy' (a bug in planrun; please report it): index out of range");
  EXPECT_EQ(exit_code_for({result}, false), 70);
}

TEST(StepRunner, AnEnvironmentErrorIsAPlainStepFailureWithItsCause) {
  RunnerFixture fixture;
  StepResult result = fixture.run(ThrowingAction<EnvironmentError>("cannot write '/x': No space left on device"));
  EXPECT_EQ(result.outcome, StepOutcome::Failed);
  EXPECT_FALSE(result.internal_error);
  EXPECT_EQ(result.message, "cannot write '/x': No space left on device");
  EXPECT_EQ(exit_code_for({result}, false), 1);
}

// A step that lets what files/, std::filesystem or a database threw leave it untranslated.
class ActionThrowing final : public FakeType {
 public:
  explicit ActionThrowing(std::function<void()> thrower) : thrower_(std::move(thrower)) {}
  void run(StepContext&) const override { thrower_(); }

 private:
  std::function<void()> thrower_;
};

TEST(StepRunner, AFileSystemErrorFailsTheStepWithTheCauseInWordsNotAsABug) {
  RunnerFixture fixture;
  StepResult result = fixture.run(ActionThrowing([] {
    throw std::filesystem::filesystem_error("cannot create directories", "/full/run",
                                            std::error_code(ENOSPC, std::generic_category()));
  }));
  EXPECT_EQ(result.outcome, StepOutcome::Failed);
  EXPECT_FALSE(result.internal_error);
  EXPECT_EQ(result.message, "cannot create directories '/full/run': No space left on device");
  EXPECT_EQ(exit_code_for({result}, false), 1);
}

TEST(StepRunner, ADatabaseErrorFailsTheStepWithTheServersWordsNotAsABug) {
  RunnerFixture fixture;
  StepResult database = fixture.run(ThrowingAction<DatabaseError>("cannot connect to postgresql://u@h/db: refused"));
  EXPECT_FALSE(database.internal_error);
  EXPECT_EQ(database.message, "cannot connect to postgresql://u@h/db: refused");
  StepResult soci = fixture.run(ThrowingAction<soci::soci_error>("relation \"t\" does not exist\n  LINE 1"));
  EXPECT_FALSE(soci.internal_error);
  EXPECT_EQ(soci.message, "a database reported an error: relation \"t\" does not exist   LINE 1");
  EXPECT_EQ(exit_code_for({database, soci}, false), 1);
}

TEST(StepRunner, TheStateStoreFailingUnderAStepStopsTheRunInsteadOfFailingTheStep) {
  RunnerFixture fixture;
  EXPECT_THROW(fixture.run(ThrowingAction<StateError>("state database s/state.db: database or disk is full")),
               StateError);
}

TEST(StepRunner, ARetriedStepKnowsItsAttemptAndThatItResumes) {
  RunnerFixture fixture;
  AttemptWitness witness;
  StepResult result = fixture.run(witness, 2);
  EXPECT_EQ(result.outcome, StepOutcome::Done);
  EXPECT_EQ(witness.attempts, (std::vector<std::pair<int, bool>>{{1, false}, {2, true}}));
  // The fixture's store belongs to plan key "", whose folder is "_" (state/plan_key.h).
  EXPECT_EQ(witness.work_dir, fixture.dir.path() / "state" / "work" / "_" / "buggy");
  EXPECT_FALSE(std::filesystem::exists(witness.work_dir)) << "a done step's work directory is removed";
}

TEST(StepRunner, CheckpointsArePutInBatchesListedAndDeleted) {
  RunnerFixture fixture;
  struct Checkpointing final : FakeType {
    mutable std::map<std::string, std::string> seen;
    void run(StepContext& context) const override {
      context.checkpoints.put_all({{"table/a", "done"}, {"table/b", "done"}});
      context.checkpoints.remove("table/a");
      seen = context.checkpoints.list();
    }
  } action;
  fixture.run(action);
  EXPECT_EQ(action.seen, (std::map<std::string, std::string>{{"table/b", "done"}}));
}

// An interrupted attempt under other inputs: its checkpoint is there, under the old fingerprint.
void leave_partial_work(RunnerFixture& fixture) {
  int64_t run = fixture.store.begin_run("plan.yaml", "plan-fingerprint", "{}");
  fixture.store.mark_running("buggy", "old-fingerprint", run);
  fixture.store.put_checkpoint("buggy", "table", "UM_USER");
  fixture.store.mark_failed("buggy", "interrupted");
}

TEST(StepRunner, StartingOverUndoesThePartialWorkBeforeForgettingItsCheckpoints) {
  RunnerFixture fixture;
  leave_partial_work(fixture);
  UndoingType type;
  StepResult result = fixture.run(type, 1, true);
  EXPECT_EQ(result.outcome, StepOutcome::Done);
  EXPECT_EQ(type.events, (std::vector<std::string>{"undo with UM_USER", "run with no checkpoint"}));
  EXPECT_EQ(fixture.store.checkpoints("buggy"), (std::map<std::string, std::string>{}));
}

TEST(StepRunner, AStartOverThatCannotUndoFailsTheStepAndForgetsNothing) {
  RunnerFixture fixture;
  leave_partial_work(fixture);
  UndoingType type;
  type.undo_fails = true;
  StepResult result = fixture.run(type, 1, true);
  EXPECT_EQ(result.outcome, StepOutcome::Failed);
  EXPECT_EQ(result.message,
            "could not undo the partial work of its interrupted attempt: cannot drop table T: permission denied");
  EXPECT_EQ(type.events, (std::vector<std::string>{"undo with UM_USER"}));
  EXPECT_EQ(fixture.store.checkpoint("buggy", "table"), "UM_USER");
  EXPECT_EQ(fixture.store.step_state("buggy")->fingerprint, "old-fingerprint");
}

}  // namespace
}  // namespace planrun
