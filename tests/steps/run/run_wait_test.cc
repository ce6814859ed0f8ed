// run's `wait` on the kit's fakes: the command is scripted, the log and the pid file are in
// memory and the clock moves only when the step sleeps, so no test waits for real.

#include <gtest/gtest.h>

#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/run/run_step.h"
#include "tests/support/fake_services.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Kind = StepFailure::Kind;

const std::string log_file = "/carbon/repository/logs/wso2carbon.log";
const std::string pid_file = "/carbon/wso2carbon.pid";
const std::string started = "TID: [-1234] [] [2026-12-07 21:40:01,123]  INFO {org.wso2.carbon.core.internal.StartupFinalizerServiceComponent} -  WSO2 Carbon started in 31 sec";
const std::string error_line = "TID: [-1234] [] [2026-12-07 21:40:01,123] ERROR {org.wso2.carbon.user.core} -  Cannot connect to WSO2_CARBON_DB";

struct StartWorld {
  testing::StepFixture fixture{"run", "start"};
  testing::FakeServices fakes;
  StartWorld() {
    fakes.files.create_directories("/carbon/repository/logs");
    fakes.processes.result.exit_code = 0;
  }
  StepContext context(Value::Map wait) {
    StepContext made = fixture.context({{"command", Value::List{"/carbon/bin/wso2server.sh", "start"}},
                                        {"cwd", "."},
                                        {"wait", Value(std::move(wait))}});
    made.services = fakes.services();
    return made;
  }
  static Value::Map carbon_log(Value::Map more = {}) {
    Value::Map log{{"file", log_file}, {"ready", "WSO2 Carbon started in"}};
    for (auto& [key, value] : more) log[key] = value;
    return log;
  }
  // Appends `line` to the log once the step has slept `sleeps` times.
  void log_after(size_t sleeps, std::string line) {
    schedule(sleeps, [this, line] { fakes.files.files[log_file] += line + "\n"; });
  }
  void schedule(size_t sleeps, std::function<void()> action) {
    auto before = fakes.clock.on_sleep;
    fakes.clock.on_sleep = [this, before, sleeps, action] {
      if (before) before();
      if (fakes.clock.sleeps.size() == sleeps) action();
    };
  }
};

StepFailure failure_of(StepContext& context) {
  try {
    RunStep().run(context);
  } catch (const StepFailure& failure) {
    return failure;
  }
  ADD_FAILURE() << "the step did not fail";
  return StepFailure(Kind::Failed, "");
}

TEST(RunWait, SucceedsOnTheReadyLineTheServerWritesAfterTheCommand) {
  StartWorld world;
  world.fakes.files.files[log_file] = "an old line\n";
  world.log_after(3, "booting");
  world.log_after(5, started);
  StepContext context = world.context({{"log", Value(StartWorld::carbon_log())}, {"interval", "2s"}});
  RunStep().run(context);
  EXPECT_EQ(world.fakes.processes.started.size(), 1u);
  EXPECT_EQ(world.fakes.clock.sleeps.size(), 5u);
  EXPECT_EQ(context.outputs.at("exit_code").as_int(), 0);
  EXPECT_EQ(world.fixture.log.infos.back(), "the log " + log_file + " is ready after 10s");
}

TEST(RunWait, AStartedLineOfAnEarlierRunDoesNotCount) {
  StartWorld world;
  world.fakes.files.files[log_file] = started + "\nstopping\n";  // the last run's
  StepContext context = world.context({{"log", Value(StartWorld::carbon_log())}, {"timeout", "10s"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::TimedOut);
  EXPECT_EQ(std::string(failure.what()), "the log " + log_file +
                                             " showed no line matching 'WSO2 Carbon started in' within 10s (" + log_file +
                                             " has no new lines)");
}

TEST(RunWait, TheLogIsMeasuredBeforeTheCommandRuns) {
  StartWorld world;
  // A fast server: the line is there by the time the command returns, and counts.
  world.fakes.processes.effect = [&](const ProcessSpec&) { world.fakes.files.files[log_file] += started + "\n"; };
  StepContext context = world.context({{"log", Value(StartWorld::carbon_log())}});
  RunStep().run(context);
  EXPECT_TRUE(world.fakes.clock.sleeps.empty());
}

TEST(RunWait, AnErrorLineFailsAtOnceNamingFileAndLine) {
  StartWorld world;
  world.fakes.files.files[log_file] = "old 1\nold 2\n";
  world.log_after(1, "starting");
  world.log_after(2, error_line);
  world.log_after(3, started);
  StepContext context = world.context({{"log", Value(StartWorld::carbon_log())}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_EQ(std::string(failure.what()),
            log_file + ":4: the log shows a failure (fail_on '\\b(ERROR|FATAL)\\b'): " + error_line);
  EXPECT_TRUE(world.fixture.checkpoints.values.empty()) << "a failed wait starts over when the step runs again";
}

TEST(RunWait, FailOnCanBeChangedOrTurnedOff) {
  StartWorld world;
  world.log_after(1, error_line);
  world.log_after(2, "FATAL nothing works");
  world.log_after(3, started);
  StepContext context = world.context({{"log", Value(StartWorld::carbon_log({{"fail_on", Value::List{}}}))}});
  RunStep().run(context);
  StartWorld other;
  other.log_after(1, "java.lang.OutOfMemoryError");
  StepContext custom = other.context({{"log", Value(StartWorld::carbon_log({{"fail_on", Value::List{"OutOfMemory"}}}))}});
  EXPECT_NE(std::string(failure_of(custom).what()).find(":1: the log shows a failure (fail_on 'OutOfMemory')"),
            std::string::npos);
}

TEST(RunWait, AServerThatExitsFailsWithItsLastLines) {
  StartWorld world;
  world.fakes.files.files[pid_file] = "77\n";  // stale: left by a server that is gone
  world.fakes.processes.effect = [&](const ProcessSpec&) {
    world.fakes.files.files[pid_file] = "4242";
    world.fakes.processes.running_pids.insert(4242);
  };
  world.log_after(2, "loading");
  world.schedule(4, [&] {
    world.fakes.files.files[log_file] += "Halting JVM\nkilled";
    world.fakes.processes.running_pids.erase(4242);
  });
  StepContext context = world.context({{"log", Value(StartWorld::carbon_log({{"pid_file", pid_file}}))}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(std::string(failure.what()), "the server exited: process 4242 (pid file " + pid_file +
                                             ") is gone; the last lines of " + log_file +
                                             ":\n  loading\n  Halting JVM\n  killed");
  EXPECT_EQ(world.fakes.clock.sleeps.size(), 4u);
}

TEST(RunWait, AStalePidFileDoesNotCountAsAnExit) {
  StartWorld world;
  world.fakes.files.files[pid_file] = "77";
  world.log_after(3, started);  // the new server writes its pid file late, or never
  StepContext context = world.context({{"log", Value(StartWorld::carbon_log({{"pid_file", pid_file}}))}});
  RunStep().run(context);
  EXPECT_EQ(world.fixture.checkpoints.values.at("wait.log.stale_pid"), "77");
}

TEST(RunWait, AnInterruptedWaitResumesWithoutRunningTheCommandAgain) {
  StartWorld world;
  world.fakes.files.files[log_file] = started + "\n";
  world.schedule(2, [&] { world.fixture.cancel.request(); });
  StepContext first = world.context({{"log", Value(StartWorld::carbon_log())}});
  EXPECT_EQ(failure_of(first).kind, Kind::Cancelled);
  EXPECT_EQ(world.fixture.checkpoints.values.at("command.exit_code"), "0");
  EXPECT_EQ(world.fixture.checkpoints.values.at("wait.log.offset"), std::to_string(started.size() + 1));

  // planrun is started again (with the durable checkpoints): meanwhile the server wrote its
  // line, after the recorded end.
  StartWorld again;
  again.fixture.checkpoints.values = world.fixture.checkpoints.values;
  again.fakes.files = world.fakes.files;
  again.fakes.files.files[log_file] += "more\n" + started + "\n";
  StepContext resumed = again.context({{"log", Value(StartWorld::carbon_log())}});
  RunStep().run(resumed);
  EXPECT_TRUE(again.fakes.processes.started.empty()) << "the server is started once";
  EXPECT_EQ(resumed.outputs.at("exit_code").as_int(), 0);
  EXPECT_EQ(again.fixture.log.infos.front(), "the command ran in an earlier attempt (exit status 0); not running it again");
  EXPECT_TRUE(again.fakes.clock.sleeps.empty());
}

// planrun killed while the start script ran: the wait had begun, the exit status was not recorded.
// The server that script started runs; starting a second one would race it for its ports.
TEST(RunWait, AResumedStartWhoseServerRunsDoesNotStartASecondOne) {
  StartWorld again;
  again.fixture.checkpoints.values = {{"wait.log.offset", "0"}, {"wait.log.line", "1"}, {"wait.log.stale_pid", "none"}};
  again.fakes.files.files[pid_file] = "4242\n";
  again.fakes.processes.running_pids = {4242};
  again.fakes.files.files[log_file] = started + "\n";
  StepContext resumed = again.context({{"log", Value(StartWorld::carbon_log({{"pid_file", pid_file}}))}});
  RunStep().run(resumed);
  EXPECT_TRUE(again.fakes.processes.started.empty()) << "a second server was started";
  EXPECT_NE(again.fixture.log.infos.front().find("not running the command again"), std::string::npos);

  // Without a live server the command runs again, as after any interruption before it ran.
  StartWorld gone;
  gone.fixture.checkpoints.values = again.fixture.checkpoints.values;
  gone.fixture.checkpoints.values.erase("command.exit_code");
  gone.fakes.files.files[log_file] = started + "\n";
  gone.log_after(0, started);
  StepContext rerun = gone.context({{"log", Value(StartWorld::carbon_log({{"pid_file", pid_file}}))}});
  RunStep().run(rerun);
  EXPECT_EQ(gone.fakes.processes.started.size(), 1u);
}

TEST(RunWait, AFailedCommandForgetsTheStartSoThatARunAgainStartsOver) {
  StartWorld world;
  world.fakes.processes.result.exit_code = 1;
  StepContext context = world.context({{"log", Value(StartWorld::carbon_log())}});
  EXPECT_EQ(std::string(failure_of(context).what()), "command exited with status 1 (expected 0)");
  EXPECT_TRUE(world.fixture.checkpoints.values.empty());
}

TEST(RunWait, ProcessGoneReadsThePidBeforeTheCommandAndWaitsForItsEnd) {
  StartWorld world;
  world.fakes.files.files[pid_file] = "555";
  world.fakes.processes.running_pids.insert(555);
  // The stop script returns at once; the server leaves after a while, its pid file with it.
  world.fakes.processes.effect = [&](const ProcessSpec&) { world.fakes.files.files.erase(pid_file); };
  world.schedule(3, [&] { world.fakes.processes.running_pids.erase(555); });
  StepContext context = world.context({{"process_gone", pid_file}, {"interval", "500ms"}});
  RunStep().run(context);
  EXPECT_EQ(world.fakes.clock.sleeps.size(), 3u);
  EXPECT_EQ(world.fixture.log.infos.back(), "the exit of process 555 (pid file " + pid_file + ") is ready after 1s500ms");
}

TEST(RunWait, ProcessGoneTimesOutWhileTheProcessRuns) {
  StartWorld world;
  world.fakes.files.files[pid_file] = "555";
  world.fakes.processes.running_pids.insert(555);
  StepContext context = world.context({{"process_gone", pid_file}, {"timeout", "3s"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::TimedOut);
  EXPECT_EQ(std::string(failure.what()),
            "the exit of process 555 (pid file " + pid_file + ") did not happen within 3s");
}

TEST(RunWait, BadWaitFieldsFailBeforeTheCommandRuns) {
  StartWorld world;
  StepContext bad_regex = world.context({{"log", Value(StartWorld::carbon_log({{"ready", "started ("}}))}});
  EXPECT_NE(std::string(failure_of(bad_regex).what()).find("wait.log.ready: 'started (' is not a regular expression"),
            std::string::npos);
  StepContext nothing = world.context({{"timeout", "1m"}});
  EXPECT_EQ(std::string(failure_of(nothing).what()), "wait needs log or process_gone (or both)");
  world.fakes.files.files[pid_file] = "not a pid";
  StepContext bad_pid = world.context({{"process_gone", pid_file}});
  EXPECT_EQ(std::string(failure_of(bad_pid).what()), "the pid file " + pid_file + " holds 'not a pid', not a process id");
  EXPECT_TRUE(world.fakes.processes.started.empty());
}

}  // namespace
}  // namespace planrun
