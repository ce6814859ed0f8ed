#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/executor/executor.h"
#include "tests/support/compile_text.h"
#include "tests/support/recording_observer.h"

namespace planrun::testing {

// A plan run by the executor against a real state store in a fresh directory; each test writes
// its steps. Shared by the executor's tests and the resume tests.
class ExecutorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("planrun-executor-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Compiles `steps` (YAML list items) with a `dir` param set to the test directory and runs it,
  // through `options.services`: the real ones unless the test gives fakes, and without given
  // Databases the real ones with the plan's credentials, as `planrun run` makes them.
  Recording run(const std::string& steps, ExecutorOptions options = {}, const std::string& extra_params = "",
                ParamValues params = {}) {
    std::string text = "planrun: 1\nname: t\nparams:\n  dir: {type: path}\n" + extra_params + "steps:\n" + steps;
    auto compiled = compile_text(text);
    EXPECT_TRUE(compiled.graph) << compiled.diagnostics;
    params["dir"] = Value(dir_.string());
    for (const ParamNode& param : compiled.graph->params)
      if (!params.count(param.name) && param.default_value) params[param.name] = *param.default_value;
    StateStore store(dir_ / "state");
    RecordingObserver observer;
    options.state_dir = dir_ / "state";
    options.jobs = std::max(options.jobs, 1);
    SociDatabases databases(DatabaseCredentials::from_params(*compiled.graph, params));
    if (!options.services.databases) options.services.databases = &databases;
    Executor(*compiled.graph, params, store, observer, *cancel_, options).run();
    return observer.record;
  }

  // How many times `name` was appended to the test's log file.
  int ran(const std::string& name) {
    std::ifstream in(dir_ / "log");
    int count = 0;
    for (std::string line; std::getline(in, line);) count += line == name;
    return count;
  }

  std::filesystem::path dir_;
  std::unique_ptr<CancellationToken> cancel_ = std::make_unique<CancellationToken>();
};

// A step that appends its id to the log, then runs `then` (a shell snippet).
inline std::string logged(const std::string& id, const std::string& needs = "", const std::string& then = "true",
                          const std::string& options = "") {
  std::string step = "  - id: " + id + "\n    type: run\n";
  if (!needs.empty()) step += "    needs: [" + needs + "]\n";
  step += options;
  return step + "    with: {command: \"echo " + id + " >> ${dir}/log; " + then + "\"}\n";
}

}  // namespace planrun::testing
