#include "interpreter/cli/core_dumps.h"

#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

// In a child, so that the test binary itself stays debuggable.
TEST(CoreDumps, DisabledMeansNotDumpableAndNoCoreSize) {
  pid_t pid = fork();
  if (pid == 0) {
    struct rlimit any {RLIM_INFINITY, RLIM_INFINITY};
    setrlimit(RLIMIT_CORE, &any);
    disable_core_dumps();
    struct rlimit limit {};
    getrlimit(RLIMIT_CORE, &limit);
    _exit(prctl(PR_GET_DUMPABLE) == 0 && limit.rlim_cur == 0 ? 0 : 1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace planrun
