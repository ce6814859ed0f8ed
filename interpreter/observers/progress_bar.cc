#include "interpreter/observers/progress_bar.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "interpreter/observers/display_width.h"
#include "interpreter/observers/elapsed_time.h"
#include "interpreter/observers/progress_units.h"

namespace planrun {
namespace {

constexpr size_t kShortestBar = 10;
constexpr size_t kLongestBar = 30;
constexpr double kNoEstimate = 100 * 3600;  // seconds

}  // namespace

void ProgressBar::update(Clock::time_point at, uint64_t done, uint64_t total, ProgressReporter::Unit unit) {
  done_ = done;
  total_ = total;
  unit_ = unit;
  rate_.add(at, done);
}

std::string ProgressBar::render(size_t id_width, size_t width) const {
  std::string line = pad_to_width(step_id_, id_width) + "  ";
  if (total_ > 0) {
    std::string percent = fmt::format(" {:>3}%  ", std::min<uint64_t>(100, done_ * 100 / total_));
    std::string rest = percent + figures();
    size_t used = display_width(line) + 2 + display_width(rest);
    size_t room = width > used ? width - used : 0;
    line += "[" + bar(std::clamp(room, kShortestBar, kLongestBar)) + "]" + rest;
  } else {
    line += figures();
  }
  return truncate_to_width(line, width);
}

std::string ProgressBar::figures() const {
  std::string text = format_amount(done_, unit_);
  std::optional<double> rate = rate_.per_second();
  if (!rate) return text;
  text += "  " + format_rate(*rate, unit_);
  double seconds_left = *rate > 0 ? std::ceil(static_cast<double>(total_ - done_) / *rate) : kNoEstimate;
  // A crawl that would take longer than the cap says nothing useful as a time.
  if (total_ > done_ && seconds_left < kNoEstimate)
    text += "  ETA " + format_countdown(std::chrono::seconds(static_cast<int64_t>(seconds_left)));
  return text;
}

std::string ProgressBar::bar(size_t length) const {
  size_t filled = static_cast<size_t>(std::min(done_, total_) * length / total_);
  return std::string(filled, '#') + std::string(length - filled, '.');
}

}  // namespace planrun
