// What the state promises an operator at the command line: records belong to a plan, relative
// paths follow the folder planrun runs in, readers change nothing, and a state that cannot be
// written stops the run cleanly.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/support/planrun_binary.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::run_planrun;

class StateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("planrun-state-cli-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  void write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

  std::string read(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // A plan named `name` whose one step `s` appends "s" to the folder's log: the same step, with
  // the same fingerprint, in every plan written by this.
  void write_logging_plan(const std::string& name) {
    write(dir / name, "planrun: 1\nname: t\nsteps:\n  - id: s\n    type: run\n"
                      "    with: {command: \"echo s >> " + (dir / "log").string() + "\"}\n");
  }

  // Every file under `root` with its content, to see that nothing changed.
  std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
      files[entry.path().string()] = entry.is_regular_file() ? read(entry.path()) : "<dir>";
    return files;
  }

  fs::path dir;
};

TEST_F(StateCli, TwoPlansInOneFolderNeverShareRecords) {
  write_logging_plan("a.yaml");
  write_logging_plan("b.yaml");
  EXPECT_EQ(run_planrun("a.yaml --quiet", dir.string()).exit_code, 0);
  EXPECT_EQ(run_planrun("b.yaml --quiet", dir.string()).exit_code, 0);
  EXPECT_EQ(read(dir / "log"), "s\ns\n") << "b's step s is not done because a's is";
}

TEST_F(StateCli, FreshOnOnePlanKeepsTheOthersRecords) {
  write_logging_plan("a.yaml");
  write_logging_plan("b.yaml");
  run_planrun("a.yaml --quiet", dir.string());
  run_planrun("b.yaml --quiet", dir.string());
  run_planrun("b.yaml --fresh --quiet", dir.string());
  run_planrun("a.yaml --quiet", dir.string());
  EXPECT_EQ(read(dir / "log"), "s\ns\ns\n") << "a's record survived b's --fresh";
}

TEST_F(StateCli, TheSamePlanRunFromAnotherFolderIsNotUpToDateThere) {
  fs::create_directories(dir / "d1");
  fs::create_directories(dir / "d2");
  write(dir / "plan.yaml", "planrun: 1\nname: t\nparams:\n  out: {type: path, default: made.txt}\n"
                           "steps:\n  - id: make\n    type: run\n    with: {command: \"touch ${out}\"}\n");
  EXPECT_EQ(run_planrun("../plan.yaml --quiet", (dir / "d1").string()).exit_code, 0);
  EXPECT_EQ(run_planrun("../plan.yaml --quiet", (dir / "d2").string()).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir / "d1" / "made.txt"));
  EXPECT_TRUE(fs::exists(dir / "d2" / "made.txt")) << "the second run was taken as up to date";
}

TEST_F(StateCli, ACommandRunFromAnotherFolderIsNotUpToDateThere) {
  fs::create_directories(dir / "d1");
  fs::create_directories(dir / "d2");
  write(dir / "plan.yaml", "planrun: 1\nname: t\nsteps:\n  - id: make\n    type: run\n"
                           "    with: {command: \"touch made.txt\"}\n");
  EXPECT_EQ(run_planrun("../plan.yaml --quiet", (dir / "d1").string()).exit_code, 0);
  EXPECT_EQ(run_planrun("../plan.yaml --quiet", (dir / "d2").string()).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir / "d2" / "made.txt")) << "a command's working directory is part of its fingerprint";
}

TEST_F(StateCli, PlanAndStatusChangeNoByteOfTheState) {
  write_logging_plan("a.yaml");
  run_planrun("a.yaml --quiet", dir.string());
  // Also a state directory copied without its dot files: readers must not add them back.
  fs::remove(dir / ".planrun" / ".gitignore");
  auto before = snapshot(dir / ".planrun");
  EXPECT_EQ(run_planrun("plan a.yaml", dir.string()).exit_code, 0);
  auto status = run_planrun("status a.yaml", dir.string());
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status.output.find("done"), std::string::npos) << status.output;
  EXPECT_EQ(snapshot(dir / ".planrun"), before);
}

TEST_F(StateCli, AStateThatCannotBeWrittenStopsTheRunWithExitFiveNamingTheFile) {
  std::string plan = "planrun: 1\nname: t\nsteps:\n";
  for (int i = 0; i < 400; ++i)
    plan += "  - id: s" + std::to_string(i) + "\n    type: run\n    with: {command: [/bin/true]}\n";
  write(dir / "plan.yaml", plan);
  // Files may not grow past 160 KB: the state's write-ahead log reaches that within the run.
  auto outcome = run_planrun("plan.yaml --quiet -j 2", dir.string(), "ulimit -f 160;");
  EXPECT_EQ(outcome.exit_code, 5) << outcome.output;
  EXPECT_NE(outcome.output.find("planrun: the run stopped: state database .planrun/state.db: "),
            std::string::npos)
      << outcome.output;
  EXPECT_EQ(outcome.output.find("terminate"), std::string::npos) << outcome.output;
}

TEST_F(StateCli, AStateDirectoryRemovedDuringTheRunStopsItWithExitFive) {
  write(dir / "plan.yaml", "planrun: 1\nname: t\nsteps:\n  - id: wipe\n    type: run\n"
                           "    with: {command: \"rm -rf .planrun\"}\n"
                           "  - id: after\n    type: run\n    needs: [wipe]\n    with: {command: [/bin/true]}\n");
  auto outcome = run_planrun("plan.yaml --quiet", dir.string());
  EXPECT_EQ(outcome.exit_code, 5) << outcome.output;
  EXPECT_NE(outcome.output.find("planrun: the run stopped: .planrun/state.db was removed or replaced during the run"),
            std::string::npos)
      << outcome.output;
}

}  // namespace
}  // namespace planrun
