#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "interpreter/executor/execution_observer.h"

namespace planrun::testing {

// Remembers what a run reported, for assertions: each step's outcome and message, the order in
// which steps started, and every output line.
class RecordingObserver : public ExecutionObserver {
 public:
  void step_started(const StepNode& step, int attempt, bool resumed) override {
    std::lock_guard lock(mutex_);
    started.push_back(step.id + (attempt > 1 ? "#" + std::to_string(attempt) : "") + (resumed ? "(resumed)" : ""));
  }
  void step_output(const StepNode& step, const std::string& line) override {
    std::lock_guard lock(mutex_);
    output.push_back(step.id + ": " + line);
  }
  void step_finished(const StepResult& result) override {
    std::lock_guard lock(mutex_);
    outcomes[result.step->id] = outcome_name(result.outcome);
    messages[result.step->id] = result.message;
  }
  void run_finished(const RunSummary& summary) override { exit_code = summary.exit_code; }

  std::vector<std::string> started;
  std::vector<std::string> output;
  std::map<std::string, std::string> outcomes;
  std::map<std::string, std::string> messages;
  int exit_code = -1;

 private:
  std::mutex mutex_;
};

}  // namespace planrun::testing
