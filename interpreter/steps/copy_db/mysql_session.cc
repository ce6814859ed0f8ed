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

void MysqlSession::execute(const std::string& sql, const std::string& doing) {
  if (mysql_real_query(handle_, sql.data(), sql.size()) != 0) fail(doing);
  // A statement may still return rows (SELECT SETVAL): read and drop them.
  if (MYSQL_RES* result = mysql_store_result(handle_)) mysql_free_result(result);
  else if (mysql_field_count(handle_) != 0) fail(doing);
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

std::string MysqlSession::literal(const std::string& text) const {
  std::string out(text.size() * 2 + 3, '\0');
  out[0] = '\'';
  unsigned long length = mysql_real_escape_string(handle_, out.data() + 1, text.data(), text.size());
  out.resize(length + 1);
  return out + "'";
}

std::string mysql_identifier(const std::string& name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

}  // namespace planrun
