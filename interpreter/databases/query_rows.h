#pragma once

#include <string>

#include "interpreter/databases/database_connection.h"
#include "interpreter/values/value.h"

namespace planrun {

// A query's whole result as rows, each a Value::List of its cells: integers and floating
// point numbers as numbers whatever their column type (COUNT(*) is an int on SQLite and a
// bigint on PostgreSQL), dates as "YYYY-MM-DD HH:MM:SS", NULL as null, anything binary as
// "(binary)", the rest as text. For the steps that compare or publish what a query found
// (smoke-test's sql check, query). Throws soci::soci_error with the database's message.
Value::List query_rows(DatabaseConnection& connection, const std::string& query);

}  // namespace planrun
