#include <gtest/gtest.h>

#include "tests/support/compile_text.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using testing::compile_text;
using testing::step_order;

const char* kHeader = "planrun: 1\nsteps:\n";

std::string run_step(const std::string& id, const std::string& needs = "") {
  std::string step = "  - id: " + id + "\n    type: run\n    with: {command: [/bin/true]}\n";
  if (!needs.empty()) step += "    needs: [" + needs + "]\n";
  return step;
}

TEST(DependencyResolver, OrdersStepsAfterWhatTheyNeedKeepingFileOrderOtherwise) {
  auto compiled = compile_text(std::string(kHeader) + run_step("c", "b") + run_step("a") + run_step("b", "a") +
                               run_step("d"));
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  EXPECT_EQ(step_order(*compiled.graph), "a b c d");
  EXPECT_EQ(compiled.graph->steps[2].needs, std::vector<size_t>{1});
}

TEST(DependencyResolver, ReportsCycleAlongNeeds) {
  auto compiled = compile_text(std::string(kHeader) + run_step("a", "b") + run_step("b", "c") + run_step("c", "a"));
  EXPECT_FALSE(compiled.graph);
  EXPECT_NE(compiled.diagnostics.find("plan.yaml:3:5: error: dependency cycle: a -> b -> c -> a"), std::string::npos)
      << compiled.diagnostics;
}

TEST(DependencyResolver, ReportsSelfDependencyAndUnknownNeedsWithSuggestion) {
  auto compiled = compile_text(std::string(kHeader) + run_step("backup") + run_step("copy", "copy, bakup"));
  EXPECT_FALSE(compiled.graph);
  EXPECT_NE(compiled.diagnostics.find("error: step 'copy' needs itself"), std::string::npos) << compiled.diagnostics;
  EXPECT_NE(compiled.diagnostics.find("error: step 'copy' needs unknown step 'bakup' (did you mean 'backup'?)"),
            std::string::npos)
      << compiled.diagnostics;
}

TEST(DependencyResolver, OutputReferenceAddsImplicitEdge) {
  auto compiled = compile_text(std::string(kHeader) +
                               "  - id: use\n    type: run\n    with: {command: ['${steps.make.outputs.stdout}']}\n" +
                               run_step("make"));
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  EXPECT_EQ(step_order(*compiled.graph), "make use");
  EXPECT_EQ(compiled.graph->steps[1].needs, std::vector<size_t>{0});
}

TEST(DependencyResolver, ParallelWavesGroupIndependentSteps) {
  auto compiled = compile_text(std::string(kHeader) + run_step("a") + run_step("b") + run_step("c", "a, b") +
                               run_step("d", "a"));
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  auto waves = parallel_waves(*compiled.graph);
  ASSERT_EQ(waves.size(), 2u);
  EXPECT_EQ(waves[0], (std::vector<size_t>{0, 1}));
  EXPECT_EQ(waves[1], (std::vector<size_t>{2, 3}));
}

}  // namespace
}  // namespace planrun
