#pragma once

#include <atomic>
#include <chrono>
#include <thread>

namespace planrun {

// Asked to stop (Ctrl-C, SIGTERM, a step timeout): steps poll it at their safe points and
// return early; nothing is torn down from outside a step.
class CancellationToken {
 public:
  void request() { requested_.store(true); }
  bool requested() const { return requested_.load(); }

  // Sleeps up to `duration`, waking early when cancellation is requested; true when it was.
  bool sleep_for(std::chrono::milliseconds duration) const {
    auto until = std::chrono::steady_clock::now() + duration;
    while (!requested() && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(duration, std::chrono::milliseconds(20)));
    return requested();
  }

 private:
  std::atomic<bool> requested_{false};
};

}  // namespace planrun
