#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/values/dsn.h"

namespace planrun {

// Whose rules a script is split by: each database's own command-line client splits differently.
enum class SqlDialect {
  Sqlite,      // the sqlite3 shell: '' strings, "" `` [] identifiers, -- and /* */ comments,
               // CREATE TRIGGER ... BEGIN ... END bodies (sqlite3_complete decides)
  Postgresql,  // psql: $tag$ dollar quotes, E'' escapes, nested /* */, `;` inside ( ) or a
               // CREATE FUNCTION ... BEGIN ATOMIC ... END body does not end a statement
  Mysql,       // mysql/mariadb: backslash escapes in '' and "", ``, #, `-- ` (with a space),
               // /*! */ and /*+ */ kept as code, DELIMITER lines
};

// One statement of a script: its text without the delimiter that ended it, and where its first
// character is in the script (1-based line and column, columns counted in characters).
struct SqlStatement {
  std::string text;
  size_t line = 0;
  size_t column = 0;
};

// A script that cannot be split: an unterminated quote, comment or dollar quote (positioned at
// its start), a line holding only `/` (Oracle's SQL*Plus block end), a DELIMITER line without a
// delimiter. The message says what and why, without the position, which the caller prefixes.
struct SqlScriptError : std::runtime_error {
  SqlScriptError(const std::string& message, size_t line, size_t column)
      : std::runtime_error(message), line(line), column(column) {}
  size_t line;
  size_t column;
};

// Splits a script into statements as the dialect's own client does. Comments between statements
// and empty statements (`;;`) are dropped; comments inside a statement are kept. A last statement
// without a delimiter is kept, as psql and mysql run it at the end of their input.
std::vector<SqlStatement> split_sql_script(std::string_view text, SqlDialect dialect);

// The dialect of a database of `kind`; nullopt for H2, which planrun cannot open.
std::optional<SqlDialect> sql_dialect_of(Dsn::Kind kind);

// "SQLite", "PostgreSQL", "MariaDB/MySQL".
std::string dialect_name(SqlDialect dialect);

}  // namespace planrun
