#include "interpreter/process/group_keeper.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using namespace std::chrono_literals;

bool running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_text, name, state;
  return static_cast<bool>(stat >> pid_text >> name >> state) && state != "Z";
}

bool ends_within(pid_t pid, std::chrono::milliseconds limit) {
  for (auto until = std::chrono::steady_clock::now() + limit; std::chrono::steady_clock::now() < until;
       std::this_thread::sleep_for(10ms))
    if (!running(pid)) return true;
  return false;
}

// In a child process that plays planrun: it starts `sleep 40` in a group of its own, has its
// keeper watch (and perhaps forget) it, reports the sleep's pid, and dies by SIGKILL.
pid_t sleep_of_a_killed_planrun(bool forget) {
  int report[2];
  if (pipe(report) != 0) return -1;
  pid_t planrun = fork();
  if (planrun == 0) {
    GroupKeeper keeper;
    pid_t sleeper = fork();
    if (sleeper == 0) {
      setpgid(0, 0);
      execl("/bin/sleep", "sleep", "40", static_cast<char*>(nullptr));
      _exit(127);
    }
    setpgid(sleeper, sleeper);
    keeper.watch(sleeper);
    if (forget) keeper.forget(sleeper);
    ssize_t written = write(report[1], &sleeper, sizeof sleeper);
    (void)written;
    pause();
  }
  close(report[1]);
  pid_t sleeper = -1;
  ssize_t got = read(report[0], &sleeper, sizeof sleeper);
  close(report[0]);
  kill(planrun, SIGKILL);
  waitpid(planrun, nullptr, 0);
  return got == sizeof sleeper ? sleeper : -1;
}

TEST(GroupKeeper, AWatchedGroupDiesWithPlanrun) {
  pid_t sleeper = sleep_of_a_killed_planrun(false);
  ASSERT_GT(sleeper, 0);
  EXPECT_TRUE(ends_within(sleeper, 5s));
}

TEST(GroupKeeper, AForgottenGroupOutlivesPlanrun) {
  pid_t sleeper = sleep_of_a_killed_planrun(true);
  ASSERT_GT(sleeper, 0);
  std::this_thread::sleep_for(200ms);
  EXPECT_TRUE(running(sleeper));
  kill(-sleeper, SIGKILL);
}

}  // namespace
}  // namespace planrun
