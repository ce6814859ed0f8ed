#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "interpreter/databases/database_connection.h"

namespace planrun {

// What a database said when it refused a statement, in its own words and code.
struct SqlStatementError {
  std::string code;     // "SQLSTATE 42P01", "1146 (42S02)", "SQLITE_ERROR"
  std::string message;  // the database's message, first line
  // Where in the statement the database points, as a byte offset into the statement's text
  // (PostgreSQL's error position, sqlite3_error_offset); nullopt where it gives none.
  std::optional<size_t> offset;
  // MariaDB/MySQL's "... at line N": the line within the statement (1-based).
  std::optional<size_t> line;
};

// Runs a script's statements one by one on an open connection through the backend's own client
// library (SOCI hides the codes and positions a failure message needs). Results are discarded.
class SqlSession {
 public:
  virtual ~SqlSession() = default;
  // Runs one statement; nullopt when it succeeded, else what the database said.
  virtual std::optional<SqlStatementError> execute(const std::string& statement) = 0;
  // Asks a running execute() to stop, from another thread (cancellation); it then fails.
  virtual void interrupt() = 0;
};

// The session for the connection's backend; the connection must outlive it.
std::unique_ptr<SqlSession> make_sql_session(DatabaseConnection& connection);

}  // namespace planrun
