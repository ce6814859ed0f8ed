#include "interpreter/observers/observer_list.h"

#include <utility>

namespace planrun {

void ObserverList::add(std::unique_ptr<ExecutionObserver> observer) {
  std::lock_guard lock(mutex_);
  observers_.push_back(std::move(observer));
}

size_t ObserverList::size() const {
  std::lock_guard lock(mutex_);
  return observers_.size();
}

template <typename Event>
void ObserverList::forward(Event&& event) {
  std::lock_guard lock(mutex_);
  for (auto& observer : observers_) event(*observer);
}

void ObserverList::run_started(const RunInfo& run) {
  forward([&](ExecutionObserver& observer) { observer.run_started(run); });
}

void ObserverList::step_started(const StepNode& step, int attempt, bool resumed) {
  forward([&](ExecutionObserver& observer) { observer.step_started(step, attempt, resumed); });
}

void ObserverList::step_log(const StepNode& step, bool warning, const std::string& line) {
  forward([&](ExecutionObserver& observer) { observer.step_log(step, warning, line); });
}

void ObserverList::step_output(const StepNode& step, const std::string& line) {
  forward([&](ExecutionObserver& observer) { observer.step_output(step, line); });
}

void ObserverList::step_progress(const StepNode& step, uint64_t done, uint64_t total, ProgressReporter::Unit unit) {
  forward([&](ExecutionObserver& observer) { observer.step_progress(step, done, total, unit); });
}

void ObserverList::step_counter(const StepNode& step, const std::string& name, uint64_t done, uint64_t total,
                                ProgressReporter::Unit unit) {
  forward([&](ExecutionObserver& observer) { observer.step_counter(step, name, done, total, unit); });
}

void ObserverList::step_finished(const StepResult& result) {
  forward([&](ExecutionObserver& observer) { observer.step_finished(result); });
}

void ObserverList::run_finished(const RunSummary& summary) {
  forward([&](ExecutionObserver& observer) { observer.run_finished(summary); });
}

}  // namespace planrun
