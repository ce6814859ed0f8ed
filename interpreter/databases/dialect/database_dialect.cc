#include "interpreter/databases/dialect/database_dialect.h"

#include <sqlite3.h>

namespace planrun {

std::string StatementError::code_text() const {
  switch (kind) {
    case Dsn::Kind::Sqlite: return std::string(sqlite3_errstr(code)) + " (" + std::to_string(code) + ")";
    case Dsn::Kind::Postgresql: return sqlstate.empty() ? "no SQLSTATE" : "SQLSTATE " + sqlstate;
    case Dsn::Kind::Mysql:
    case Dsn::Kind::H2: break;
  }
  return std::to_string(code) + " (" + sqlstate + ")";
}

std::string DatabaseDialect::enclosed(std::string_view text, char quote) {
  std::string quoted(1, quote);
  for (char c : text) {
    if (c == quote) quoted += quote;
    quoted += c;
  }
  return quoted + quote;
}

}  // namespace planrun
