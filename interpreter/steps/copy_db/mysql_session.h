#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/databases/database_connection.h"
#include "interpreter/databases/dialect/database_dialect.h"

namespace planrun {

// One row of a small result: each value as the server's bytes, nullopt for NULL.
using MysqlRow = std::vector<std::optional<std::string>>;

// A MariaDB/MySQL connection used through the C API by the copier: statements whose failures
// become DatabaseErrors naming the database (never a password) and what was being done.
class MysqlSession {
 public:
  explicit MysqlSession(std::unique_ptr<DatabaseConnection> connection);

  st_mysql* handle() const { return handle_; }
  const Dsn& dsn() const { return connection_->dsn(); }
  // For literals, which follow the session's sql_mode.
  DatabaseDialect& dialect() const { return connection_->dialect(); }

  // Runs a statement that returns no rows. `doing` completes "cannot DOING on DSN: reason".
  void execute(const std::string& sql, const std::string& doing);
  // Runs a statement and returns all its rows (for catalogue queries, never table data).
  std::vector<MysqlRow> rows(const std::string& sql, const std::string& doing);
  // The error for the last failed call on this connection.
  [[noreturn]] void fail(const std::string& doing) const;

 private:
  std::unique_ptr<DatabaseConnection> connection_;
  st_mysql* handle_;
};

// The sql_mode of every copier session: none of the modes that change what SHOW CREATE or a
// SELECT prints (ANSI_QUOTES, PAD_CHAR_TO_FULL_LENGTH, NO_*_OPTIONS...) or that refuse values a
// source may hold (NO_ZERO_DATE, strict modes), and NO_AUTO_VALUE_ON_ZERO so that a stored 0 in
// an AUTO_INCREMENT column stays 0.
inline constexpr const char* kMysqlCopySqlMode = "NO_AUTO_VALUE_ON_ZERO";

}  // namespace planrun
