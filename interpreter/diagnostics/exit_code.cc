#include "interpreter/diagnostics/exit_code.h"

namespace planrun {

// A switch without a default: the compiler (-Wswitch) names a code added to the enum without a
// meaning, and the README test then names it if the table lacks it.
const char* exit_code_meaning(ExitCode code) {
  switch (code) {
    case kExitSuccess: return "success";
    case kExitStepFailed: return "a step failed; for fmt --check: a file is not in canonical form";
    case kExitInvalid: return "the plan or the command line is invalid, or a file they name cannot be read or written";
    case kExitPrecondition: return "a precondition or assertion failed";
    case kExitLocked: return "the state is locked by another run";
    case kExitStateFailed: return "the state could not be read or written (disk full, I/O error, its directory removed)";
    case kExitInternalError: return "planrun itself failed (a bug: please report it)";
    case kExitInterrupted: return "interrupted";
  }
  return nullptr;
}

std::vector<ExitCode> documented_exit_codes() {
  std::vector<ExitCode> codes;
  for (int code = 0; code < 256; ++code)
    if (exit_code_meaning(static_cast<ExitCode>(code))) codes.push_back(static_cast<ExitCode>(code));
  return codes;
}

}  // namespace planrun
