#pragma once

#include <string>
#include <system_error>

namespace planrun {

// A failure the operating system reported, in the operator's words: "cannot OPERATION 'PATH':
// REASON", with no exception class and no library prefix ("filesystem error: ..."). For the
// boundaries that report such failures: the step's (executor/) and the command's (cli/).
std::string in_words(const std::system_error& error);

}  // namespace planrun
