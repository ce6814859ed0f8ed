#pragma once

#include <memory>

#include "interpreter/databases/database_connection.h"
#include "interpreter/databases/database_credentials.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// How a connection is opened.
struct OpenOptions {
  // The session refuses writes where the backend can enforce it: SQLite opens the file
  // read-only, PostgreSQL sets default_transaction_read_only, MariaDB/MySQL sets the session's
  // transactions READ ONLY. For sources, which a step must never write.
  bool read_only = false;
};

// The database service steps use: turns a DSN into an open connection, with whatever
// credentials the run holds for it. SociDatabases is the real one; tests use fakes.
class Databases {
 public:
  virtual ~Databases() = default;
  // Opens `dsn`; throws DatabaseError naming the DSN and the server's message when it cannot.
  virtual std::unique_ptr<DatabaseConnection> open(const Dsn& dsn, const OpenOptions& options = {}) = 0;
  // The login the run holds for `dsn`, for a database's own client tools (pg_dump,
  // mariadb-dump), which get the password through their environment or an option file,
  // never their command line; nullopt when none is bound.
  virtual std::optional<Credential> login(const Dsn&) const { return std::nullopt; }
};

}  // namespace planrun
