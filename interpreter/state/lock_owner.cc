#include "interpreter/state/lock_owner.h"

#include <limits.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace planrun {

std::string this_host() {
  char name[HOST_NAME_MAX + 1] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
  return name;
}

LockOwner LockOwner::current() {
  WallTime now = wall_now();
  return LockOwner{static_cast<int64_t>(getpid()), this_host(), now, now};
}

std::string LockOwner::to_line() const {
  nlohmann::json json = {{"pid", pid},
                         {"host", host},
                         {"started_at", to_epoch_ms(started_at)},
                         {"heartbeat_at", to_epoch_ms(heartbeat_at)}};
  return json.dump() + "\n";
}

std::optional<LockOwner> LockOwner::parse(std::string_view text) {
  size_t end = text.find('\n');
  if (end == std::string_view::npos) return std::nullopt;  // the writer has not finished the line
  nlohmann::json json = nlohmann::json::parse(text.substr(0, end), nullptr, false);
  if (!json.is_object()) return std::nullopt;
  auto integer = [&](const char* key) { return json.contains(key) && json[key].is_number_integer(); };
  if (!integer("pid") || !integer("started_at") || !integer("heartbeat_at") ||
      !json.contains("host") || !json["host"].is_string()) {
    return std::nullopt;
  }
  return LockOwner{json["pid"].get<int64_t>(), json["host"].get<std::string>(),
                   from_epoch_ms(json["started_at"].get<int64_t>()),
                   from_epoch_ms(json["heartbeat_at"].get<int64_t>())};
}

std::string LockOwner::describe(WallTime now) const {
  return "pid " + std::to_string(pid) + " on host " + host + " since " + format_utc(started_at) +
         " (heartbeat " + format_age(now - heartbeat_at) + " ago)";
}

}  // namespace planrun
