#pragma once

namespace planrun {

// Makes sure no core dump of this process exists to leak the secrets it holds: it is marked
// not dumpable (which also keeps other processes of the same user from reading its memory
// through ptrace or /proc) and its core size limit is set to 0. The limit is inherited by the
// commands planrun starts, which may hold the same secrets in their environment.
void disable_core_dumps();

}  // namespace planrun
