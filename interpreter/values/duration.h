#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace planrun {

// Parses "500ms", "30s", "5m", "1h", "1h30m" or a bare number of seconds; nullopt when malformed.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

// The shortest of those forms for a duration: "1h30m", "45s", "250ms".
std::string format_duration(std::chrono::milliseconds duration);

}  // namespace planrun
