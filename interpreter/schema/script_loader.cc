#include "interpreter/schema/script_loader.h"

#include <libpq-fe.h>
#include <mysql.h>
#include <sqlite3.h>

#include "interpreter/databases/database_connection.h"
#include "interpreter/databases/database_error.h"
#include "interpreter/databases/sql_script/sql_statement_splitter.h"

namespace planrun {
namespace {

void load_sqlite(sqlite3* handle, const std::string& text) {
  char* message = nullptr;
  if (sqlite3_exec(handle, text.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return;
  std::string reason = message ? message : sqlite3_errmsg(handle);
  sqlite3_free(message);
  throw DatabaseError(one_line(reason));
}

void load_postgresql(pg_conn* handle, const std::string& text) {
  PGresult* result = PQexec(handle, text.c_str());
  ExecStatusType status = PQresultStatus(result);
  std::string reason = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
    throw DatabaseError(one_line(reason.empty() ? PQerrorMessage(handle) : reason));
}

void load_mysql(MYSQL* handle, const std::string& text) {
  std::string failure;
  if (mysql_real_query(handle, text.data(), text.size()) != 0) failure = mysql_error(handle);
  else if (MYSQL_RES* rows = mysql_store_result(handle)) mysql_free_result(rows);
  if (!failure.empty()) throw DatabaseError(one_line(failure));
}

void run_statement(DatabaseConnection& connection, const std::string& text) {
  if (sqlite3* handle = connection.sqlite_handle()) return load_sqlite(handle, text);
  if (pg_conn* handle = connection.postgresql_handle()) return load_postgresql(handle, text);
  if (MYSQL* handle = connection.mysql_handle()) return load_mysql(handle, text);
  throw DatabaseError("cannot run a script on " + connection.dsn().to_string() + ": no native handle for its type");
}

std::string position(size_t line, size_t column) { return "line " + std::to_string(line) + ":" + std::to_string(column); }

}  // namespace

void load_script_into(DatabaseConnection& connection, const std::string& text) {
  std::vector<SqlStatement> statements;
  try {
    statements = split_sql_script(text, sql_dialect_of(connection.kind()).value_or(SqlDialect::Sqlite));
  } catch (const SqlScriptError& error) {
    throw DatabaseError(position(error.line, error.column) + ": " + error.what());
  }
  for (const SqlStatement& statement : statements) {
    try {
      run_statement(connection, statement.text);
    } catch (const DatabaseError& error) {
      throw DatabaseError(position(statement.line, statement.column) + ": " + error.what());
    }
  }
}

}  // namespace planrun
