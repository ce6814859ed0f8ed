#pragma once

#include <memory>
#include <string>

#include "interpreter/values/dsn.h"

namespace soci {
class session;
}
// The backends' own handle types, declared here so that only code using a fast path includes
// the backend's C header (sqlite3.h, libpq-fe.h, mysql.h).
struct sqlite3;
struct pg_conn;
struct st_mysql;

namespace planrun {

class DatabaseDialect;

// One open database session, owned by the step that opened it: a SOCI session for portable
// SQL, the backend's native handle for fast paths (the SQLite backup API, libpq COPY), and the
// database's dialect: statements with the database's own error codes, identifiers, literals.
class DatabaseConnection {
 public:
  DatabaseConnection(Dsn dsn, std::unique_ptr<soci::session> session, bool read_only);
  ~DatabaseConnection();
  DatabaseConnection(const DatabaseConnection&) = delete;
  DatabaseConnection& operator=(const DatabaseConnection&) = delete;

  soci::session& session() { return *session_; }
  Dsn::Kind kind() const { return dsn_.kind; }
  const Dsn& dsn() const { return dsn_; }
  bool read_only() const { return read_only_; }

  // The native handle, or nullptr when the connection is of another kind. Owned by the session.
  sqlite3* sqlite_handle() const;
  pg_conn* postgresql_handle() const;  // a PGconn*
  st_mysql* mysql_handle() const;      // a MYSQL*
  // The dialect spoken on this connection's native handle; throws DatabaseError for a session
  // that has none (a backend planrun does not know).
  DatabaseDialect& dialect() const;

 private:
  Dsn dsn_;
  std::unique_ptr<soci::session> session_;
  bool read_only_;
  std::unique_ptr<DatabaseDialect> dialect_;
};

}  // namespace planrun
