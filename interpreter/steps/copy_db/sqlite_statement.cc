#include "interpreter/steps/copy_db/sqlite_statement.h"

#include "interpreter/databases/database_error.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& sql) : SqliteStatement(db, sql, true) {}

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& sql, bool must_prepare) : db_(db), sql_(sql) {
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &statement_, nullptr) == SQLITE_OK) return;
  sqlite3_finalize(statement_);
  statement_ = nullptr;
  if (must_prepare) fail("preparing");
}

SqliteStatement SqliteStatement::optional(sqlite3* db, const std::string& sql) { return SqliteStatement(db, sql, false); }

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

void SqliteStatement::bind_text(int index, const std::string& text) {
  if (sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    fail("binding a value of");
}

bool SqliteStatement::step(const CancellationToken* cancel) {
  int status = sqlite3_step(statement_);
  if (status == SQLITE_ROW) return true;
  if (status == SQLITE_DONE) return false;
  if (status == SQLITE_INTERRUPT && cancel && cancel->requested())
    throw StepFailure(StepFailure::Kind::Cancelled, "stopped as asked");
  fail("running");
}

void SqliteStatement::run_to_end(const std::string& doing, const CancellationToken* cancel) {
  try {
    while (step(cancel)) {
    }
  } catch (const DatabaseError& error) {
    throw DatabaseError(doing + ": " + error.what());
  }
}

std::string SqliteStatement::column_text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  return text ? std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(statement_, column)) : "";
}

void SqliteStatement::fail(const std::string& doing) const {
  const char* file = sqlite3_db_filename(db_, "main");
  throw DatabaseError(std::string(sqlite3_errmsg(db_)) + " (" + doing + " `" + sql_.substr(0, 200) + "` on " +
                      (file && *file ? file : "an SQLite database") + ")");
}

}  // namespace planrun
