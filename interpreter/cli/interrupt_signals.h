#pragma once

#include <functional>
#include <thread>

#include "interpreter/parallel/cancellation_token.h"

namespace planrun {

// Turns SIGINT, SIGTERM and SIGHUP into a cancellation request while it lives: the first one asks
// running steps to stop at a safe point (and calls `on_first`, to tell the operator); a second
// SIGINT ends the process at once with exit 130. Stopping at once is as safe as a crash: the
// state store's writes are transactions, and the next run resumes. The signal wakes the
// watcher through a self-pipe at once; nothing polls. One lives at a time (the pipe is static).
class InterruptSignals {
 public:
  InterruptSignals(CancellationToken& token, std::function<void()> on_first);
  ~InterruptSignals();
  InterruptSignals(const InterruptSignals&) = delete;
  InterruptSignals& operator=(const InterruptSignals&) = delete;

 private:
  std::thread watcher_;  // signal handlers may only write to a pipe; this turns it into a request
};

}  // namespace planrun
