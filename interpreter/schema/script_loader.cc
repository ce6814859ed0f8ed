#include "interpreter/schema/script_loader.h"

#include "interpreter/databases/database_connection.h"
#include "interpreter/databases/database_error.h"
#include "interpreter/databases/dialect/database_dialect.h"
#include "interpreter/databases/sql_script/sql_statement_splitter.h"

namespace planrun {
namespace {

std::string position(size_t line, size_t column) { return "line " + std::to_string(line) + ":" + std::to_string(column); }

}  // namespace

void load_script_into(DatabaseConnection& connection, const std::string& text) {
  std::vector<SqlStatement> statements;
  try {
    statements = split_sql_script(text, sql_dialect_of(connection.kind()).value_or(SqlDialect::Sqlite));
  } catch (const SqlScriptError& error) {
    throw DatabaseError(position(error.line, error.column) + ": " + error.what());
  }
  DatabaseDialect& dialect = connection.dialect();
  for (const SqlStatement& statement : statements)
    if (std::optional<StatementError> error = dialect.execute(statement.text))
      throw DatabaseError(position(statement.line, statement.column) + ": " + one_line(error->message));
}

}  // namespace planrun
