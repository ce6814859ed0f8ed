#pragma once

#include "interpreter/databases/dialect/database_dialect.h"

struct sqlite3;

namespace planrun {

// SQLite's dialect on an open sqlite3 handle, which the caller keeps open.
class SqliteDialect final : public DatabaseDialect {
 public:
  explicit SqliteDialect(sqlite3* db) : DatabaseDialect(Dsn::Kind::Sqlite), db_(db) {}

  // Every statement of the text, as the sqlite3 shell would (the splitter gives one).
  std::optional<StatementError> execute(const std::string& statement) override;
  void interrupt() override;
  // '...' with a quote doubled: SQLite has no backslash escapes.
  std::string literal(std::string_view text) const override;
  // "odd ""name""", whatever it holds and whatever its case.
  static std::string quote_identifier(std::string_view name) { return enclosed(name, '"'); }

 private:
  StatementError failure(const std::string& statement, const char* part) const;

  sqlite3* db_;
};

}  // namespace planrun
