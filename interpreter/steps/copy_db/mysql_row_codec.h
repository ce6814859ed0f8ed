#pragma once

#include <string>
#include <vector>

#include "interpreter/steps/copy_db/database_copier.h"

namespace planrun {

class MysqlSession;

// How one table's rows travel: the source SELECT, the target LOAD DATA, and the line each row
// becomes. Every value crosses as the server's exact text or bytes (character_set_results and
// LOAD DATA's character set are binary); the few types whose text is not exact are read through
// an exact form: FLOAT as its DOUBLE value (FLOAT text has 6 digits), BIT, ENUM and SET as
// numbers (LOAD DATA would store their text as bytes or names). Generated columns are left to
// the target to compute.
class MysqlTableCodec {
 public:
  // The table's columns from the catalogue; a DatabaseError names a column whose type cannot
  // be carried exactly (spatial types) or a table the login cannot see.
  static MysqlTableCodec of(MysqlSession& catalog, const std::string& table);

  const std::string& select_sql() const { return select_sql_; }
  const std::string& load_sql() const { return load_sql_; }
  // Whether a warning of LOAD DATA is one an exact copy gives: storing an ENUM's index 0 (the
  // empty error value that non-strict inserts leave) always warns.
  bool expected_warning(const std::string& message) const;

 private:
  std::string select_sql_;
  std::string load_sql_;
  std::vector<std::string> enum_columns_;
};

// Appends one row as a line of LOAD DATA's default text form (tab between fields, \N for NULL,
// backslash escapes for backslash, tab, newline and NUL). The encoding is one-to-one, so the
// line is also what the table checksum (TableChecksum) hashes.
void append_mysql_line(std::string& out, char** values, const unsigned long* lengths, unsigned columns);

}  // namespace planrun
