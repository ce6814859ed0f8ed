#include "interpreter/schema/script_loader.h"

#include <libpq-fe.h>
#include <mysql.h>
#include <sqlite3.h>

#include "interpreter/databases/database_connection.h"
#include "interpreter/databases/database_error.h"

namespace planrun {
namespace {

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  size_t first = text.find_first_not_of(' ');
  size_t last = text.find_last_not_of(' ');
  return first == std::string::npos ? "no reason given" : text.substr(first, last - first + 1);
}

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
  mysql_set_server_option(handle, MYSQL_OPTION_MULTI_STATEMENTS_ON);
  std::string failure;
  if (mysql_real_query(handle, text.data(), text.size()) != 0) failure = mysql_error(handle);
  // Every statement's result is read, else the connection stays busy; the loop stops at the first failing one.
  while (failure.empty()) {
    if (MYSQL_RES* rows = mysql_store_result(handle)) mysql_free_result(rows);
    int next = mysql_next_result(handle);
    if (next > 0) failure = mysql_error(handle);
    if (next != 0) break;
  }
  mysql_set_server_option(handle, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
  if (!failure.empty()) throw DatabaseError(one_line(failure));
}

}  // namespace

void load_script_into(DatabaseConnection& connection, const std::string& text) {
  if (sqlite3* handle = connection.sqlite_handle()) return load_sqlite(handle, text);
  if (pg_conn* handle = connection.postgresql_handle()) return load_postgresql(handle, text);
  if (MYSQL* handle = connection.mysql_handle()) return load_mysql(handle, text);
  throw DatabaseError("cannot run a script on " + connection.dsn().to_string() + ": no native handle for its type");
}

}  // namespace planrun
