#pragma once

#include <optional>
#include <string>

#include "interpreter/databases/database_credentials.h"
#include "interpreter/databases/databases.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// The connect string SOCI's backend for `dsn` is opened with: an SQLite file name and flags,
// a libpq conninfo, or SOCI's MySQL key=value list, every value quoted. Holds the password when
// one is given, so it goes to the library only: never into a message, a log or a command line.
struct SociConnectString {
  std::string text;

  static SociConnectString of(const Dsn& dsn, const std::optional<Credential>& credential,
                              const OpenOptions& options);
};

}  // namespace planrun
