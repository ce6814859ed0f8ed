#pragma once

#include <string>

namespace planrun {

class DatabaseConnection;

// Runs a whole SQL script, several statements, on `connection` with the backend's own
// multi-statement execution: sqlite3_exec, one PQexec (the simple-query protocol runs every
// statement of the string), mysql_real_query with multi-statements on. The one place that
// executes scripts, so that a statement splitter can replace it. Throws DatabaseError with the
// server's message; statements before the failing one may have run.
void load_script_into(DatabaseConnection& connection, const std::string& text);

}  // namespace planrun
