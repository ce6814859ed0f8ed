#pragma once

#include <map>
#include <mutex>
#include <string>

#include "interpreter/executor/execution_observer.h"
#include "interpreter/step_kit/step_context.h"
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

// Keeps a step's counters and reports each change to the observer. Steps may report from
// several threads: the counters and the order of reports are kept under one lock.
class ObservedProgress final : public ProgressReporter {
 public:
  ObservedProgress(const StepNode& step, ExecutionObserver& observer) : step_(step), observer_(observer) {}
  void set_total(uint64_t total, Unit unit) override;
  void advance(uint64_t units) override;
  void set_done(uint64_t done) override;
  void set_counter(const std::string& name, uint64_t done, uint64_t total, Unit unit) override;
  void add_to_counter(const std::string& name, uint64_t units) override;

 private:
  struct Counter {
    uint64_t done = 0;
    uint64_t total = 0;
    Unit unit = Unit::Items;
  };
  void report_main();
  void report(const std::string& name, const Counter& counter);

  const StepNode& step_;
  ExecutionObserver& observer_;
  std::mutex mutex_;
  Counter main_;
  std::map<std::string, Counter> counters_;
};

class StoredCheckpoints final : public CheckpointStore {
 public:
  StoredCheckpoints(StateStore& store, std::string step_id) : store_(store), step_id_(std::move(step_id)) {}
  std::optional<std::string> get(const std::string& key) const override { return store_.checkpoint(step_id_, key); }
  void put(const std::string& key, const std::string& value) override { store_.put_checkpoint(step_id_, key, value); }
  void put_all(const std::map<std::string, std::string>& values) override { store_.put_checkpoints(step_id_, values); }
  std::map<std::string, std::string> list() const override { return store_.checkpoints(step_id_); }
  void remove(const std::string& key) override { store_.delete_checkpoint(step_id_, key); }

 private:
  StateStore& store_;
  std::string step_id_;
};

}  // namespace planrun
