#pragma once

#include "interpreter/databases/dialect/database_dialect.h"

struct st_mysql;

namespace planrun {

// MariaDB/MySQL's dialect on an open client-library connection, which the caller keeps open.
class MysqlDialect final : public DatabaseDialect {
 public:
  explicit MysqlDialect(st_mysql* connection) : DatabaseDialect(Dsn::Kind::Mysql), connection_(connection) {}

  // Reads and drops every result the statement produces (a procedure's SELECTs), or the
  // connection would refuse the next statement ("Commands out of sync").
  std::optional<StatementError> execute(const std::string& statement) override;
  void interrupt() override {}
  // mysql_real_escape_string: it reads the NO_BACKSLASH_ESCAPES flag the server reports with
  // every reply, so a literal follows the session's sql_mode as it is now, and the character set.
  std::string literal(std::string_view text) const override;
  // `odd ``name```: backticks quote whatever the sql_mode (ANSI_QUOTES only adds double quotes).
  static std::string quote_identifier(std::string_view name) { return enclosed(name, '`'); }

 private:
  StatementError failure() const;

  st_mysql* connection_;
};

}  // namespace planrun
