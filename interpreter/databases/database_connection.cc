// The native handles come from SOCI's backend objects. Debian's SOCI libraries export no type
// information for them, so the backend is told by its name and downcast statically.
// soci-sqlite3.h wraps sqlite3.h in its own
// namespace (sqlite_api), so its sqlite3 is the same C struct under another C++ name: the
// cast below only renames it.

#include "interpreter/databases/database_connection.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/dialect/mysql_dialect.h"
#include "interpreter/databases/dialect/postgresql_dialect.h"
#include "interpreter/databases/dialect/sqlite_dialect.h"

namespace planrun {

namespace {

// The session's backend object as `Backend`, or nullptr when the session runs another backend.
template <typename Backend>
Backend* backend_named(soci::session& session, const char* name) {
  soci::details::session_backend* backend = session.get_backend();
  return backend && session.get_backend_name() == name ? static_cast<Backend*>(backend) : nullptr;
}

}  // namespace

DatabaseConnection::DatabaseConnection(Dsn dsn, std::unique_ptr<soci::session> session, bool read_only)
    : dsn_(std::move(dsn)), session_(std::move(session)), read_only_(read_only) {
  if (sqlite3* db = sqlite_handle()) dialect_ = std::make_unique<SqliteDialect>(db);
  else if (pg_conn* pg = postgresql_handle()) dialect_ = std::make_unique<PostgresqlDialect>(pg);
  else if (st_mysql* my = mysql_handle()) dialect_ = std::make_unique<MysqlDialect>(my);
}

DatabaseConnection::~DatabaseConnection() = default;

DatabaseDialect& DatabaseConnection::dialect() const {
  if (!dialect_) throw DatabaseError(dsn_.to_string() + ": the connection has no native handle to speak SQL through");
  return *dialect_;
}

sqlite3* DatabaseConnection::sqlite_handle() const {
  auto* backend = backend_named<soci::sqlite3_session_backend>(*session_, "sqlite3");
  return backend ? reinterpret_cast<sqlite3*>(backend->conn_) : nullptr;
}

pg_conn* DatabaseConnection::postgresql_handle() const {
  auto* backend = backend_named<soci::postgresql_session_backend>(*session_, "postgresql");
  return backend ? backend->conn_ : nullptr;
}

st_mysql* DatabaseConnection::mysql_handle() const {
  auto* backend = backend_named<soci::mysql_session_backend>(*session_, "mysql");
  return backend ? backend->conn_ : nullptr;
}

}  // namespace planrun
