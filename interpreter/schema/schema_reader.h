#pragma once

#include <string>

#include "interpreter/schema/database_schema.h"

namespace planrun {

class DatabaseConnection;

// Reads a database's schema from its catalogs, never writing: SQLite the main database;
// PostgreSQL the schema `namespace_name` (empty: the session's current schema, `public` for
// Carbon); MariaDB/MySQL the database `namespace_name` (empty: the connection's database).
// Throws DatabaseError naming the database when a catalog query fails.
DatabaseSchema read_schema(DatabaseConnection& connection, const std::string& namespace_name = "");

// One reader per backend (sqlite_schema_reader.cc, postgresql_schema_reader.cc, mysql_schema_reader.cc).
DatabaseSchema read_sqlite_schema(DatabaseConnection& connection);
DatabaseSchema read_postgresql_schema(DatabaseConnection& connection, const std::string& schema);
DatabaseSchema read_mysql_schema(DatabaseConnection& connection, const std::string& database);

}  // namespace planrun
