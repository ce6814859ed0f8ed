// Golden tests of `planrun diff`: each tests/plans/diff/NAME.old.yaml and NAME.new.yaml are
// compiled and diffed; the text must equal NAME.expected and the Markdown NAME.expected.md.
// Write expected files by hand, or read every line of a run's output before keeping it.
#include "interpreter/render/plan_diff.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "interpreter/loader/plan_loader.h"
#include "tests/support/compile_text.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

const fs::path kDiffPlans = fs::path(PLANRUN_SOURCE_DIR) / "tests/plans/diff";

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

ActionGraph loaded(const std::string& path) {
  SourceFiles sources;
  Diagnostics diagnostics;
  auto graph = load_plan(path, sources, diagnostics);
  std::string messages;
  for (const Diagnostic& diagnostic : diagnostics.sorted()) messages += render(diagnostic, sources);
  EXPECT_TRUE(graph) << messages;
  return graph ? std::move(*graph) : ActionGraph{};
}

class PlanDiffGolden : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    previous_ = fs::current_path();
    fs::current_path(kDiffPlans);
  }
  void TearDown() override { fs::current_path(previous_); }

  PlanDiff diff() { return diff_plans(loaded(GetParam() + ".old.yaml"), loaded(GetParam() + ".new.yaml")); }

 private:
  fs::path previous_;
};

TEST_P(PlanDiffGolden, Text) {
  EXPECT_EQ(render_diff_text(diff(), GetParam() + ".old.yaml", GetParam() + ".new.yaml"),
            read(GetParam() + ".expected"));
}

TEST_P(PlanDiffGolden, Markdown) {
  EXPECT_EQ(render_diff_markdown(diff(), GetParam() + ".old.yaml", GetParam() + ".new.yaml"),
            read(GetParam() + ".expected.md"));
}

INSTANTIATE_TEST_SUITE_P(DiffPlans, PlanDiffGolden, ::testing::Values("upgrade", "used"));

TEST(PlanDiff, APlanAgainstItselfHasNoChange) {
  ActionGraph plan = loaded(kDiffPlans / "upgrade.new.yaml");
  PlanDiff diff = diff_plans(plan, plan);
  EXPECT_TRUE(diff.empty());
  EXPECT_TRUE(diff.redo.empty());
  EXPECT_EQ(render_diff_text(diff, "a", "b"), "planrun diff a b\nno change in meaning\n");
}

}  // namespace
}  // namespace planrun

namespace planrun {
namespace PLANRUN_UNITY_ID {

// Renaming a step renames the `needs` of the steps after it; those still match as renamed.
TEST(PlanDiff, StepsAfterARenamedStepAreRenamedNotRemovedAndAdded) {
  auto old_plan = testing::compile_text(
      "planrun: 1\nname: r\nsteps:\n  - id: a\n    type: run\n    with: {command: \"true\"}\n"
      "  - id: b\n    type: run\n    needs: [a]\n    with: {command: \"false\"}\n");
  auto new_plan = testing::compile_text(
      "planrun: 1\nname: r\nsteps:\n  - id: x\n    type: run\n    with: {command: \"true\"}\n"
      "  - id: y\n    type: run\n    needs: [x]\n    with: {command: \"false\"}\n");
  ASSERT_TRUE(old_plan.graph && new_plan.graph);
  EXPECT_EQ(render_diff_text(diff_plans(*old_plan.graph, *new_plan.graph), "old", "new"),
            "planrun diff old new\nsteps:\n  > x: renamed from a\n  > y: renamed from b\n"
            "a run would redo: x, y\n");
}

}  // namespace
}  // namespace planrun
