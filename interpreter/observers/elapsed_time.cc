#include "interpreter/observers/elapsed_time.h"

#include <fmt/format.h>

#include <algorithm>

namespace planrun {

std::string format_elapsed(std::chrono::milliseconds elapsed) {
  int64_t ms = std::max<int64_t>(elapsed.count(), 0);
  int64_t tenths = (ms + 50) / 100;
  if (tenths < 600) return fmt::format("{}.{}s", tenths / 10, tenths % 10);
  int64_t seconds = (ms + 500) / 1000;
  if (seconds < 3600) return fmt::format("{}m{:02}s", seconds / 60, seconds % 60);
  int64_t minutes = (seconds + 30) / 60;
  return fmt::format("{}h{:02}m", minutes / 60, minutes % 60);
}

std::string format_countdown(std::chrono::seconds remaining) {
  int64_t seconds = std::max<int64_t>(remaining.count(), 0);
  if (seconds < 3600) return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
  return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

}  // namespace planrun
