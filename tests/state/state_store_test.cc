#include "interpreter/state/state_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <thread>

#include "tests/state/scratch_dir.h"
#include "tests/state/state_printers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using testing::read_file;
using testing::ScratchDir;

// A step taken through start and finish, as the executor does it.
void run_step(StateStore& store, const std::string& step_id, int64_t run_id) {
  store.mark_running(step_id, "fp-" + step_id, run_id);
  store.mark_done(step_id, R"({"rows":1})");
}

TEST(StateStore, CreatesPrivateDirectoryWithGitignore) {
  ScratchDir scratch;
  std::filesystem::path dir = scratch.path / "plans" / ".planrun";
  StateStore store(dir);

  struct stat info {};
  ASSERT_EQ(::stat(dir.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  EXPECT_EQ(read_file(dir / ".gitignore"), "*\n");
  EXPECT_EQ(store.file(), dir / "state.db");
  EXPECT_TRUE(std::filesystem::exists(dir / "state.db"));
}

TEST(StateStore, LeavesAnExistingGitignoreAlone) {
  ScratchDir scratch;
  testing::write_file(scratch.path / ".gitignore", "state.db\n");
  StateStore store(scratch.path);
  EXPECT_EQ(read_file(scratch.path / ".gitignore"), "state.db\n");
}

TEST(StateStore, StateDirectoryThatIsAFileIsAStateError) {
  ScratchDir scratch;
  testing::write_file(scratch.path / "state", "");
  try {
    StateStore store(scratch.path / "state");
    FAIL() << "opened a file as a state directory";
  } catch (const StateError& error) {
    EXPECT_EQ(std::string(error.what()),
              "state directory " + (scratch.path / "state").string() + " exists and is not a directory");
  }
}

TEST(StateStore, NewStoreIsEmpty) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  EXPECT_TRUE(store.runs().empty());
  EXPECT_TRUE(store.all_steps().empty());
  EXPECT_EQ(store.step_state("copy"), std::nullopt);
  EXPECT_EQ(store.checkpoint("copy", "table:UM_USER"), std::nullopt);
}

TEST(StateStore, ReopeningKeepsEverything) {
  ScratchDir scratch;
  std::vector<StepRecord> steps;
  std::vector<RunRecord> runs;
  {
    StateStore store(scratch.path);
    int64_t run = store.begin_run("upgrade.yaml", "plan-fp", R"({"db":"sqlite:a.db"})");
    run_step(store, "backup", run);
    store.mark_running("copy", "fp-copy", run);
    store.put_checkpoint("copy", "table:UM_USER", "done");
    store.finish_run(run, "interrupted");
    steps = store.all_steps();
    runs = store.runs();
  }
  StateStore store(scratch.path);
  EXPECT_EQ(store.all_steps(), steps);
  EXPECT_EQ(store.runs(), runs);
  ASSERT_EQ(store.runs().size(), 1u);
  EXPECT_EQ(store.runs()[0].plan_path, "upgrade.yaml");
  EXPECT_EQ(store.runs()[0].params_json, R"({"db":"sqlite:a.db"})");
  EXPECT_EQ(store.runs()[0].outcome, "interrupted");
  EXPECT_EQ(store.checkpoint("copy", "table:UM_USER"), "done");
}

TEST(StateStore, RunsAreNumberedAndFinished) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  WallTime before = wall_now();
  int64_t first = store.begin_run("p.yaml", "fp1", "{}");
  int64_t second = store.begin_run("p.yaml", "fp2", "{}");
  EXPECT_LT(first, second);
  store.finish_run(first, "failed");

  std::vector<RunRecord> runs = store.runs();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].id, first);
  EXPECT_EQ(runs[0].outcome, "failed");
  ASSERT_TRUE(runs[0].finished_at.has_value());
  EXPECT_GE(*runs[0].finished_at, runs[0].started_at);
  EXPECT_GE(runs[0].started_at, before);
  EXPECT_EQ(runs[1].plan_fingerprint, "fp2");
  EXPECT_EQ(runs[1].finished_at, std::nullopt);  // cut short: no outcome
  EXPECT_EQ(runs[1].outcome, "");
  EXPECT_THROW(store.finish_run(second + 100, "succeeded"), std::logic_error);
}

TEST(StateStore, StepGoesThroughRunningFailedRunningDone) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");

  store.mark_running("copy", "fp-copy", run);
  StepRecord running = *store.step_state("copy");
  EXPECT_EQ(running.status, StepStatus::Running);
  EXPECT_EQ(running.fingerprint, "fp-copy");
  EXPECT_EQ(running.attempts, 1);
  EXPECT_TRUE(running.started_at.has_value());
  EXPECT_EQ(running.finished_at, std::nullopt);
  EXPECT_EQ(running.run_id, run);

  store.mark_failed("copy", "table UM_USER: disk full");
  StepRecord failed = *store.step_state("copy");
  EXPECT_EQ(failed.status, StepStatus::Failed);
  EXPECT_EQ(failed.message, "table UM_USER: disk full");
  EXPECT_TRUE(failed.finished_at.has_value());

  int64_t rerun = store.begin_run("p.yaml", "fp", "{}");
  store.mark_running("copy", "fp-copy", rerun);
  store.mark_done("copy", R"({"rows":42})");
  StepRecord done = *store.step_state("copy");
  EXPECT_EQ(done.status, StepStatus::Done);
  EXPECT_EQ(done.attempts, 2);
  EXPECT_EQ(done.outputs_json, R"({"rows":42})");
  EXPECT_EQ(done.message, "");  // the old failure is not carried over
  EXPECT_EQ(done.run_id, rerun);
}

TEST(StateStore, NewFingerprintDropsCheckpointsAndRestartsAttempts) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");
  store.mark_running("copy", "fp-old", run);
  store.put_checkpoint("copy", "table:A", "done");
  store.mark_running("copy", "fp-old", run);
  EXPECT_EQ(store.step_state("copy")->attempts, 2);
  EXPECT_EQ(store.checkpoint("copy", "table:A"), "done");  // same definition: resume from it

  store.mark_running("copy", "fp-new", run);
  EXPECT_EQ(store.step_state("copy")->attempts, 1);
  EXPECT_EQ(store.step_state("copy")->fingerprint, "fp-new");
  EXPECT_TRUE(store.checkpoints("copy").empty());
}

TEST(StateStore, MisuseIsALogicErrorAndChangesNothing) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");
  EXPECT_THROW(store.mark_done("never-started", "{}"), std::logic_error);
  EXPECT_THROW(store.mark_failed("never-started", "x"), std::logic_error);
  EXPECT_THROW(store.put_checkpoint("never-started", "k", "v"), std::logic_error);
  EXPECT_TRUE(store.all_steps().empty());

  run_step(store, "backup", run);
  EXPECT_THROW(store.mark_done("backup", R"({"rows":2})"), std::logic_error);  // already done
  EXPECT_EQ(store.step_state("backup")->outputs_json, R"({"rows":1})");
  EXPECT_THROW(store.mark_running("copy", "fp", run + 100), std::logic_error);  // no such run
  EXPECT_EQ(store.step_state("copy"), std::nullopt);
}

TEST(StateStore, SkippedStepKeepsItsFingerprintAndCheckpoints) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");
  store.mark_skipped("smoke-test", run, "upstream 'copy' failed");
  StepRecord fresh = *store.step_state("smoke-test");
  EXPECT_EQ(fresh.status, StepStatus::Skipped);
  EXPECT_EQ(fresh.message, "upstream 'copy' failed");
  EXPECT_EQ(fresh.attempts, 0);
  EXPECT_EQ(fresh.started_at, std::nullopt);
  EXPECT_EQ(fresh.run_id, run);

  store.mark_running("copy", "fp-copy", run);
  store.put_checkpoint("copy", "table:A", "done");
  store.mark_skipped("copy", run, "interrupted");
  StepRecord skipped = *store.step_state("copy");
  EXPECT_EQ(skipped.status, StepStatus::Skipped);
  EXPECT_EQ(skipped.fingerprint, "fp-copy");
  EXPECT_EQ(store.checkpoint("copy", "table:A"), "done");
}

TEST(StateStore, CheckpointsArePutOverwrittenAndListed) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");
  store.mark_running("copy-dir", "fp", run);
  std::string bytes("a\0b\xff\n", 5);  // values are bytes, not just text
  store.put_checkpoint("copy-dir", "file:a", bytes);
  store.put_checkpoint("copy-dir", "file:b", "1");
  store.put_checkpoint("copy-dir", "file:b", "2");
  store.put_checkpoints("copy-dir", {{"file:c", "3"}, {"file:d", "4"}});

  EXPECT_EQ(store.checkpoint("copy-dir", "file:a"), bytes);
  EXPECT_EQ(store.checkpoint("copy-dir", "file:b"), "2");
  EXPECT_EQ(store.checkpoint("copy-dir", "file:z"), std::nullopt);
  std::map<std::string, std::string> expected = {
      {"file:a", bytes}, {"file:b", "2"}, {"file:c", "3"}, {"file:d", "4"}};
  EXPECT_EQ(store.checkpoints("copy-dir"), expected);
  EXPECT_TRUE(store.checkpoints("other").empty());
}

TEST(StateStore, ResetStepDropsItsRecordAndCheckpointsOnly) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");
  for (const char* step : {"copy", "unpack"}) {
    store.mark_running(step, "fp", run);
    store.put_checkpoint(step, "k", step);
  }
  store.reset_step("copy");
  EXPECT_EQ(store.step_state("copy"), std::nullopt);
  EXPECT_TRUE(store.checkpoints("copy").empty());
  EXPECT_EQ(store.checkpoint("unpack", "k"), "unpack");

  store.mark_running("copy", "fp", run);  // starts over: no stale checkpoint comes back
  EXPECT_EQ(store.step_state("copy")->attempts, 1);
  EXPECT_TRUE(store.checkpoints("copy").empty());
}

TEST(StateStore, ResetAllForgetsStepsButKeepsRuns) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");
  run_step(store, "a", run);
  store.mark_running("b", "fp", run);
  store.put_checkpoint("b", "k", "v");
  store.reset_all();
  EXPECT_TRUE(store.all_steps().empty());
  EXPECT_TRUE(store.checkpoints("b").empty());
  EXPECT_EQ(store.runs().size(), 1u);
}

TEST(StateStore, AllStepsAreOrderedById) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");
  for (const char* step : {"c", "a", "b"}) run_step(store, step, run);
  std::vector<std::string> ids;
  for (const StepRecord& step : store.all_steps()) ids.push_back(step.step_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(StateStore, ThreadsWriteAtOnce) {
  ScratchDir scratch;
  StateStore store(scratch.path);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");
  constexpr int kThreads = 4, kSteps = 15;
  std::atomic<bool> writing = true;
  std::thread reader([&] {
    while (writing) EXPECT_LE(store.all_steps().size(), size_t{kThreads * kSteps});
  });
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int s = 0; s < kSteps; ++s) {
        std::string step = "t" + std::to_string(t) + "-s" + std::to_string(s);
        store.mark_running(step, "fp", run);
        store.put_checkpoint(step, "a", step);
        store.put_checkpoint(step, "b", step);
        store.mark_done(step, "{}");
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  writing = false;
  reader.join();

  std::vector<StepRecord> steps = store.all_steps();
  ASSERT_EQ(steps.size(), size_t{kThreads * kSteps});
  for (const StepRecord& step : steps) {
    EXPECT_EQ(step.status, StepStatus::Done) << step.step_id;
    EXPECT_EQ(store.checkpoints(step.step_id).size(), 2u) << step.step_id;
  }
}

TEST(StateStore, TwoConnectionsWriteAtOnce) {
  // Two processes on one state (a run and `planrun status`, or a run racing another at start-up)
  // must wait for each other's write lock rather than fail with "database is locked".
  ScratchDir scratch;
  StateStore first(scratch.path);
  StateStore second(scratch.path);
  int64_t run = first.begin_run("p.yaml", "fp", "{}");
  auto write = [&](StateStore& store, const std::string& prefix) {
    for (int s = 0; s < 20; ++s) run_step(store, prefix + std::to_string(s), run);
  };
  std::thread a([&] { write(first, "a"); });
  std::thread b([&] { write(second, "b"); });
  a.join();
  b.join();
  EXPECT_EQ(first.all_steps().size(), 40u);
}

TEST(StateStore, StepStatusNamesRoundTrip) {
  for (StepStatus status : {StepStatus::Pending, StepStatus::Running, StepStatus::Done,
                            StepStatus::Failed, StepStatus::Skipped}) {
    EXPECT_EQ(parse_step_status(step_status_name(status)), status);
  }
  EXPECT_EQ(step_status_name(StepStatus::Done), "done");
  EXPECT_EQ(parse_step_status("finished"), std::nullopt);
}

}  // namespace
}  // namespace planrun
