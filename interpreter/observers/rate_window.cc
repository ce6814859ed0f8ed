#include "interpreter/observers/rate_window.h"

namespace planrun {

void RateWindow::add(Clock::time_point at, uint64_t value) {
  if (!samples_.empty() && (value < samples_.back().value || at < samples_.back().at)) samples_.clear();
  // Samples closer together than a tenth of a second merge, so a step reporting every row
  // costs a bounded window (about 50 samples), not one entry per report.
  size_t count = samples_.size();
  if (count >= 2 && at - samples_[count - 2].at < std::chrono::milliseconds(100))
    samples_.back() = {at, value};
  else
    samples_.push_back({at, value});
  // The oldest sample kept is the last one at or before the window's start, so that the
  // samples always cover the whole window once there is enough history.
  while (samples_.size() > 2 && samples_[1].at <= at - span_) samples_.pop_front();
}

std::optional<double> RateWindow::per_second() const {
  if (samples_.size() < 2) return std::nullopt;
  std::chrono::duration<double> covered = samples_.back().at - samples_.front().at;
  if (covered < std::chrono::milliseconds(500)) return std::nullopt;
  return static_cast<double>(samples_.back().value - samples_.front().value) / covered.count();
}

}  // namespace planrun
