#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "interpreter/step_kit/step_context.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// How a step ended in this run.
enum class StepOutcome {
  Done,        // ran and succeeded
  UpToDate,    // done in an earlier run with the same fingerprint: not run again
  Failed,      // ran and failed (after its retries)
  Skipped,     // not run: its `when` was false, or a step it needs failed, or --only
  Cancelled,   // stopped by an interruption before it finished; resumes on the next run
};

std::string outcome_name(StepOutcome outcome);  // "done", "up-to-date", "failed", ...

struct StepResult {
  const StepNode* step = nullptr;
  StepOutcome outcome = StepOutcome::Skipped;
  std::string message;                   // failure cause or skip reason, masked of secrets
  int attempts = 0;
  std::chrono::milliseconds duration{0};
  bool precondition = false;             // failed as an assertion (exit 3), not as work (exit 1)
  bool internal_error = false;           // failed by a bug in planrun, not by its inputs (exit 70)
};

struct RunInfo {
  int64_t run_id = 0;
  std::string plan_name;
  std::string plan_path;
  std::string run_dir;
  size_t steps = 0;
  int jobs = 1;
};

struct RunSummary {
  int64_t run_id = 0;
  std::string outcome;                   // "succeeded", "failed", "interrupted"
  int exit_code = 0;
  std::chrono::milliseconds duration{0};
  std::vector<StepResult> steps;         // in graph order
};

// Watches a run without taking part in it: the terminal log, progress bars, the JSON event
// stream and the final report are observers. The executor calls them one at a time (never
// concurrently), with every text already masked of secrets.
class ExecutionObserver {
 public:
  virtual ~ExecutionObserver() = default;
  virtual void run_started(const RunInfo&) {}
  virtual void step_started(const StepNode&, int /*attempt*/, bool /*resumed*/) {}
  virtual void step_log(const StepNode&, bool /*warning*/, const std::string& /*line*/) {}
  virtual void step_output(const StepNode&, const std::string& /*line*/) {}
  virtual void step_progress(const StepNode&, uint64_t /*done*/, uint64_t /*total*/, ProgressReporter::Unit) {}
  // A named counter of a step beside its main progress (ProgressReporter::set_counter).
  virtual void step_counter(const StepNode&, const std::string& /*name*/, uint64_t /*done*/, uint64_t /*total*/,
                            ProgressReporter::Unit) {}
  virtual void step_finished(const StepResult&) {}
  virtual void run_finished(const RunSummary&) {}
};

}  // namespace planrun
