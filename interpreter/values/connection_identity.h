#pragma once

#include <compare>
#include <string>

#include "interpreter/values/dsn.h"

namespace planrun {

// Which server account a DSN reaches: backend, user, host, port, database. A DSN and its JDBC
// form have the same identity; a port left out counts as the backend's default, and host names
// compare without case. Keys the credentials table.
struct ConnectionIdentity {
  Dsn::Kind kind = Dsn::Kind::Sqlite;
  std::string user;
  std::string host;
  int port = 0;
  std::string database;

  static ConnectionIdentity of(const Dsn& dsn);
  // The same server and database, whoever logs in.
  bool same_database(const ConnectionIdentity& other) const;
  auto operator<=>(const ConnectionIdentity&) const = default;
};

// 5432 for PostgreSQL, 3306 for MySQL/MariaDB, 0 for SQLite.
int default_port(Dsn::Kind kind);

}  // namespace planrun
