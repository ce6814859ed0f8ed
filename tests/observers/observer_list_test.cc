#include "interpreter/observers/observer_list.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/observers/step_results.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using testing::make_result;
using testing::make_step;

// Writes each event it sees, tagged with its name, into a journal shared by all recorders.
class Recorder final : public ExecutionObserver {
 public:
  Recorder(std::string name, std::vector<std::string>& journal) : name_(std::move(name)), journal_(journal) {}
  void run_started(const RunInfo& run) override { note("run_started " + std::to_string(run.run_id)); }
  void step_started(const StepNode& step, int attempt, bool resumed) override {
    note("step_started " + step.id + " " + std::to_string(attempt) + (resumed ? " resumed" : ""));
  }
  void step_log(const StepNode& step, bool warning, const std::string& line) override {
    note("step_log " + step.id + (warning ? " warning " : " ") + line);
  }
  void step_output(const StepNode& step, const std::string& line) override { note("step_output " + step.id + " " + line); }
  void step_progress(const StepNode& step, uint64_t done, uint64_t total, ProgressReporter::Unit) override {
    note("step_progress " + step.id + " " + std::to_string(done) + "/" + std::to_string(total));
  }
  void step_finished(const StepResult& result) override { note("step_finished " + result.step->id); }
  void run_finished(const RunSummary& summary) override { note("run_finished " + summary.outcome); }

 private:
  void note(const std::string& event) { journal_.push_back(name_ + ": " + event); }
  std::string name_;
  std::vector<std::string>& journal_;
};

TEST(ObserverList, ForwardsEveryEventToEveryObserverInTheOrderAdded) {
  std::vector<std::string> journal;
  ObserverList list;
  list.add(std::make_unique<Recorder>("first", journal));
  list.add(std::make_unique<Recorder>("second", journal));
  StepNode copy = make_step("copy-db", "copy-db");
  RunSummary summary;
  summary.outcome = "succeeded";

  list.run_started({3, "demo", "demo.yaml", "", 1, 1});
  list.step_started(copy, 2, true);
  list.step_log(copy, true, "slow");
  list.step_output(copy, "out");
  list.step_progress(copy, 5, 10, ProgressReporter::Unit::Rows);
  list.step_finished(make_result(copy, StepOutcome::Done, 2, 10));
  list.run_finished(summary);

  std::vector<std::string> expected;
  for (std::string event : {"run_started 3", "step_started copy-db 2 resumed", "step_log copy-db warning slow",
                            "step_output copy-db out", "step_progress copy-db 5/10", "step_finished copy-db",
                            "run_finished succeeded"}) {
    expected.push_back("first: " + event);
    expected.push_back("second: " + event);
  }
  EXPECT_EQ(journal, expected);
  EXPECT_EQ(list.size(), 2u);
}

TEST(ObserverList, OwnsItsObservers) {
  struct Watched final : ExecutionObserver {
    explicit Watched(bool& destroyed) : destroyed(destroyed) {}
    ~Watched() override { destroyed = true; }
    bool& destroyed;
  };
  bool destroyed = false;
  {
    ObserverList list;
    list.add(std::make_unique<Watched>(destroyed));
    EXPECT_FALSE(destroyed);
  }
  EXPECT_TRUE(destroyed);
}

// Counts events with plain (unsynchronised) state, and notices when two calls overlap.
class OverlapProbe final : public ExecutionObserver {
 public:
  void step_log(const StepNode&, bool, const std::string& line) override {
    if (inside_.fetch_add(1) != 0) overlaps_.fetch_add(1);
    lines_.push_back(line);  // a data race without the list's lock
    std::this_thread::yield();  // widens the window in which an overlap would be seen
    inside_.fetch_sub(1);
  }
  size_t lines() const { return lines_.size(); }
  int overlaps() const { return overlaps_.load(); }

 private:
  std::atomic<int> inside_{0};
  std::atomic<int> overlaps_{0};
  std::vector<std::string> lines_;
};

TEST(ObserverList, SerialisesEventsFromFourThreads) {
  ObserverList list;
  auto owned = std::make_unique<OverlapProbe>();
  OverlapProbe& probe = *owned;
  list.add(std::move(owned));
  StepNode step = make_step("s", "run");
  constexpr int kThreads = 4;
  constexpr int kEvents = 2000;

  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread)
    threads.emplace_back([&] {
      for (int event = 0; event < kEvents; ++event) list.step_log(step, false, "line");
    });
  for (std::thread& thread : threads) thread.join();

  EXPECT_EQ(probe.overlaps(), 0);
  EXPECT_EQ(probe.lines(), size_t{kThreads * kEvents});
}

}  // namespace
}  // namespace planrun
