#pragma once

#include <string>
#include <vector>

#include "interpreter/databases/database_connection.h"

namespace planrun {

// The user's tables, views and sequences in the connected database, in byte order: SQLite's
// sqlite_master without sqlite_*; PostgreSQL's outside the system schemas, named schema.table
// outside `public`; MySQL/MariaDB's tables of the connected database. What "empty" means to
// assert-db-empty and to a restore. Throws soci::soci_error when the query fails.
std::vector<std::string> user_tables(DatabaseConnection& connection);

}  // namespace planrun
