#include "interpreter/executor/step_reporting.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Unit = ProgressReporter::Unit;

// Keeps the last value of every counter it is told of, and checks it is never told at once.
class CounterObserver final : public ExecutionObserver {
 public:
  std::map<std::string, uint64_t> last;
  uint64_t main_done = 0;
  bool overlapped = false;
  void step_progress(const StepNode&, uint64_t done, uint64_t, Unit) override { enter([&] { main_done = done; }); }
  void step_counter(const StepNode&, const std::string& name, uint64_t done, uint64_t, Unit) override {
    enter([&] { last[name] = done; });
  }

 private:
  template <class Body>
  void enter(Body body) {
    if (inside_.exchange(true)) overlapped = true;
    body();
    inside_ = false;
  }
  std::atomic<bool> inside_{false};
};

TEST(ObservedProgress, CountersFromManyThreadsAddUpAndReachTheObserverOneAtATime) {
  StepNode step;
  step.id = "copy-db";
  CounterObserver observer;
  ObservedProgress progress(step, observer);
  progress.set_counter("bytes", 0, 0, Unit::Bytes);
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([&] {
      for (int n = 0; n < 1000; ++n) {
        progress.add_to_counter("bytes", 2);
        progress.advance(1);
      }
    });
  for (auto& worker : workers) worker.join();
  EXPECT_EQ(observer.last["bytes"], 8000u);
  EXPECT_EQ(observer.main_done, 4000u);
  EXPECT_FALSE(observer.overlapped);
}

TEST(ObservedProgress, AResumedStepSetsItsCountersAbsolutely) {
  StepNode step;
  step.id = "copy-db";
  CounterObserver observer;
  ObservedProgress progress(step, observer);
  progress.set_total(100, Unit::Rows);
  progress.set_done(60);  // from its checkpoints
  progress.set_counter("table UM_USER", 40, 50, Unit::Rows);
  progress.advance(5);
  EXPECT_EQ(observer.main_done, 65u);
  EXPECT_EQ(observer.last["table UM_USER"], 40u);
}

}  // namespace
}  // namespace planrun
