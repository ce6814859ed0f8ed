#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace planrun {

// A UTC wall-clock instant at millisecond precision: what the state store and the run lock record.
// Stored on disk as integer milliseconds since the Unix epoch, so a value round-trips exactly.
using WallTime = std::chrono::sys_time<std::chrono::milliseconds>;

inline WallTime wall_now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

inline int64_t to_epoch_ms(WallTime time) { return time.time_since_epoch().count(); }

inline WallTime from_epoch_ms(int64_t ms) { return WallTime(std::chrono::milliseconds(ms)); }

// "2024-05-01T12:00:00Z": how messages show an instant.
std::string format_utc(WallTime time);

// "3s", "5m", "2h", "4d": how long ago something happened, for messages.
std::string format_age(std::chrono::milliseconds age);

}  // namespace planrun
