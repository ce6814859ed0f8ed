#pragma once

#include <sys/types.h>

#include <optional>
#include <string_view>

namespace planrun {

// Whether process `pid` runs: it exists (a process of another user counts) and is not a
// zombie, which has exited and only waits for its parent to reap it.
bool process_alive(pid_t pid);

// The process id a pid file holds (surrounding white space allowed), or nullopt when the text
// is not one positive number.
std::optional<pid_t> pid_in(std::string_view pid_file_text);

}  // namespace planrun
