#pragma once

#include <stdexcept>

namespace planrun {

// A problem with the state directory that the user can act on (a newer schema, a file that is not
// a state database, a corrupt or unwritable file, a lock held by another run). The message names
// the file and says what to do; the CLI prints it as is, without an exception name.
// Misuse of the state store by planrun itself is a std::logic_error instead.
struct StateError : std::runtime_error {
  // What is wrong: the state as it is (corrupt, newer, not a state directory: the operator's
  // input, exit 2), or the system refusing to read or write it (disk full, I/O error: exit 5).
  enum class Cause { Content, System };
  explicit StateError(const std::string& message, Cause cause = Cause::Content)
      : std::runtime_error(message), cause(cause) {}
  Cause cause;
};

}  // namespace planrun
