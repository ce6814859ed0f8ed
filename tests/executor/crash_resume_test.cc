// The promise to operators: kill planrun at any moment, run the same command again, and get
// exactly the result of an uninterrupted run. This test kills the real binary with SIGKILL at
// random moments, many times, then lets it finish.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "tests/support/killed_runs.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::done_steps;
using testing::runs_per_step;
using testing::start_planrun;
using testing::wait_exit;

constexpr int kSteps = 40;

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("planrun-crash-" + std::to_string(::getpid()));
  Scratch() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
};

// A chain of steps, each appending its id to a log and taking a few milliseconds.
void write_plan(const fs::path& dir) {
  std::ofstream plan(dir / "chain.yaml");
  plan << "planrun: 1\nname: chain\nsteps:\n";
  for (int i = 0; i < kSteps; ++i) {
    plan << "  - id: s" << i << "\n    type: run\n";
    if (i > 0) plan << "    needs: [s" << i - 1 << "]\n";
    plan << "    with: {command: \"echo s" << i << " >> " << (dir / "log").string() << "; sleep 0.01\"}\n";
  }
}

TEST(CrashResume, KilledAtRandomMomentsNeverRerunsFinishedSteps) {
  Scratch scratch;
  write_plan(scratch.dir);
  std::mt19937 random(12345);
  int kills = 0;
  std::set<std::string> done_before;
  std::map<std::string, int> counts_before;
  std::map<std::string, int> interruptions;  // rounds in which a step ran but was not recorded done
  int checked = 0;                            // done steps compared: the check must not be empty
  // More rounds while few steps were compared: on a loaded machine planrun starts slowly and
  // a kill often comes before any step finished.
  for (int round = 0; round < 25 || (checked <= 100 && round < 150); ++round) {
    pid_t pid = start_planrun(scratch.dir, "chain.yaml");
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution(5, 120)(random)));
    kill(pid, SIGKILL);
    wait_exit(pid);
    ++kills;
    auto counts = runs_per_step(scratch.dir);
    for (const std::string& step : done_before) {
      EXPECT_EQ(counts[step], counts_before[step]) << "finished step " << step << " ran again in round " << round;
      ++checked;
    }
    done_before = done_steps(scratch.dir, "chain.yaml");
    for (const auto& [step, count] : counts)
      if (count > counts_before[step] && !done_before.count(step)) ++interruptions[step];
    counts_before = counts;
  }
  EXPECT_GT(checked, 100);
  EXPECT_EQ(wait_exit(start_planrun(scratch.dir, "chain.yaml")), 0);
  auto counts = runs_per_step(scratch.dir);
  int extra = 0;
  for (int i = 0; i < kSteps; ++i) {
    std::string step = "s" + std::to_string(i);
    EXPECT_GE(counts[step], 1) << step << " never ran";
    EXPECT_LE(counts[step], 1 + interruptions[step]) << step << " ran again without having been interrupted";
    extra += counts[step] - 1;
  }
  EXPECT_LE(extra, kills) << "only a step interrupted by a kill may run twice";
  EXPECT_EQ(wait_exit(start_planrun(scratch.dir, "chain.yaml")), 0);
  EXPECT_EQ(runs_per_step(scratch.dir), counts) << "a rerun of a finished plan must run nothing";
}

}  // namespace
}  // namespace planrun
