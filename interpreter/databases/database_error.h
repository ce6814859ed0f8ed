#pragma once

#include <stdexcept>
#include <string>

namespace planrun {

// A database could not be opened or refused what was asked of it: a user-facing message that
// names the DSN (never a password) and the server's own words. Steps turn it into a failure.
struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace planrun
