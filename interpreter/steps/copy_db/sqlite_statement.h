#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace planrun {

class CancellationToken;

// One prepared SQLite statement, finalized when it goes. Errors are DatabaseErrors with
// SQLite's own words and what was being done.
class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, const std::string& sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // False when the SQL did not prepare (e.g. rowid of a WITHOUT ROWID table); the constructor
  // throws instead unless it was asked only to try.
  bool try_prepare_ok() const { return statement_ != nullptr; }
  void bind_text(int index, const std::string& text);
  // Steps once: true for a row, false when done. `cancel` turns an interrupt into a
  // StepFailure(Cancelled).
  bool step(const CancellationToken* cancel = nullptr);
  void run_to_end(const std::string& doing, const CancellationToken* cancel = nullptr);

  int64_t column_int64(int column) const { return sqlite3_column_int64(statement_, column); }
  std::string column_text(int column) const;
  sqlite3_stmt* handle() const { return statement_; }

  // A statement that may not prepare; check try_prepare_ok() before stepping.
  static SqliteStatement optional(sqlite3* db, const std::string& sql);

 private:
  SqliteStatement(sqlite3* db, const std::string& sql, bool must_prepare);
  [[noreturn]] void fail(const std::string& doing) const;

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  std::string sql_;
};

}  // namespace planrun
