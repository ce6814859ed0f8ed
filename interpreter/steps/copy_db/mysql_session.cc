#include "interpreter/steps/copy_db/mysql_session.h"

#include <mysql.h>

#include "interpreter/databases/database_error.h"

namespace planrun {

MysqlSession::MysqlSession(std::unique_ptr<DatabaseConnection> connection)
    : connection_(std::move(connection)), handle_(connection_->mysql_handle()) {
  if (!handle_) throw DatabaseError("copy-db: " + connection_->dsn().to_string() + " is not a MariaDB/MySQL connection");
}

void MysqlSession::fail(const std::string& doing) const {
  throw DatabaseError("cannot " + doing + " on " + dsn().to_string() + ": " + mysql_error(handle_));
}

// A statement may still return rows (SELECT SETVAL): the dialect reads and drops them.
void MysqlSession::execute(const std::string& sql, const std::string& doing) {
  if (std::optional<StatementError> error = dialect().execute(sql))
    throw DatabaseError("cannot " + doing + " on " + dsn().to_string() + ": " + error->message);
}

std::vector<MysqlRow> MysqlSession::rows(const std::string& sql, const std::string& doing) {
  if (mysql_real_query(handle_, sql.data(), sql.size()) != 0) fail(doing);
  MYSQL_RES* result = mysql_store_result(handle_);
  if (!result) {
    if (mysql_field_count(handle_) != 0) fail(doing);
    return {};
  }
  std::vector<MysqlRow> out;
  unsigned columns = mysql_num_fields(result);
  while (MYSQL_ROW row = mysql_fetch_row(result)) {
    unsigned long* lengths = mysql_fetch_lengths(result);
    MysqlRow& values = out.emplace_back();
    for (unsigned i = 0; i < columns; ++i)
      values.push_back(row[i] ? std::optional<std::string>(std::string(row[i], lengths[i])) : std::nullopt);
  }
  mysql_free_result(result);
  return out;
}

}  // namespace planrun
