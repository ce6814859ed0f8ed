#pragma once

#include <string>

#include "interpreter/steps/sql/sql_script.h"
#include "interpreter/databases/dialect/database_dialect.h"

namespace planrun {

// A failed statement, as a compiler would report it: where the statement starts, the database's
// code and message, and the line the database points at with a caret under the spot (the
// statement's first line when the database points nowhere):
//
//   upgrade.sql:3:1: statement 2 of 5 failed: SQLSTATE 42P01: relation "nope" does not exist
//       4 |   FROM nope
//         |        ^
std::string statement_failure_message(const SqlScript& script, size_t index, const StatementError& error);

// The database's code and the first line of its message: "SQLSTATE 42P01: relation "nope" does not exist".
std::string database_said(const StatementError& error);

}  // namespace planrun
