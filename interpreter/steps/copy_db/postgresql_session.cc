#include "interpreter/steps/copy_db/postgresql_session.h"

namespace planrun {

void PgSession::execute(const std::string& sql, const std::string& doing) {
  if (std::optional<StatementError> error = connection_->dialect().execute(sql))
    throw DatabaseError("cannot " + doing + " on " + dsn().to_string() + ": " + one_line(error->message));
}

PgResult PgSession::query(const std::string& sql, const std::vector<std::string>& params, const std::string& doing) {
  std::vector<const char*> values;
  for (const std::string& param : params) values.push_back(param.c_str());
  PgResult result(PQexecParams(handle(), sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0));
  ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw error(doing, result.get());
  return result;
}

void PgSession::start_copy(const std::string& sql, const std::string& doing) {
  PgResult result(PQexec(handle(), sql.c_str()));
  ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COPY_OUT && status != PGRES_COPY_IN) throw error(doing, result.get());
}

void PgSession::finish_copy(const std::string& doing) {
  std::optional<DatabaseError> failure;
  // Every result is read, so that the connection is ready for the next command.
  while (PGresult* raw = PQgetResult(handle())) {
    PgResult result(raw);
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && !failure) failure = error(doing, raw);
  }
  if (failure) throw *failure;
}

DatabaseError PgSession::error(const std::string& doing, const PGresult* result) const {
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string words = primary ? primary : PQerrorMessage(handle());
  return DatabaseError("cannot " + doing + " on " + dsn().to_string() + ": " + one_line(words));
}

}  // namespace planrun
