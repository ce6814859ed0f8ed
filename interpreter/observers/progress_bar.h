#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "interpreter/step_kit/step_context.h"
#include "interpreter/observers/rate_window.h"

namespace planrun {

// One step's progress as a line of the live display:
//   copy-db  [#######.....]  58%  1.2M rows  40k rows/s  ETA 0:31
// The bar, percentage and ETA need a total; without one the line shows the amount and rate.
class ProgressBar {
 public:
  using Clock = RateWindow::Clock;

  explicit ProgressBar(std::string step_id) : step_id_(std::move(step_id)) {}

  const std::string& step_id() const { return step_id_; }
  void update(Clock::time_point at, uint64_t done, uint64_t total, ProgressReporter::Unit unit);

  // The line with the id padded to `id_width`, in at most `width` columns; the bar takes what
  // the rest leaves, between 10 and 30 columns.
  std::string render(size_t id_width, size_t width) const;

 private:
  std::string figures() const;  // "1.2M rows  40k rows/s  ETA 0:31"
  std::string bar(size_t length) const;

  std::string step_id_;
  uint64_t done_ = 0;
  uint64_t total_ = 0;
  ProgressReporter::Unit unit_ = ProgressReporter::Unit::Items;
  RateWindow rate_;
};

}  // namespace planrun
