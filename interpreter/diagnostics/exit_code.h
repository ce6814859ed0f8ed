#pragma once

#include <string>
#include <vector>

namespace planrun {

// The exit codes planrun documents (README "Exit codes", `planrun --help`); scripts around
// planrun depend on them. A code may have a name per command that uses it: fmt --check's "not
// canonical" is 1, as a formatter's check is in every CI (docs/DECISIONS.md).
enum ExitCode : int {
  kExitSuccess = 0,
  kExitStepFailed = 1,      // a step failed at its work (or could not reach what it works on)
  kExitNotCanonical = 1,    // fmt --check: a file is not in canonical form
  kExitInvalid = 2,         // the plan or the command line is invalid, or a file they name cannot be read or written
  kExitPrecondition = 3,    // a precondition or assertion failed
  kExitLocked = 4,          // the state is locked by another run
  kExitStateFailed = 5,     // the state could not be read or written (disk full, I/O error)
  kExitInternalError = 70,  // a bug in planrun itself (EX_SOFTWARE)
  kExitInterrupted = 130,
};

// What `code` means, in the words of README's table; nullptr for a number planrun never exits with.
const char* exit_code_meaning(ExitCode code);

// Every documented code, lowest first: what --help lists and README's table must hold.
std::vector<ExitCode> documented_exit_codes();

}  // namespace planrun
