#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/databases/database_connection.h"
#include "interpreter/databases/database_error.h"
#include "interpreter/databases/dialect/database_dialect.h"

namespace planrun {

// A libpq result, cleared when it goes.
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result, &PQclear) {}
  PGresult* get() const { return result_.get(); }
  int rows() const { return PQntuples(get()); }
  bool is_null(int row, int column) const { return PQgetisnull(get(), row, column) != 0; }
  std::string text(int row, int column) const { return PQgetvalue(get(), row, column); }
  bool flag(int row, int column) const { return text(row, column) == "t"; }
  int64_t integer(int row, int column) const { return std::stoll(text(row, column)); }

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

// One PostgreSQL connection of the copier, spoken to through libpq: every failure becomes a
// DatabaseError saying what was being done, on which database (its DSN, never a password), and
// the server's own words.
class PgSession {
 public:
  explicit PgSession(std::unique_ptr<DatabaseConnection> connection) : connection_(std::move(connection)) {}

  PGconn* handle() const { return connection_->postgresql_handle(); }
  const Dsn& dsn() const { return connection_->dsn(); }

  // Runs `sql` with text parameters ($1, $2, ...) and returns its rows; `doing` names the work
  // for the error ("read the columns of table x").
  PgResult query(const std::string& sql, const std::vector<std::string>& params, const std::string& doing);
  // Runs `sql`, which may be several statements, and drops any rows.
  void execute(const std::string& sql, const std::string& doing);
  // Starts `COPY ... TO STDOUT` or `COPY ... FROM STDIN`.
  void start_copy(const std::string& sql, const std::string& doing);
  // The result that ends a COPY; throws when the COPY failed.
  void finish_copy(const std::string& doing);

  // "cannot DOING on DSN: MESSAGE", MESSAGE being the server's primary message of `result` (or
  // the connection's last error when there is none).
  DatabaseError error(const std::string& doing, const PGresult* result = nullptr) const;

 private:
  std::unique_ptr<DatabaseConnection> connection_;
};

}  // namespace planrun
