#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "interpreter/state/wall_time.h"

namespace planrun {

// The process that holds (or last held) a state directory's run lock, as its lock file records it.
struct LockOwner {
  int64_t pid = 0;
  std::string host;        // gethostname() of the owner
  WallTime started_at;     // when it took the lock
  WallTime heartbeat_at;   // last sign of life

  bool operator==(const LockOwner&) const = default;

  // This process, taking the lock now.
  static LockOwner current();

  // The lock file's content: one line of JSON ended by '\n',
  //   {"pid":123,"host":"build-7","started_at":1714564800000,"heartbeat_at":1714564802000}
  // with times in milliseconds since the Unix epoch, UTC. Unknown fields are ignored.
  std::string to_line() const;
  // The owner in the first line of `text`; nullopt when there is none or it is unreadable
  // (a half-written or damaged file), which the lock treats as "no owner recorded".
  static std::optional<LockOwner> parse(std::string_view text);

  // "pid 123 on host build-7 since 2024-05-01T12:00:00Z (heartbeat 2s ago)"
  std::string describe(WallTime now) const;
};

// gethostname(), or "localhost" when it fails.
std::string this_host();

}  // namespace planrun
