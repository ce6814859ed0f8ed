#pragma once

namespace planrun {

// The documented exit codes (README "Exit codes"); scripts around planrun depend on them.
enum ExitCode : int {
  kExitSuccess = 0,
  kExitStepFailed = 1,
  kExitInvalid = 2,        // the plan or the command line is invalid
  kExitPrecondition = 3,   // a precondition or assertion failed
  kExitLocked = 4,         // the state is locked by another run
  kExitStateFailed = 5,    // the state could not be written during a run (disk full, I/O error)
  kExitInternalError = 70,  // a bug in planrun itself (EX_SOFTWARE)
  kExitInterrupted = 130,
};

}  // namespace planrun
