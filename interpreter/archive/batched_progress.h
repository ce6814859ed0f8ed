#pragma once

#include <cstdint>

#include "interpreter/step_kit/step_context.h"

namespace planrun {

// Hands a step's progress on in batches of 16 MiB: an archive moves a block at a time, thousands
// of times a second, and each report goes through every observer (display, JSON event log)
// under their lock; a bar needs far fewer updates than that.
class BatchedProgress {
 public:
  explicit BatchedProgress(ProgressReporter& progress) : progress_(progress) {}
  ~BatchedProgress() { flush(); }
  BatchedProgress(const BatchedProgress&) = delete;
  BatchedProgress& operator=(const BatchedProgress&) = delete;

  void advance(uint64_t units) {
    pending_ += units;
    if (pending_ >= batch) flush();
  }
  void flush() {
    if (pending_) progress_.advance(pending_);
    pending_ = 0;
  }

 private:
  static constexpr uint64_t batch = 16u << 20;
  ProgressReporter& progress_;
  uint64_t pending_ = 0;
};

}  // namespace planrun
