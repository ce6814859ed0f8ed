#pragma once

#include <chrono>
#include <string>

namespace planrun {

// How long something took, for people watching a run: "0.4s", "12.4s", "2m05s", "1h02m".
// Tenths of a second below a minute, because that is where step times are compared.
// (values/duration.h's format_duration writes durations as a plan would: "1h30m", "250ms".)
std::string format_elapsed(std::chrono::milliseconds elapsed);

// Time left, as a clock reads: "0:31", "12:05", "1:02:03".
std::string format_countdown(std::chrono::seconds remaining);

}  // namespace planrun
