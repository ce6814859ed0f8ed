// A backup killed with SIGKILL while it writes never leaves a backup that looks complete, and
// the same command run again finishes it: the real binary, killed in the middle of the archive.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "tests/support/killed_runs.h"
#include "tests/support/planrun_binary.h"
#include "tests/support/step_fixture.h"
#include "tests/support/tree_snapshot.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::shell_quoted;
using testing::shell;

// Incompressible files, enough that archiving them takes a while.
void make_tree(const fs::path& root) {
  std::mt19937_64 random(7);
  std::string block(1 << 20, '\0');
  for (int file = 0; file < 48; ++file) {
    fs::create_directories(root / ("d" + std::to_string(file % 4)));
    std::ofstream out(root / ("d" + std::to_string(file % 4)) / ("f" + std::to_string(file)), std::ios::binary);
    for (size_t i = 0; i < block.size(); i += 8) {
      uint64_t word = random();
      block.replace(i, 8, reinterpret_cast<const char*>(&word), 8);
    }
    out << block;
  }
}

TEST(BackupCrash, KilledWhileArchivingLeavesNoSealAndTheRerunCompletesTheBackup) {
  testing::TempDir dir;
  make_tree(dir.path() / "home");
  std::ofstream(dir.path() / "plan.yaml") << "planrun: 1\nname: crash-backup\nsteps:\n"
                                             "  - id: backup-home\n    type: backup\n"
                                             "    with: {dir: home, to: backup, compression: none}\n";
  fs::path partial = dir.path() / "backup/.tree.tar.partial";
  // Relative paths in a plan are relative to where planrun runs: the test's directory here.
  fs::path here = fs::current_path();
  fs::current_path(dir.path());
  pid_t pid = testing::start_planrun(dir.path(), "plan.yaml");
  fs::current_path(here);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!fs::exists(partial) && !fs::exists(dir.path() / "backup/SHA256SUMS") &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ::kill(pid, SIGKILL);
  testing::wait_exit(pid);
  if (fs::exists(dir.path() / "backup/SHA256SUMS"))  // it finished first: then it must be whole
    EXPECT_EQ(shell("cd " + shell_quoted((dir.path() / "backup").string()) + " && sha256sum -c SHA256SUMS").exit_code, 0);
  else
    EXPECT_TRUE(testing::done_steps(dir.path(), "plan.yaml").empty());
  auto rerun = testing::run_planrun("run plan.yaml --quiet", dir.path().string());
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_EQ(shell("cd " + shell_quoted((dir.path() / "backup").string()) + " && sha256sum -c SHA256SUMS").output,
            "tree.sha256: OK\ntree.tar: OK\n");
  EXPECT_FALSE(fs::exists(partial));
}

}  // namespace
}  // namespace planrun
