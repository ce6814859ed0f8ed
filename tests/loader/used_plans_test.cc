// `use:` and `include:` as an author meets them: used steps namespaced, parameters passed and
// defaulted, needs reaching into and across used plans, cycles and missing parameters reported,
// fragments merged, and a used plan's templates evaluating in the using plan's values.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "interpreter/evaluation/plan_scope.h"
#include "interpreter/loader/plan_loader.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

class UsedPlansTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("planrun-use-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    previous = fs::current_path();
    fs::current_path(dir);
  }
  void TearDown() override {
    fs::current_path(previous);
    fs::remove_all(dir);
  }

  void write(const fs::path& file, const std::string& text) {
    fs::create_directories((dir / file).parent_path());
    std::ofstream(dir / file) << text;
  }

  // Loads `path`; the rendered diagnostics go to `messages`.
  std::optional<ActionGraph> load(const std::string& path) {
    SourceFiles sources;
    Diagnostics diagnostics;
    auto graph = load_plan(path, sources, diagnostics);
    messages.clear();
    for (const Diagnostic& diagnostic : diagnostics.sorted()) messages += render(diagnostic, sources);
    return graph;
  }

  static std::string ids(const ActionGraph& graph) {
    std::string out;
    for (const StepNode& step : graph.steps) out += (out.empty() ? "" : " ") + step.id;
    return out;
  }

  static std::string needs_of(const ActionGraph& graph, const std::string& id) {
    std::string out;
    for (size_t index : graph.find_step(id)->needs) out += (out.empty() ? "" : " ") + graph.steps[index].id;
    return out;
  }

  // A field of a step evaluated with the plan's defaults and `outputs` of steps that ran.
  static Value field(const ActionGraph& graph, const std::string& id, const std::string& name,
                     std::map<std::string, Value::Map> outputs = {}) {
    ParamValues params;
    for (const ParamNode& param : graph.params)
      if (param.default_value) params[param.name] = *param.default_value;
    PlanScope scope(params);
    for (auto& [step, values] : outputs) scope.set_outputs(step, values);
    return evaluate_bound(graph.find_step(id)->with.at(name), scope);
  }

  fs::path dir;
  fs::path previous;
  std::string messages;
};

const char* kStage =
    "planrun: 1\nname: stage\n"
    "params:\n"
    "  from: {type: string}\n"
    "  to: {type: string}\n"
    "  greeting: {type: string, default: hello}\n"
    "steps:\n"
    "  - id: prepare\n    type: run\n    with: {command: \"echo ${greeting} ${from}\"}\n"
    "  - id: finish\n    type: run\n    needs: [prepare]\n    with: {command: [echo, \"${to}\"]}\n";

TEST_F(UsedPlansTest, UsedStepsAreNamespacedAndTakeTheArguments) {
  write("stage.yaml", kStage);
  write("main.yaml",
        "planrun: 1\nname: main\nparams:\n  version: {type: string, default: 4.4.7}\n"
        "steps:\n  - id: upgrade\n    use: stage\n    with: {from: 4.4.6, to: \"v${version}\"}\n");
  auto graph = load("main.yaml");
  ASSERT_TRUE(graph) << messages;
  EXPECT_EQ(ids(*graph), "upgrade.prepare upgrade.finish");
  EXPECT_EQ(needs_of(*graph, "upgrade.finish"), "upgrade.prepare");
  EXPECT_EQ(field(*graph, "upgrade.prepare", "command").to_text(), "echo hello 4.4.6") << "the default of greeting";
  EXPECT_EQ(field(*graph, "upgrade.finish", "command").as_list().at(1).to_text(), "v4.4.7");
  EXPECT_EQ(graph->params.size(), 1u) << "the used plan's params are not the using plan's";
}

// A used plan's `${...}` default is worked out from the arguments its use gives (the Carbon
// plans' old_db from old_home), unless the use gives it too.
TEST_F(UsedPlansTest, AUsedPlansDerivedDefaultReadsTheArgumentsOfItsUse) {
  write("stage.yaml",
        "planrun: 1\nname: stage\nparams:\n  home: {type: path}\n"
        "  log: {type: string, default: \"${home}/logs/${basename(home)}.log\"}\n"
        "steps:\n  - id: show\n    type: run\n    with: {command: [cat, \"${log}\"]}\n");
  write("main.yaml",
        "planrun: 1\nname: main\nparams:\n  version: {type: string, default: 4.4.7}\nsteps:\n"
        "  - id: derived\n    use: stage\n    with: {home: \"/opt/carbon-${version}\"}\n"
        "  - id: given\n    use: stage\n    with: {home: /opt/x, log: /var/log/x.log}\n");
  auto graph = load("main.yaml");
  ASSERT_TRUE(graph) << messages;
  EXPECT_EQ(field(*graph, "derived.show", "command").as_list().at(1).to_text(), "/opt/carbon-4.4.7/logs/carbon-4.4.7.log");
  EXPECT_EQ(field(*graph, "given.show", "command").as_list().at(1).to_text(), "/var/log/x.log");
}

TEST_F(UsedPlansTest, NeedsReachIntoAUsedPlanAndAUseIdWaitsForAllOfIt) {
  write("stage.yaml", kStage);
  write("main.yaml",
        "planrun: 1\nname: main\nsteps:\n"
        "  - id: first\n    type: run\n    with: {command: \"true\"}\n"
        "  - id: upgrade\n    use: stage\n    needs: [first]\n    with: {from: a, to: b}\n"
        "  - id: after-prepare\n    type: run\n    needs: [upgrade.prepare]\n    with: {command: \"true\"}\n"
        "  - id: last\n    type: run\n    needs: [upgrade]\n    with: {command: \"true\"}\n");
  auto graph = load("main.yaml");
  ASSERT_TRUE(graph) << messages;
  EXPECT_EQ(needs_of(*graph, "upgrade.prepare"), "first") << "the use's needs go to its first steps";
  EXPECT_EQ(needs_of(*graph, "after-prepare"), "upgrade.prepare");
  EXPECT_EQ(needs_of(*graph, "last"), "upgrade.finish") << "a use id stands for its last steps";
}

TEST_F(UsedPlansTest, AChainFeedsOneStagesOutputsToTheNext) {
  write("stage.yaml", kStage);
  write("chain.yaml",
        "planrun: 1\nname: chain\nsteps:\n"
        "  - id: to-446\n    use: stage\n    with: {from: 4.4.5, to: 4.4.6}\n"
        "  - id: to-447\n    use: stage\n"
        "    with: {from: \"${steps.to-446.finish.outputs.stdout}\", to: 4.4.7}\n");
  auto graph = load("chain.yaml");
  ASSERT_TRUE(graph) << messages;
  EXPECT_EQ(ids(*graph), "to-446.prepare to-446.finish to-447.prepare to-447.finish");
  EXPECT_EQ(needs_of(*graph, "to-447.prepare"), "to-446.finish") << "reading an output is an edge";
  Value command = field(*graph, "to-447.prepare", "command", {{"to-446.finish", {{"stdout", Value("4.4.6")}}}});
  EXPECT_EQ(command.to_text(), "echo hello 4.4.6");
}

TEST_F(UsedPlansTest, UsesNestAndIdsGetEveryNamespace) {
  write("lib/stage.yaml", kStage);
  write("lib/pair.yaml",
        "planrun: 1\nname: pair\nparams:\n  to: {type: string}\nsteps:\n"
        "  - id: one\n    use: stage\n    with: {from: x, to: \"${to}\"}\n"
        "  - id: check\n    type: run\n    with: {command: \"echo ${steps.one.finish.outputs.stdout}\"}\n");
  write("main.yaml", "planrun: 1\nname: main\nsteps:\n  - id: outer\n    use: lib/pair\n    with: {to: y}\n");
  auto graph = load("main.yaml");
  ASSERT_TRUE(graph) << messages;
  EXPECT_EQ(ids(*graph), "outer.one.prepare outer.one.finish outer.check");
  EXPECT_EQ(needs_of(*graph, "outer.check"), "outer.one.finish");
  Value command = field(*graph, "outer.check", "command", {{"outer.one.finish", {{"stdout", Value("y")}}}});
  EXPECT_EQ(command.to_text(), "echo y");
}

TEST_F(UsedPlansTest, AUsedPlanIsFoundInPlanrunPath) {
  write("elsewhere/shared.yaml", kStage);
  write("main.yaml", "planrun: 1\nname: main\nsteps:\n  - id: u\n    use: shared\n    with: {from: a, to: b}\n");
  EXPECT_FALSE(load("main.yaml"));
  EXPECT_NE(messages.find("cannot find plan 'shared' in the plan's folder (.)"), std::string::npos) << messages;
  setenv("PLANRUN_PATH", (dir / "nowhere").string().append(":").append((dir / "elsewhere").string()).c_str(), 1);
  auto graph = load("main.yaml");
  unsetenv("PLANRUN_PATH");
  ASSERT_TRUE(graph) << messages;
  EXPECT_EQ(ids(*graph), "u.prepare u.finish");
}

TEST_F(UsedPlansTest, APlanUsingItselfThroughAnotherIsACycle) {
  write("a.yaml", "planrun: 1\nname: a\nsteps:\n  - id: b\n    use: b\n");
  write("b.yaml", "planrun: 1\nname: b\nsteps:\n  - id: a\n    use: a\n");
  EXPECT_FALSE(load("a.yaml"));
  EXPECT_EQ(messages,
            "b.yaml:5:10: error: plan 'a' uses itself: a.yaml -> b.yaml -> a.yaml "
            "(in plan 'b' used as 'b' at a.yaml:5:10)\n"
            "    use: a\n         ^\n");
}

TEST_F(UsedPlansTest, APlanUsedTwiceIsReportedOnce) {
  write("broken.yaml", "planrun: 1\nname: broken\nsteps:\n  - id: x\n    type: runn\n");
  write("main.yaml", "planrun: 1\nname: main\nsteps:\n  - id: u1\n    use: broken\n"
                     "  - id: u2\n    use: broken\n  - id: after\n    type: run\n    needs: [u1.x, u2]\n"
                     "    with: {command: \"true\"}\n");
  EXPECT_FALSE(load("main.yaml"));
  EXPECT_EQ(messages,
            "broken.yaml:5:11: error: unknown step type 'runn' (did you mean 'run'?) "
            "(in plan 'broken' used as 'u1' at main.yaml:5:10)\n"
            "    type: runn\n          ^\n")
      << "needs on a broken use are not reported again";
}

TEST_F(UsedPlansTest, FragmentsAddParamsAndStepsAndThePlanKeepsItsOwnParams) {
  write("fragments/checks.yaml",
        "planrun: 1\nparams:\n  home: {type: string, default: /opt/a}\n  port: {type: int, default: 9443}\n"
        "steps:\n  - id: check\n    type: run\n    with: {command: \"test -d ${home}\"}\n");
  write("main.yaml",
        "planrun: 1\nname: main\ninclude: [fragments/checks]\nparams:\n  home: {type: string, default: /opt/b}\n"
        "steps:\n  - id: go\n    type: run\n    needs: [check]\n    with: {command: \"echo ${port}\"}\n");
  auto graph = load("main.yaml");
  ASSERT_TRUE(graph) << messages;
  EXPECT_EQ(ids(*graph), "check go");
  EXPECT_EQ(field(*graph, "check", "command").to_text(), "test -d /opt/b");
  EXPECT_EQ(field(*graph, "go", "command").to_text(), "echo 9443");
}

TEST_F(UsedPlansTest, AFragmentIncludingItselfIsReported) {
  write("f.yaml", "planrun: 1\ninclude: g\nsteps: []\n");
  write("g.yaml", "planrun: 1\ninclude: f\nsteps: []\n");
  write("main.yaml", "planrun: 1\nname: main\ninclude: f\nsteps:\n  - id: s\n    type: run\n    with: {command: \"true\"}\n");
  EXPECT_FALSE(load("main.yaml"));
  EXPECT_EQ(messages, "g.yaml:2:10: error: fragment 'f' includes itself: main.yaml -> f.yaml -> g.yaml -> f.yaml "
                      "(in fragment included at f.yaml:2:10)\n"
                      "include: f\n         ^\n");
}

TEST_F(UsedPlansTest, APasswordBoundInsideTheUsedPlanBindsTheCallersDatabase) {
  write("copy.yaml",
        "planrun: 1\nname: copy\nparams:\n  db: {type: database, password: pw}\n  pw: {type: secret, env: X_PW}\n"
        "steps:\n  - id: same\n    type: assert-same-dbtype\n    with: {source: \"${db}\", target: \"${db}\"}\n");
  write("main.yaml",
        "planrun: 1\nname: main\nparams:\n  old_db: {type: database}\n  old_pw: {type: secret, env: OLD_PW}\n"
        "steps:\n  - id: c\n    use: copy\n    with: {db: \"${old_db}\", pw: \"${old_pw}\"}\n");
  auto graph = load("main.yaml");
  ASSERT_TRUE(graph) << messages;
  EXPECT_EQ(graph->find_param("old_db")->password_param, "old_pw");
}

}  // namespace
}  // namespace planrun

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST_F(UsedPlansTest, ASecretPassedToAUsedPlanStaysSecret) {
  write("stage.yaml", kStage);
  write("inner.yaml", "planrun: 1\nname: inner\nparams:\n  pw: {type: secret, env: INNER_PW}\nsteps:\n"
                      "  - id: login\n    type: run\n    with: {command: \"true\", env: {PW: \"${pw}\"}}\n");
  write("main.yaml", "planrun: 1\nname: main\nparams:\n  password: {type: secret, env: MAIN_PW}\nsteps:\n"
                     "  - id: u\n    use: inner\n    with: {pw: \"${password}\"}\n");
  auto graph = load("main.yaml");
  ASSERT_TRUE(graph) << messages;
  PlanScope scope(ParamValues{{"password", Value("hunter2").mark_secret()}});
  Value env = evaluate_bound(graph->find_step("u.login")->with.at("env"), scope);
  EXPECT_EQ(env.as_map().at("PW").to_text(), "hunter2");
  EXPECT_TRUE(env.as_map().at("PW").secret());
}

TEST_F(UsedPlansTest, AUseWithoutALibraryOrWithAnUnknownPlanIsReported) {
  write("main.yaml", "planrun: 1\nname: main\nsteps:\n  - id: u\n    use: nowhere/plan\n");
  EXPECT_FALSE(load("main.yaml"));
  EXPECT_NE(messages.find("main.yaml:5:10: error: cannot find plan 'nowhere/plan' in the plan's folder (.)"),
            std::string::npos)
      << messages;
}

}  // namespace
}  // namespace planrun
