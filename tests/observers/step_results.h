#pragma once

#include <chrono>
#include <string>

#include "interpreter/executor/execution_observer.h"

namespace planrun::testing {

// Steps and results as the executor would report them, built by hand for observer tests.
inline StepNode make_step(std::string id, std::string type) {
  StepNode step;
  step.id = std::move(id);
  step.type = std::move(type);
  return step;
}

inline StepResult make_result(const StepNode& step, StepOutcome outcome, int attempts, int64_t milliseconds,
                              std::string message = "") {
  StepResult result;
  result.step = &step;
  result.outcome = outcome;
  result.attempts = attempts;
  result.duration = std::chrono::milliseconds(milliseconds);
  result.message = std::move(message);
  return result;
}

}  // namespace planrun::testing
