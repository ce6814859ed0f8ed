// The kit's fakes stand in for the world in a step type's unit test: `run` is tested here
// without starting a process, and its dry-run description without running anything.

#include <gtest/gtest.h>

#include "interpreter/steps/confirm/confirm_step.h"
#include "interpreter/steps/run/run_step.h"
#include "interpreter/steps/wait_for/wait_for_step.h"
#include "tests/support/fake_services.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(FakeServices, RunStepStartsItsCommandThroughTheProcessesService) {
  testing::StepFixture fixture("run");
  testing::FakeServices fakes;
  fakes.processes.lines = {"hello"};
  fakes.processes.result.exit_code = 0;
  StepContext context = fixture.context({{"command", Value::List{"echo", "hello"}}});
  context.services = fakes.services();
  RunStep().run(context);
  ASSERT_EQ(fakes.processes.started.size(), 1u);
  EXPECT_EQ(fakes.processes.started[0].argv, (std::vector<std::string>{"echo", "hello"}));
  EXPECT_EQ(context.outputs["stdout"], Value("hello"));
  EXPECT_EQ(context.outputs["exit_code"], Value(int64_t{0}));
}

TEST(FakeServices, WaitForSleepsOnTheStepClockBetweenTries) {
  testing::StepFixture fixture("wait-for");
  testing::FakeServices fakes;
  StepContext context = fixture.context({{"file", (fixture.dir.path() / "never").string()}, {"timeout", "100ms"},
                                         {"interval", "50ms"}});
  context.services = fakes.services();
  EXPECT_THROW(WaitForStep().run(context), StepFailure);
  ASSERT_FALSE(fakes.clock.sleeps.empty());
  EXPECT_EQ(fakes.clock.sleeps.front(), std::chrono::milliseconds(50));
}

TEST(FakeServices, MemoryFilesAreWrittenOnlyIntoDirectoriesThatExistAsOnTheMachine) {
  testing::MemoryFileSystem files;
  EXPECT_THROW(files.write_durably("/new-home/.upgraded", "done"), EnvironmentError);
  files.create_directories("/new-home/conf");
  files.write_durably("/new-home/.upgraded", "done");
  EXPECT_TRUE(files.exists("/new-home"));
  EXPECT_EQ(files.list("/new-home"), (std::vector<std::string>{".upgraded", "conf"}));
  files.remove_all("/new-home/conf");
  EXPECT_EQ(files.list("/new-home"), std::vector<std::string>{".upgraded"});
}

TEST(FakeServices, ScriptedProcessesEndEachRunAsScriptedInTurn) {
  testing::ScriptedProcesses processes;
  processes.result.exit_code = 0;
  processes.runs.push_back({{"first"}, {}});
  processes.runs.back().result.exit_code = 3;
  std::vector<std::string> lines;
  auto keep = [&](OutputStream, const std::string& line) { lines.push_back(line); };
  EXPECT_EQ(processes.run({}, keep).exit_code, std::optional<int>(3));
  EXPECT_EQ(processes.run({}, keep).exit_code, std::optional<int>(0));
  EXPECT_EQ(lines, std::vector<std::string>{"first"});
  EXPECT_EQ(processes.started.size(), 2u);
}

TEST(FakeServices, DescribeSaysWhatRunWouldDoAndMasksSecrets) {
  StepNode step;
  step.id = "start";
  testing::ReplacingMasker masker;
  masker.secrets = {"hunter2"};
  Value::Map fields{{"command", Value::List{"login", "--password", "hunter2"}}};
  EXPECT_EQ(RunStep().describe({step, fields, masker}),
            (std::vector<std::string>{"would run: login --password '***'"}));
}

TEST(FakeServices, DescribeSaysWhatWaitForAndConfirmWouldDoWithTheSchemasDefaults) {
  StepNode step;
  step.id = "gate";
  testing::ReplacingMasker masker;
  Value::Map wait{{"tcp", "localhost:9443"}};
  EXPECT_EQ(WaitForStep().describe({step, wait, masker}),
            (std::vector<std::string>{"would wait for port localhost:9443 (up to 5m)"}));
  Value::Map confirm{{"message", "switch over?"}};
  EXPECT_EQ(ConfirmStep().describe({step, confirm, masker}),
            (std::vector<std::string>{"would ask the operator: switch over?"}));
}

}  // namespace
}  // namespace planrun
