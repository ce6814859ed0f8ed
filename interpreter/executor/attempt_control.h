#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "interpreter/parallel/cancellation_token.h"

namespace planrun {

// The executor's handle on a step's attempts, to cancel them (interruption) or time them out.
// The cancellation callbacks a step registered (PQcancel, killing a process group) run on the
// control's own thread, never on the executor's or under a lock of it: one slow cancel then
// delays no other step's timeout, and the executor's loop never waits for one.
class AttemptControl {
 public:
  AttemptControl() = default;
  AttemptControl(const AttemptControl&) = delete;
  AttemptControl& operator=(const AttemptControl&) = delete;
  ~AttemptControl();

  // Starts a new attempt: a fresh token, and a deadline when the step has a timeout.
  std::shared_ptr<CancellationToken> begin(std::optional<std::chrono::milliseconds> timeout);
  // Cancels this attempt and every later one; returns at once.
  void stop();
  // The step has ended: no attempt follows; waits for the control's thread to end.
  void end();
  bool timed_out() const { return timed_out_.load(); }

 private:
  void start_watching();
  void watch();

  std::mutex mutex_;  // guards what follows
  std::condition_variable changed_;
  std::shared_ptr<CancellationToken> token_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  bool token_cancelled_ = false;  // token_ was requested
  bool stopping_ = false;
  bool ended_ = false;
  std::atomic<bool> timed_out_{false};
  std::thread watcher_;  // started by the first deadline or stop
};

}  // namespace planrun
