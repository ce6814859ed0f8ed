#include "interpreter/databases/dialect/sqlite_dialect.h"

#include <sqlite3.h>

namespace planrun {

std::optional<StatementError> SqliteDialect::execute(const std::string& statement) {
  const char* rest = statement.c_str();
  while (*rest) {
    sqlite3_stmt* prepared = nullptr;
    const char* tail = nullptr;
    int status = sqlite3_prepare_v2(db_, rest, -1, &prepared, &tail);
    if (status == SQLITE_OK && prepared) {
      while ((status = sqlite3_step(prepared)) == SQLITE_ROW) {
      }
      if (status == SQLITE_DONE) status = SQLITE_OK;
    }
    if (status != SQLITE_OK) {
      StatementError error = failure(statement, rest);
      sqlite3_finalize(prepared);
      return error;
    }
    sqlite3_finalize(prepared);
    rest = tail;
  }
  return std::nullopt;
}

void SqliteDialect::interrupt() { sqlite3_interrupt(db_); }

std::string SqliteDialect::literal(std::string_view text) const { return enclosed(text, '\''); }

// Read before the statement is finalized, which resets the handle's error.
StatementError SqliteDialect::failure(const std::string& statement, const char* part) const {
  StatementError error{Dsn::Kind::Sqlite, sqlite3_extended_errcode(db_), "", sqlite3_errmsg(db_), std::nullopt, std::nullopt};
  int offset = sqlite3_error_offset(db_);
  if (offset >= 0) error.offset = static_cast<size_t>(part - statement.c_str()) + static_cast<size_t>(offset);
  return error;
}

}  // namespace planrun
