#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "interpreter/values/dsn.h"

namespace planrun {

// What a database said when it refused a statement, in its own words and codes.
struct StatementError {
  Dsn::Kind kind = Dsn::Kind::Sqlite;  // whose codes these are
  int code = 0;          // SQLite's extended result code, MariaDB/MySQL's error number; 0 for PostgreSQL
  std::string sqlstate;  // "42P01"; empty for SQLite, which has none
  std::string message;   // the database's words as it gave them (PostgreSQL's primary message)
  // Where in the statement the database points, as a byte offset into the statement's text
  // (PostgreSQL's error position, sqlite3_error_offset); nullopt where it gives none.
  std::optional<size_t> offset;
  // MariaDB/MySQL's "... at line N": the line within the statement (1-based).
  std::optional<size_t> line;

  // The code as the database's own client shows it: "SQLSTATE 42P01", "1146 (42S02)",
  // "SQL logic error (1)".
  std::string code_text() const;
};

// The database's own language, spoken on one open connection through its client library (SOCI
// hides the codes and positions a failure message needs): running a statement, and writing a
// string literal the way the connection's current settings read it. Owned by its
// DatabaseConnection (dialect()); one per database type, each with a static quote_identifier:
// no setting of a connection changes how an identifier is quoted, so it needs none.
class DatabaseDialect {
 public:
  virtual ~DatabaseDialect() = default;

  Dsn::Kind kind() const { return kind_; }
  // Runs one statement (SQLite: every statement of the text) and discards what it returns;
  // nullopt when it succeeded, else what the database said. The connection stays usable.
  virtual std::optional<StatementError> execute(const std::string& statement) = 0;
  // Asks a running execute() to stop, from another thread (cancellation); it then fails. A
  // no-op on MariaDB/MySQL, where only KILL QUERY from another connection stops a statement.
  virtual void interrupt() = 0;
  // `text` as a string literal that reads back as `text` on this connection now: MariaDB/MySQL
  // escapes with backslashes unless the session's sql_mode has NO_BACKSLASH_ESCAPES, PostgreSQL
  // doubles backslashes only when standard_conforming_strings is off. SQLite and PostgreSQL
  // text holds no NUL: their literals end at one.
  virtual std::string literal(std::string_view text) const = 0;

 protected:
  explicit DatabaseDialect(Dsn::Kind kind) : kind_(kind) {}
  // `text` between two `quote`s, a `quote` inside doubled.
  static std::string enclosed(std::string_view text, char quote);

 private:
  Dsn::Kind kind_;
};

}  // namespace planrun
