#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>

namespace planrun {

// The recent speed of a counter: the units gained over the last few seconds. A moving window
// follows a step whose pace changes (big tables, then small ones) where an average since the
// start would not, and stays steadier than the last two samples alone.
class RateWindow {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateWindow(Clock::duration span = std::chrono::seconds(5)) : span_(span) {}

  // Records the counter's value; a value lower than the last one (a step starting over)
  // forgets the samples before it.
  void add(Clock::time_point at, uint64_t value);

  // Units per second, or nothing while the samples cover less than half a second.
  std::optional<double> per_second() const;

 private:
  struct Sample {
    Clock::time_point at;
    uint64_t value;
  };

  Clock::duration span_;
  std::deque<Sample> samples_;
};

}  // namespace planrun
