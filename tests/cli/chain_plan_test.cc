// A chain of version pairs as one graph: 4.4.5 -> 4.4.6 -> 4.4.7 by using one stage plan twice,
// each stage's output feeding the next, run end to end with real commands, killed in the middle
// and resumed under the namespaced ids.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/support/killed_runs.h"
#include "tests/support/planrun_binary.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::done_steps;
using testing::run_planrun;
using testing::runs_per_step;

// Each stage logs its steps as "STAGE-ID"; `start` waits for the gate file (a server that is not
// up yet), so a test can kill the run while it waits, and publishes the version it reached.
const char* kStage = R"(planrun: 1
name: stage
params:
  from: {type: string}
  to: {type: string}
  dir: {type: path}
  gate: {type: path}
steps:
  - id: copy
    type: run
    with: {command: "echo ${to}-copy >> ${dir}/log"}
  - id: start
    type: run
    needs: [copy]
    with: {command: "echo ${to}-start >> ${dir}/log; while [ ! -e ${gate} ]; do sleep 0.05; done; printf %s ${to}"}
  - id: smoke
    type: run
    needs: [start]
    with: {command: "echo ${to}-smoke-from-${from} >> ${dir}/log"}
)";

const char* kChain = R"(planrun: 1
name: carbon-4.4.5-to-4.4.7
params:
  dir: {type: path, default: .}
steps:
  - id: to-446
    use: stages/stage
    with: {from: 4.4.5, to: 4.4.6, dir: "${dir}", gate: "${dir}/gate-446"}
  - id: to-447
    use: stages/stage
    needs: [to-446]
    with: {from: "${steps.to-446.start.outputs.stdout}", to: 4.4.7, dir: "${dir}", gate: "${dir}/gate-447"}
)";

class ChainPlan : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("planrun-chain-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir / "stages");
    std::ofstream(dir / "stages/stage.yaml") << kStage;
    std::ofstream(dir / "chain.yaml") << kChain;
  }
  void TearDown() override { fs::remove_all(dir); }

  bool log_has(const std::string& line) { return runs_per_step(dir).count(line) > 0; }

  fs::path dir;
};

TEST_F(ChainPlan, RunsBothStagesInOrderWithTheFirstStagesOutputFeedingTheSecond) {
  std::ofstream(dir / "gate-446").close();
  std::ofstream(dir / "gate-447").close();
  auto outcome = run_planrun("chain.yaml --quiet -j 1", dir.string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
  std::ifstream log(dir / "log");
  std::stringstream text;
  text << log.rdbuf();
  EXPECT_EQ(text.str(), "4.4.6-copy\n4.4.6-start\n4.4.6-smoke-from-4.4.5\n4.4.7-copy\n4.4.7-start\n4.4.7-smoke-from-4.4.6\n");
}

TEST_F(ChainPlan, KilledInTheSecondStageResumesThereUnderNamespacedIds) {
  std::ofstream(dir / "gate-446").close();
  pid_t pid = testing::start_planrun(dir, "chain.yaml", {"--set", "dir=" + dir.string()});
  for (int i = 0; i < 1200 && !log_has("4.4.7-start"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  ASSERT_TRUE(log_has("4.4.7-start")) << "the second stage's start never began";
  kill(pid, SIGKILL);
  testing::wait_exit(pid);
  EXPECT_EQ(done_steps(dir, "chain.yaml"),
            (std::set<std::string>{"to-446.copy", "to-446.start", "to-446.smoke", "to-447.copy"}));

  std::ofstream(dir / "gate-447").close();
  // From the folder the killed run ran in: a command's working directory is part of its fingerprint.
  auto outcome = run_planrun("run '" + (dir / "chain.yaml").string() + "' --quiet --set dir=" + dir.string(),
                             fs::current_path().string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
  auto runs = runs_per_step(dir);
  for (const char* once : {"4.4.6-copy", "4.4.6-start", "4.4.6-smoke-from-4.4.5", "4.4.7-copy", "4.4.7-smoke-from-4.4.6"})
    EXPECT_EQ(runs[once], 1) << once;
  EXPECT_EQ(runs["4.4.7-start"], 2) << "the killed step runs again, nothing before it does";

  auto status = run_planrun("status chain.yaml", dir.string());
  EXPECT_NE(status.output.find("to-447.smoke"), std::string::npos) << status.output;
}

}  // namespace
}  // namespace planrun
