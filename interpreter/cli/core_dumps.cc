#include "interpreter/cli/core_dumps.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace planrun {

void disable_core_dumps() {
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  // Not dumpable alone still dumps a core (readable by root) when fs.suid_dumpable is 2.
  struct rlimit none {0, 0};
  ::setrlimit(RLIMIT_CORE, &none);
}

}  // namespace planrun
