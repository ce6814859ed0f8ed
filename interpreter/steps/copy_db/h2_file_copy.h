#pragma once

#include "interpreter/step_kit/step_context.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// copy-db of an embedded H2 database, which planrun cannot open: its data files
// (h2_files.h) are copied byte for byte into the target's names, each under a temporary name,
// flushed and renamed, with a checkpoint per file holding the source's size, time and sha256.
// Verification reads each copy back and compares its sha256 with the source's. Refused while
// the source's lock file says a server has it open, and when the target's files exist.
// What is not checked: anything inside the files (H2's own consistency); the servers must be
// stopped, as for every database of the upgrade.
void copy_h2_files(StepContext& context, const Dsn& from, const Dsn& to, bool verify);

// Removes the target files an interrupted copy_h2_files recorded (a start over).
void discard_h2_copy(StepContext& context, const Dsn& from, const Dsn& to);

}  // namespace planrun
