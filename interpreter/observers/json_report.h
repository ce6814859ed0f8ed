#pragma once

#include <cstdio>
#include <string>

#include "interpreter/executor/execution_observer.h"

namespace planrun {

// The final report for scripts (--output json): when the run ends, one pretty JSON document
//   {"run_id": 3, "plan": "...", "outcome": "failed", "exit_code": 1, "duration_ms": 12400,
//    "counts": {"done": 10, ...},
//    "steps": [{"id", "type", "outcome", "attempts", "duration_ms", "message"}, ...]}
// with steps in graph order. Does not own `out` (stdout, which then holds nothing else).
class JsonReport final : public ExecutionObserver {
 public:
  explicit JsonReport(FILE* out) : out_(out) {}

  void run_started(const RunInfo& run) override { plan_name_ = run.plan_name; }
  void run_finished(const RunSummary& summary) override;

 private:
  FILE* out_;
  std::string plan_name_;
};

}  // namespace planrun
