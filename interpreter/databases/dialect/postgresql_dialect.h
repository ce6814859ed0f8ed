#pragma once

#include "interpreter/databases/dialect/database_dialect.h"

struct pg_conn;
struct pg_result;

namespace planrun {

// PostgreSQL's dialect on an open libpq connection, which the caller keeps open.
class PostgresqlDialect final : public DatabaseDialect {
 public:
  explicit PostgresqlDialect(pg_conn* connection) : DatabaseDialect(Dsn::Kind::Postgresql), connection_(connection) {}

  // A COPY to or from the client fails (SQLSTATE 0A000) and is ended, so that the connection
  // can be used again: a statement carries no data stream.
  std::optional<StatementError> execute(const std::string& statement) override;
  // Sends a cancel request for whatever the connection is running.
  void interrupt() override;
  // PQescapeStringConn, which reads the connection's standard_conforming_strings and encoding;
  // throws DatabaseError for text that is not valid in that encoding.
  std::string literal(std::string_view text) const override;
  // "odd ""name""", whatever it holds and whatever its case.
  static std::string quote_identifier(std::string_view name) { return enclosed(name, '"'); }

 private:
  StatementError failure(pg_result* result, const std::string& statement) const;
  void finish_copy(int status);

  pg_conn* connection_;
};

}  // namespace planrun
