#pragma once

#include <stdexcept>

namespace planrun {

// A problem with the state directory that the user can act on (a newer schema, a file that is not
// a state database, a corrupt or unwritable file, a lock held by another run). The message names
// the file and says what to do; the CLI prints it as is, without an exception name.
// Misuse of the state store by planrun itself is a std::logic_error instead.
struct StateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace planrun
