#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "interpreter/executor/execution_observer.h"

namespace planrun {

// The one observer the executor talks to: forwards each event to every observer added, in the
// order they were added, one event at a time. Events come from worker threads; the lock here is
// what lets each observer be written as if single-threaded. Owns its observers. Observers must
// not call back into the list (the lock is not recursive) and should not throw: a throw stops
// the event from reaching the observers after it.
class ObserverList final : public ExecutionObserver {
 public:
  void add(std::unique_ptr<ExecutionObserver> observer);
  size_t size() const;

  void run_started(const RunInfo& run) override;
  void step_started(const StepNode& step, int attempt, bool resumed) override;
  void step_log(const StepNode& step, bool warning, const std::string& line) override;
  void step_output(const StepNode& step, const std::string& line) override;
  void step_progress(const StepNode& step, uint64_t done, uint64_t total, ProgressReporter::Unit unit) override;
  void step_counter(const StepNode& step, const std::string& name, uint64_t done, uint64_t total,
                    ProgressReporter::Unit unit) override;
  void step_finished(const StepResult& result) override;
  void run_finished(const RunSummary& summary) override;

 private:
  template <typename Event>
  void forward(Event&& event);

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<ExecutionObserver>> observers_;
};

}  // namespace planrun
