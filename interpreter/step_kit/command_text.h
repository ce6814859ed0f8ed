#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "interpreter/step_kit/step_context.h"

namespace planrun {

// How steps that run commands (run, smoke-test) show them and their expected exit codes.

// The command as the log shows it: a string as written, an argv shell-quoted; each argument is
// masked before quoting can split a secret.
std::string command_line(const Value& command, const SecretMasker& masker);
// "0", or "one of 0, 1".
std::string listed_codes(const std::vector<int64_t>& codes);

}  // namespace planrun
