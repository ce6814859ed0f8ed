#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "interpreter/executor/execution_observer.h"

namespace planrun::testing {

// What a run reported, for assertions: each step's outcome and message, the order in which
// steps started, and every output line.
struct Recording {
  std::vector<std::string> started;
  std::vector<std::string> output;
  std::map<std::string, std::string> outcomes;
  std::map<std::string, std::string> messages;
  int exit_code = -1;
};

class RecordingObserver : public ExecutionObserver {
 public:
  void step_started(const StepNode& step, int attempt, bool resumed) override {
    std::lock_guard lock(mutex_);
    record.started.push_back(step.id + (attempt > 1 ? "#" + std::to_string(attempt) : "") + (resumed ? "(resumed)" : ""));
  }
  void step_output(const StepNode& step, const std::string& line) override {
    std::lock_guard lock(mutex_);
    record.output.push_back(step.id + ": " + line);
  }
  void step_finished(const StepResult& result) override {
    std::lock_guard lock(mutex_);
    record.outcomes[result.step->id] = outcome_name(result.outcome);
    record.messages[result.step->id] = result.message;
  }
  void run_finished(const RunSummary& summary) override { record.exit_code = summary.exit_code; }

  Recording record;

 private:
  std::mutex mutex_;
};

}  // namespace planrun::testing
