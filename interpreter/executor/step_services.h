#pragma once

#include <string>

#include "interpreter/executor/execution_observer.h"
#include "interpreter/executor/step_context.h"
#include "interpreter/state/state_store.h"

namespace planrun {

// The executor's side of a StepContext: what a step's log lines, progress and checkpoints turn
// into (observer events and state-store rows), each for one step.

class ObservedStepLog final : public StepLog {
 public:
  ObservedStepLog(const StepNode& step, ExecutionObserver& observer, const SecretMasker& masker)
      : step_(step), observer_(observer), masker_(masker) {}
  void info(const std::string& line) override { observer_.step_log(step_, false, masker_.mask(line)); }
  void warn(const std::string& line) override { observer_.step_log(step_, true, masker_.mask(line)); }
  void output(const std::string& line) override { observer_.step_output(step_, masker_.mask(line)); }

 private:
  const StepNode& step_;
  ExecutionObserver& observer_;
  const SecretMasker& masker_;
};

class ObservedProgress final : public ProgressReporter {
 public:
  ObservedProgress(const StepNode& step, ExecutionObserver& observer) : step_(step), observer_(observer) {}
  void set_total(uint64_t total, Unit unit) override;
  void advance(uint64_t units) override;

 private:
  const StepNode& step_;
  ExecutionObserver& observer_;
  uint64_t done_ = 0;
  uint64_t total_ = 0;
  Unit unit_ = Unit::Items;
};

class StoredCheckpoints final : public CheckpointStore {
 public:
  StoredCheckpoints(StateStore& store, std::string step_id) : store_(store), step_id_(std::move(step_id)) {}
  std::optional<std::string> get(const std::string& key) const override { return store_.checkpoint(step_id_, key); }
  void put(const std::string& key, const std::string& value) override { store_.put_checkpoint(step_id_, key, value); }

 private:
  StateStore& store_;
  std::string step_id_;
};

}  // namespace planrun
