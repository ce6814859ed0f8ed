#pragma once

#include <stdexcept>
#include <string>

namespace planrun {

// The errors a step may end with that the operator can act on. Steps and the adapters they use
// throw these for anything the plan or the environment caused; the executor's step boundary
// also takes std::system_error (files/, std::filesystem) and the databases' errors as the
// environment's. Any other exception that leaves a step is a bug in planrun and is reported as
// one (exit 70, naming the step).

// How a step ends when it does not succeed. The message names the cause in words for the
// operator, never an exception type.
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

// Thrown by a step type's describe() when the dry run already knows the step would fail (a
// driver jar that is nowhere): `planrun plan` reports it as an error at the step, naming the
// cause, and exits 2, rather than showing a plan that cannot run.
struct DescribedFailure : StepFailure {
  explicit DescribedFailure(const std::string& message) : StepFailure(Kind::Failed, message) {}
};

// The world refused what a step asked of it: a full disk, a missing permission, a refused
// connection. Adapters (file system, processes, databases) throw it with the operation and the
// system's reason; the step fails with that message, as a StepFailure of kind Failed would.
struct EnvironmentError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace planrun
