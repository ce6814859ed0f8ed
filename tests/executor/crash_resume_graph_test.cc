// The kill -9 promise beyond a plain chain: parallel branches, a false `when`, a step that needs
// its retry, and rounds that use --only and --from, each killed at a random moment. After every
// round an independent check (the steps' own log against the state's done records) shows that
// no step recorded done ran again, except those --from asked to run again.
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

// Three jobs, so that the three branches run side by side.
std::vector<std::string> with_jobs(std::vector<std::string> args) {
  args.insert(args.begin(), {"-j", "3"});
  return args;
}

constexpr int kBranches = 3;
constexpr int kLength = 6;

std::string step_id(int branch, int index) { return "b" + std::to_string(branch) + "s" + std::to_string(index); }

// Three chains that start together and meet in `join`; b1s2 never runs (its `when` is false)
// and b2s3 fails its first attempt ever and passes on its retry.
struct GraphPlan {
  fs::path dir;
  std::map<std::string, std::vector<std::string>> needs;

  void write() {
    std::ofstream plan(dir / "graph.yaml");
    plan << "planrun: 1\nname: graph\nsteps:\n";
    for (int branch = 0; branch < kBranches; ++branch)
      for (int index = 0; index < kLength; ++index)
        write_step(plan, step_id(branch, index), index ? std::vector{step_id(branch, index - 1)} : std::vector<std::string>{});
    write_step(plan, "join", {step_id(0, kLength - 1), step_id(1, kLength - 1), step_id(2, kLength - 1)});
  }

  void write_step(std::ofstream& plan, const std::string& id, const std::vector<std::string>& step_needs) {
    needs[id] = step_needs;
    plan << "  - id: " << id << "\n    type: run\n";
    if (!step_needs.empty()) {
      plan << "    needs: [";
      for (size_t i = 0; i < step_needs.size(); ++i) plan << (i ? ", " : "") << step_needs[i];
      plan << "]\n";
    }
    if (id == "b1s2") plan << "    when: \"${exists('" << (dir / "never").string() << "')}\"\n";
    std::string log = (dir / "log").string();
    std::string then = "sleep 0.01";
    if (id == "b2s3") {
      plan << "    retry: {attempts: 2, delay: 5ms}\n";
      std::string tried = (dir / "tried").string();
      then = "if [ ! -e " + tried + " ]; then touch " + tried + "; exit 1; fi";
    }
    plan << "    with: {command: \"echo " << id << " >> " << log << "; " << then << "\"}\n";
  }

  std::set<std::string> downstream_of(const std::string& from) const {
    std::set<std::string> reached{from};
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& [id, step_needs] : needs)
        for (const std::string& need : step_needs)
          if (reached.count(need) && reached.insert(id).second) grew = true;
    }
    return reached;
  }
};

std::string describe(const std::vector<std::string>& args) {
  std::string text = "a plain run";
  for (size_t i = 0; i < args.size(); ++i) text = (i ? text + " " : "") + args[i];
  return text;
}

TEST(CrashResume, KilledInParallelBranchesWithWhenRetryOnlyAndFromNeverRerunsFinishedSteps) {
  fs::path dir = fs::temp_directory_path() / ("planrun-crash-graph-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  GraphPlan plan{dir, {}};
  plan.write();
  std::vector<std::string> ids;
  for (const auto& [id, step_needs] : plan.needs) ids.push_back(id);
  std::mt19937 random(4242);
  std::set<std::string> done_before;
  std::map<std::string, int> counts_before;
  std::string history;
  int checked = 0;  // done steps whose count was compared: the check must not be empty
  // More rounds while few steps were compared: on a loaded machine planrun starts slowly and
  // a kill often comes before any step finished.
  for (int round = 0; round < 30 || (checked <= 100 && round < 150); ++round) {
    std::vector<std::string> extra;
    std::set<std::string> may_rerun;
    int choice = std::uniform_int_distribution(0, 5)(random);
    std::string target = ids[std::uniform_int_distribution<size_t>(0, ids.size() - 1)(random)];
    if (choice == 0) extra = {"--only", target};
    if (choice == 1) {
      extra = {"--from", target};
      may_rerun = plan.downstream_of(target);
    }
    pid_t pid = start_planrun(dir, "graph.yaml", with_jobs(extra));
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution(5, 150)(random)));
    kill(pid, SIGKILL);
    wait_exit(pid);
    auto counts = runs_per_step(dir);
    for (const std::string& step : done_before)
      if (!may_rerun.count(step)) {
        EXPECT_EQ(counts[step], counts_before[step]) << "finished step " << step << " ran again in round " << round << " (" << describe(extra) << "; before: " << history << ")";
        ++checked;
      }
    done_before = done_steps(dir, "graph.yaml");
    history += " | " + describe(extra) + " -> done:";
    for (const auto& s2 : done_before) history += " " + s2;
    counts_before = counts;
  }
  EXPECT_GT(checked, 100);
  EXPECT_EQ(wait_exit(start_planrun(dir, "graph.yaml", with_jobs({}))), 0);
  std::set<std::string> done = done_steps(dir, "graph.yaml");
  for (const std::string& id : ids) EXPECT_EQ(done.count(id), id == "b1s2" ? 0u : 1u) << id;
  EXPECT_EQ(runs_per_step(dir)["b1s2"], 0);
  auto counts = runs_per_step(dir);
  EXPECT_EQ(wait_exit(start_planrun(dir, "graph.yaml", with_jobs({}))), 0);
  EXPECT_EQ(runs_per_step(dir), counts) << "a rerun of a finished plan must run nothing";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace planrun
