#pragma once

#include <chrono>

#include "interpreter/parallel/cancellation_token.h"

namespace planrun {

// The time a step reads and the pauses it makes, so that tests of waits and retries need not
// wait. Named StepClock because many files alias std::chrono::steady_clock as Clock.
class StepClock {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  virtual ~StepClock() = default;
  virtual TimePoint now() const = 0;
  // Pauses up to `duration`, returning early (true) when cancellation is requested.
  virtual bool sleep_for(std::chrono::milliseconds duration, const CancellationToken& cancel) const = 0;
};

// The machine's steady clock.
class SystemStepClock final : public StepClock {
 public:
  TimePoint now() const override { return std::chrono::steady_clock::now(); }
  bool sleep_for(std::chrono::milliseconds duration, const CancellationToken& cancel) const override {
    return cancel.sleep_for(duration);
  }
};

}  // namespace planrun
