#include "interpreter/executor/run_forecast.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "interpreter/executor/executor.h"
#include "tests/support/compile_text.h"
#include "tests/support/recording_observer.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

const char* kPlan = R"(planrun: 1
params:
  word: {type: string, default: a}
steps:
  - id: first
    type: run
    with: {command: [echo, "${word}"]}
  - id: second
    type: run
    needs: [first]
    with: {command: [echo, "${steps.first.outputs.stdout}"]}
  - id: never
    type: run
    when: "${word == 'zzz'}"
    with: {command: [/bin/true]}
)";

TEST(RunForecast, ForeseesSkipsFromStateAndRunsAfterChanges) {
  fs::path state = fs::temp_directory_path() / ("planrun-forecast-" + std::to_string(getpid()));
  fs::remove_all(state);
  auto compiled = testing::compile_text(kPlan);
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  ParamValues params{{"word", Value("a")}};
  EXPECT_EQ(forecast_run(*compiled.graph, params, state, "")["first"], "run: never ran");
  EXPECT_FALSE(fs::exists(state)) << "a forecast must not create the state";
  {
    StateStore store(state);
    testing::RecordingObserver observer;
    CancellationToken cancel;
    ExecutorOptions options;
    options.state_dir = state;
    Executor(*compiled.graph, params, store, observer, cancel, options).run();
  }
  auto same = forecast_run(*compiled.graph, params, state, "");
  EXPECT_EQ(same["first"], "skip: done in run 1 with the same inputs");
  EXPECT_EQ(same["second"], "skip: done in run 1 with the same inputs");
  EXPECT_EQ(same["never"], "skip: condition is false");
  auto changed = forecast_run(*compiled.graph, {{"word", Value("b")}}, state, "");
  EXPECT_EQ(changed["first"], "run: its inputs or definition changed since it last ran");
  EXPECT_EQ(changed["second"], "run: its inputs come from steps that run first");
  fs::remove_all(state);
}

TEST(RunForecast, ADoneStepWhoseConditionTurnedFalseKeepsItsRecordAndWhatFollowsIsUpToDate) {
  fs::path state = fs::temp_directory_path() / ("planrun-forecast-when-" + std::to_string(getpid()));
  fs::remove_all(state);
  auto compiled = testing::compile_text(R"(planrun: 1
params:
  fresh: {type: bool, default: true}
steps:
  - id: unpack
    type: run
    when: "${fresh}"
    with: {command: [echo, unpacked]}
  - id: after
    type: run
    needs: [unpack]
    with: {command: [echo, "${steps.unpack.outputs.stdout}"]}
)");
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  {
    StateStore store(state);
    testing::RecordingObserver observer;
    CancellationToken cancel;
    ExecutorOptions options;
    options.state_dir = state;
    Executor(*compiled.graph, {{"fresh", Value(true)}}, store, observer, cancel, options).run();
  }
  auto forecast = forecast_run(*compiled.graph, {{"fresh", Value(false)}}, state, "");
  EXPECT_EQ(forecast["unpack"], "skip: condition is false; done in run 1, its record stands");
  EXPECT_EQ(forecast["after"], "skip: done in run 1 with the same inputs");
  fs::remove_all(state);
}

}  // namespace
}  // namespace planrun
