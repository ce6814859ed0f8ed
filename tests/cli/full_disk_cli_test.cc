// A full disk is the operator's to fix, never a bug: under the state directory it stops the run
// with exit 5, under a step's target it fails the step (exit 1), and every message names the
// cause. The small file systems are tmpfs mounts in a private mount namespace (unshare), so the
// tests need no root on the host and leave no mount behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "tests/support/planrun_binary.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::Outcome;

// The command that runs a shell in a mount namespace of its own where tmpfs can be mounted: as
// root `unshare --mount`, else as the root of a new user namespace.
std::optional<std::string> private_mount_namespace(const fs::path& probe_dir) {
  for (const char* unshare : {"unshare --mount", "unshare --user --map-root-user --mount"}) {
    std::string probe = std::string(unshare) + " sh -c 'mount -t tmpfs -o size=4k none " + probe_dir.string() +
                        "' >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) return std::string(unshare);
  }
  return std::nullopt;
}

class FullDiskCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("planrun-full-disk-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir / "small");
    unshare = private_mount_namespace(dir / "small");
    if (!unshare)
      GTEST_SKIP() << "cannot mount a small tmpfs: neither `unshare --mount` nor `unshare --user --map-root-user "
                      "--mount` works here";
  }
  void TearDown() override { fs::remove_all(dir); }

  // Runs `script` (sh; $PLANRUN is the binary) in `dir`, with a tmpfs of `options` on dir/small.
  Outcome run_on_small_fs(const std::string& options, const std::string& script) {
    std::ofstream(dir / "script.sh") << "set -u\nPLANRUN=" << PLANRUN_BINARY << "\nmount -t tmpfs -o " << options
                                     << " none small || exit 99\n" << script;
    return testing::run_planrun("", dir.string(), *unshare + " sh script.sh 2>&1; exit $?; ");
  }

  void write_plan(const std::string& steps) {
    std::ofstream(dir / "plan.yaml") << "planrun: 1\nname: t\nsteps:\n" << steps;
  }

  fs::path dir;
  std::optional<std::string> unshare;
};

// A step that does nothing, for plans whose point is what the state does.
std::string quiet_step(const std::string& id, const std::string& needs = "") {
  return "  - id: " + id + "\n    type: run\n" + (needs.empty() ? "" : "    needs: [" + needs + "]\n") +
         "    with: {command: [/bin/true]}\n";
}

TEST_F(FullDiskCli, NoRoomForTheRunDirectoryStopsTheRunWithExitFiveNamingTheCause) {
  write_plan(quiet_step("a"));
  // The first run creates the state; then every inode but two is taken: the next run opens the
  // database (its -wal and -shm files take those two) and records its start, but cannot create
  // its run directory.
  Outcome outcome = run_on_small_fs("size=1m,nr_inodes=40",
                                    "$PLANRUN plan.yaml --state small --quiet || exit 98\n"
                                    "i=0; while touch small/filler$i 2>/dev/null; do i=$((i+1)); done\n"
                                    "rm small/filler0 small/filler1\n"
                                    "$PLANRUN plan.yaml --state small --quiet\n");
  EXPECT_EQ(outcome.exit_code, 5) << outcome.output;
  EXPECT_NE(outcome.output.find("planrun: the run stopped: cannot create the run directory small/runs/2: "
                                "No space left on device"),
            std::string::npos)
      << outcome.output;
  EXPECT_EQ(outcome.output.find("internal error"), std::string::npos) << outcome.output;
}

TEST_F(FullDiskCli, AStateDirectoryOnAFullFileSystemExitsFiveBeforeAnyStepRuns) {
  write_plan("  - id: a\n    type: run\n    with: {command: \"touch ran\"}\n");
  Outcome outcome = run_on_small_fs("size=256k", "dd if=/dev/zero of=small/filler bs=4k 2>/dev/null\n"
                                                 "$PLANRUN plan.yaml --state small --quiet\n");
  EXPECT_EQ(outcome.exit_code, 5) << outcome.output;
  EXPECT_NE(outcome.output.find("No space left on device"), std::string::npos) << outcome.output;
  EXPECT_FALSE(fs::exists(dir / "ran"));
}

TEST_F(FullDiskCli, AStateThatFillsDuringTheRunStopsItWithExitFiveAndNoCommandReportsABug) {
  std::string steps = "  - id: fill\n    type: run\n"
                      "    with: {command: \"dd if=/dev/zero of=small/filler bs=4k 2>/dev/null; true\"}\n";
  for (int i = 0; i < 50; ++i) steps += quiet_step("s" + std::to_string(i), "fill");
  write_plan(steps);
  Outcome outcome = run_on_small_fs("size=256k",
                                    "$PLANRUN plan.yaml --state small --quiet -j 1; echo \"run exited $?\"\n"
                                    "$PLANRUN status plan.yaml --state small >/dev/null; echo \"status exited $?\"\n"
                                    "$PLANRUN plan plan.yaml --state small >/dev/null; echo \"plan exited $?\"\n"
                                    "$PLANRUN unlock plan.yaml --state small --yes; echo \"unlock exited $?\"\n");
  EXPECT_NE(outcome.output.find("run exited 5"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("planrun: the run stopped: state database small/state.db: database or disk is full"),
            std::string::npos)
      << outcome.output;
  for (const char* command : {"run", "status", "plan", "unlock"})
    EXPECT_EQ(outcome.output.find(std::string(command) + " exited 70"), std::string::npos) << outcome.output;
  EXPECT_EQ(outcome.output.find("internal error"), std::string::npos) << outcome.output;
}

TEST_F(FullDiskCli, AStepWhoseTargetFillsFailsWithExitOneNamingTheStepAndTheCause) {
  fs::create_directories(dir / "app");
  std::ofstream(dir / "app" / "big.bin") << std::string(512 * 1024, 'x');
  write_plan("  - id: copy-app\n    type: copy-dir\n    with: {from: app, to: small/app}\n");
  Outcome outcome = run_on_small_fs("size=256k", "$PLANRUN plan.yaml --state state\n");
  EXPECT_EQ(outcome.exit_code, 1) << outcome.output;
  EXPECT_NE(outcome.output.find("copy-app"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("No space left on device"), std::string::npos) << outcome.output;
  EXPECT_EQ(outcome.output.find("internal error"), std::string::npos) << outcome.output;
}

// Without a small file system: a plan that cannot be read, and a step whose own file in the run
// directory cannot be written (compare-schema's report, written outside any catch of its own).
TEST(FileRefusalCli, APlanFileThatCannotBeReadExitsTwoNamingTheFile) {
  testing::TempDir dir;
  fs::create_directories(dir.path() / "plan.yaml");  // a directory: opening succeeds, reading fails
  Outcome outcome = testing::run_planrun("run plan.yaml", dir.path().string());
  EXPECT_EQ(outcome.exit_code, 2) << outcome.output;
  EXPECT_NE(outcome.output.find("plan.yaml: error: cannot read the plan file"), std::string::npos) << outcome.output;
}

TEST(FileRefusalCli, AStepThatCannotWriteItsReportFailsWithExitOneNotAsABug) {
  testing::TempDir dir;
  testing::run_planrun("", dir.path().string(), "sqlite3 a.db 'CREATE TABLE t (x INTEGER)' && cp a.db b.db #");
  std::ofstream(dir.path() / "plan.yaml")
      << "planrun: 1\nname: t\nsteps:\n"
         "  - id: spoil\n    type: run\n    with: {command: \"rm -r state/runs/1 && touch state/runs/1\"}\n"
         "  - id: same\n    type: compare-schema\n    needs: [spoil]\n"
         "    with: {database: \"sqlite:" << (dir.path() / "a.db").string() << "\", equals_database: \"sqlite:"
      << (dir.path() / "b.db").string() << "\"}\n";
  Outcome outcome = testing::run_planrun("plan.yaml --state state --quiet", dir.path().string());
  EXPECT_EQ(outcome.exit_code, 1) << outcome.output;
  EXPECT_NE(outcome.output.find("step 'same' failed: cannot create directories 'state/runs/1': Not a directory"),
            std::string::npos)
      << outcome.output;
}

}  // namespace
}  // namespace planrun
