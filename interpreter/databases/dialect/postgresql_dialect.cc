#include "interpreter/databases/dialect/postgresql_dialect.h"

#include <libpq-fe.h>

#include "interpreter/databases/database_error.h"

namespace planrun {
namespace {

// PostgreSQL counts its error position in characters from 1; a caret needs bytes.
size_t byte_offset_of_character(const std::string& text, size_t character) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++seen == character) return i;
  }
  return text.size();
}

}  // namespace

std::optional<StatementError> PostgresqlDialect::execute(const std::string& statement) {
  PGresult* result = PQexec(connection_, statement.c_str());
  std::optional<StatementError> error;
  ExecStatusType status = PQresultStatus(result);
  if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
    error = StatementError{Dsn::Kind::Postgresql, 0, "0A000", "COPY to or from the client is not supported here (psql's \\copy reads a "
                                       "file; planrun runs SQL only)", std::nullopt, std::nullopt};
    PQclear(result);
    finish_copy(status);
    return error;
  }
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
    error = failure(result, statement);
  PQclear(result);
  return error;
}

void PostgresqlDialect::interrupt() {
  if (PGcancel* cancel = PQgetCancel(connection_)) {
    char reason[256];
    PQcancel(cancel, reason, sizeof reason);
    PQfreeCancel(cancel);
  }
}

std::string PostgresqlDialect::literal(std::string_view text) const {
  std::string out(text.size() * 2 + 1, '\0');
  int invalid = 0;
  size_t length = PQescapeStringConn(connection_, out.data(), text.data(), text.size(), &invalid);
  if (invalid) throw DatabaseError("cannot write a string literal: " + one_line(PQerrorMessage(connection_)));
  out.resize(length);
  return "'" + out + "'";
}

// Without a result (the connection broke) the connection's last error speaks.
StatementError PostgresqlDialect::failure(PGresult* result, const std::string& statement) const {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const char* position = result ? PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION) : nullptr;
  StatementError error{Dsn::Kind::Postgresql, 0, state ? state : "", primary ? primary : PQerrorMessage(connection_), std::nullopt,
                       std::nullopt};
  if (position) error.offset = byte_offset_of_character(statement, static_cast<size_t>(std::stoul(position)));
  return error;
}

void PostgresqlDialect::finish_copy(int status) {
  if (status == PGRES_COPY_IN) PQputCopyEnd(connection_, "planrun runs no COPY FROM STDIN");
  if (status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
    char* row = nullptr;
    while (PQgetCopyData(connection_, &row, 0) > 0) PQfreemem(row);
  }
  while (PGresult* rest = PQgetResult(connection_)) PQclear(rest);
}

}  // namespace planrun
