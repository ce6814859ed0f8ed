#pragma once

#include <string>

namespace planrun {

// Asks a yes/no question on the terminal (stderr, answer on stdin); false without a terminal
// to ask on, or for any answer but y/yes.
bool ask_yes_no(const std::string& question);

}  // namespace planrun
