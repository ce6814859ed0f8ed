#include "interpreter/steps/sql/sql_session.h"

#include <libpq-fe.h>
#include <mysql.h>
#include <sqlite3.h>

#include <regex>
#include <stdexcept>

namespace planrun {
namespace {

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

class SqliteSession final : public SqlSession {
 public:
  explicit SqliteSession(sqlite3* db) : db_(db) {}

  // Every statement of the text, as the sqlite3 shell would (the splitter gives one).
  std::optional<SqlStatementError> execute(const std::string& statement) override {
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
        SqlStatementError error = failure(statement, rest);
        sqlite3_finalize(prepared);
        return error;
      }
      sqlite3_finalize(prepared);
      rest = tail;
    }
    return std::nullopt;
  }

  void interrupt() override { sqlite3_interrupt(db_); }

 private:
  SqlStatementError failure(const std::string& statement, const char* part) const {
    int code = sqlite3_extended_errcode(db_);
    SqlStatementError error{std::string(sqlite3_errstr(code)) + " (" + std::to_string(code) + ")",
                            first_line(sqlite3_errmsg(db_)), std::nullopt, std::nullopt};
    int offset = sqlite3_error_offset(db_);
    if (offset >= 0) error.offset = static_cast<size_t>(part - statement.c_str()) + static_cast<size_t>(offset);
    return error;
  }

  sqlite3* db_;
};

// PostgreSQL counts its error position in characters from 1; the caret needs bytes.
size_t byte_offset_of_character(const std::string& text, size_t character) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++seen == character) return i;
  }
  return text.size();
}

class PostgresqlSession final : public SqlSession {
 public:
  explicit PostgresqlSession(PGconn* connection) : connection_(connection) {}

  std::optional<SqlStatementError> execute(const std::string& statement) override {
    PGresult* result = PQexec(connection_, statement.c_str());
    std::optional<SqlStatementError> error;
    ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
      error = SqlStatementError{"COPY", "COPY to or from the client is not supported in a script (psql's \\copy "
                                        "reads a file; planrun runs SQL only)", std::nullopt, std::nullopt};
      PQclear(result);
      finish_copy(status);
      return error;
    }
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
      error = failure(result, statement);
    PQclear(result);
    return error;
  }

  void interrupt() override {
    if (PGcancel* cancel = PQgetCancel(connection_)) {
      char reason[256];
      PQcancel(cancel, reason, sizeof reason);
      PQfreeCancel(cancel);
    }
  }

 private:
  SqlStatementError failure(PGresult* result, const std::string& statement) const {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char* position = result ? PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION) : nullptr;
    SqlStatementError error{state ? std::string("SQLSTATE ") + state : "no SQLSTATE",
                            first_line(primary ? primary : PQerrorMessage(connection_)), std::nullopt, std::nullopt};
    if (position) error.offset = byte_offset_of_character(statement, static_cast<size_t>(std::stoul(position)));
    return error;
  }

  // Ends a COPY the script started, so that the connection can be used again.
  void finish_copy(ExecStatusType status) {
    if (status == PGRES_COPY_IN) PQputCopyEnd(connection_, "planrun runs no COPY FROM STDIN");
    if (status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
      char* row = nullptr;
      while (PQgetCopyData(connection_, &row, 0) > 0) PQfreemem(row);
    }
    while (PGresult* rest = PQgetResult(connection_)) PQclear(rest);
  }

  PGconn* connection_;
};

class MysqlSession final : public SqlSession {
 public:
  explicit MysqlSession(MYSQL* connection) : connection_(connection) {}

  std::optional<SqlStatementError> execute(const std::string& statement) override {
    if (mysql_real_query(connection_, statement.data(), statement.size()) != 0) return failure();
    // Every result a statement produces (a procedure's SELECTs) is read and dropped, or the
    // connection refuses the next statement ("Commands out of sync").
    for (;;) {
      if (MYSQL_RES* result = mysql_store_result(connection_)) mysql_free_result(result);
      else if (mysql_errno(connection_) != 0) return failure();
      int more = mysql_next_result(connection_);
      if (more > 0) return failure();
      if (more < 0) return std::nullopt;
    }
  }

  // A MySQL query is stopped with KILL QUERY from another connection; planrun does not open
  // one: a script stops between statements.
  void interrupt() override {}

 private:
  SqlStatementError failure() const {
    SqlStatementError error{std::to_string(mysql_errno(connection_)) + " (" + mysql_sqlstate(connection_) + ")",
                            first_line(mysql_error(connection_)), std::nullopt, std::nullopt};
    static const std::regex at_line(R"( at line (\d+)$)");
    std::smatch match;
    if (std::regex_search(error.message, match, at_line)) error.line = std::stoul(match[1].str());
    return error;
  }

  MYSQL* connection_;
};

}  // namespace

std::unique_ptr<SqlSession> make_sql_session(DatabaseConnection& connection) {
  if (sqlite3* db = connection.sqlite_handle()) return std::make_unique<SqliteSession>(db);
  if (pg_conn* pg = connection.postgresql_handle()) return std::make_unique<PostgresqlSession>(pg);
  if (st_mysql* my = connection.mysql_handle()) return std::make_unique<MysqlSession>(my);
  throw std::logic_error("make_sql_session: a connection without a native handle");
}

}  // namespace planrun
