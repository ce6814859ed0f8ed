#include "interpreter/databases/dialect/mysql_dialect.h"

#include <mysql.h>

#include <regex>

namespace planrun {

std::optional<StatementError> MysqlDialect::execute(const std::string& statement) {
  if (mysql_real_query(connection_, statement.data(), statement.size()) != 0) return failure();
  for (;;) {
    if (MYSQL_RES* result = mysql_store_result(connection_)) mysql_free_result(result);
    else if (mysql_errno(connection_) != 0) return failure();
    int more = mysql_next_result(connection_);
    if (more > 0) return failure();
    if (more < 0) return std::nullopt;
  }
}

std::string MysqlDialect::literal(std::string_view text) const {
  std::string out(text.size() * 2 + 1, '\0');
  unsigned long length = mysql_real_escape_string(connection_, out.data(), text.data(), text.size());
  out.resize(length);
  return "'" + out + "'";
}

StatementError MysqlDialect::failure() const {
  StatementError error{Dsn::Kind::Mysql, static_cast<int>(mysql_errno(connection_)), mysql_sqlstate(connection_),
                       mysql_error(connection_), std::nullopt, std::nullopt};
  // A syntax error names the line of the statement it is on, at the end of the message's first line.
  static const std::regex at_line(R"( at line (\d+)$)");
  std::string first_line = error.message.substr(0, error.message.find('\n'));
  std::smatch match;
  if (std::regex_search(first_line, match, at_line)) error.line = std::stoul(match[1].str());
  return error;
}

}  // namespace planrun
