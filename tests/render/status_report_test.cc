#include "interpreter/render/status_report.h"

#include <gtest/gtest.h>

#include "tests/support/compile_text.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

// One done step for each of two plans sharing a state directory: step_a of a.yaml, step_b of b.yaml.
void record_two_plans(const std::filesystem::path& state) {
  for (std::string name : {"a", "b"}) {
    StateStore store(state, name + ".yaml");
    int64_t run = store.begin_run(name + ".yaml", "fingerprint", "{}");
    store.mark_running("step_" + name, "f", run);
    store.mark_done("step_" + name, "{}");
    store.finish_run(run, "succeeded");
  }
}

TEST(StatusReport, WithoutAPlanEveryRunNamesItsPlanAndEachPlansStepsAreShownApart) {
  testing::TempDir dir;
  record_two_plans(dir.path() / "state");
  StateStore store(dir.path() / "state", "", StateStore::Access::ReadOnly);
  std::string report = status_report(store, nullptr, std::nullopt, false);
  EXPECT_NE(report.find("outcome    plan\n"), std::string::npos) << report;
  EXPECT_NE(report.find("succeeded  b.yaml\n"), std::string::npos) << report;
  size_t a = report.find("Steps of a.yaml:\n"), b = report.find("Steps of b.yaml:\n");
  ASSERT_NE(a, std::string::npos) << report;
  ASSERT_NE(b, std::string::npos) << report;
  EXPECT_NE(report.find("step_a  done"), std::string::npos) << report;
  EXPECT_LT(report.find("step_a  done"), b) << "a's step is listed under a";
  EXPECT_GT(report.find("step_b  done"), b) << "b's step is listed under b";
}

TEST(StatusReport, WithAPlanOnlyItsRunsAndStepsAreShown) {
  testing::TempDir dir;
  record_two_plans(dir.path() / "state");
  auto compiled = testing::compile_text("planrun: 1\nname: a\nsteps:\n  - id: step_a\n    type: run\n"
                                        "    with: {command: [/bin/true]}\n");
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  StateStore store(dir.path() / "state", "a.yaml", StateStore::Access::ReadOnly);
  std::string report = status_report(store, &*compiled.graph, std::nullopt, false);
  EXPECT_NE(report.find("step_a  done"), std::string::npos) << report;
  EXPECT_EQ(report.find("b.yaml"), std::string::npos) << report;
}

}  // namespace
}  // namespace planrun
