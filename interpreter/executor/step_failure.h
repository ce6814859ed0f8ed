#pragma once

#include <stdexcept>
#include <string>

namespace planrun {

// How a step ends when it does not succeed. Steps throw these; the executor records them.
// The message names the cause in words for the operator, never an exception type.
struct StepFailure : std::runtime_error {
  enum class Kind {
    Failed,         // the step's work failed (exit 1)
    Precondition,   // an assertion or precondition did not hold (exit 3)
    Cancelled,      // stopped at a safe point after a cancellation request (exit 130)
    TimedOut,       // its `timeout` ran out (exit 1)
  };
  StepFailure(Kind kind, const std::string& message) : std::runtime_error(message), kind(kind) {}
  Kind kind;
};

}  // namespace planrun
