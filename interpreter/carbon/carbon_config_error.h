#pragma once

#include <stdexcept>

namespace planrun {

// A Carbon installation's configuration that planrun cannot read or use: a missing or malformed
// file, a datasource or key store that is not there. The message names the file, and the line
// and column where there is one.
struct CarbonConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace planrun
