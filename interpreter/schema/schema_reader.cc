#include "interpreter/schema/schema_reader.h"

#include <soci/soci.h>

#include "interpreter/databases/database_connection.h"
#include "interpreter/databases/database_error.h"
#include "interpreter/schema/catalog_rows.h"

namespace planrun {
namespace {

std::string current_namespace(DatabaseConnection& connection) {
  const char* query = connection.kind() == Dsn::Kind::Postgresql ? "SELECT CAST(current_schema() AS text)"
                                                                  : "SELECT CAST(DATABASE() AS CHAR)";
  std::vector<CatalogRow> rows = catalog_rows(connection.session(), query);
  if (rows.empty() || rows.front().is_null(0))
    throw DatabaseError("cannot read the schema of " + connection.dsn().to_string() +
                        ": the session has no current " +
                        (connection.kind() == Dsn::Kind::Postgresql ? "schema (search_path)" : "database"));
  return rows.front().text(0);
}

}  // namespace

DatabaseSchema read_schema(DatabaseConnection& connection, const std::string& namespace_name) {
  try {
    switch (connection.kind()) {
      case Dsn::Kind::Sqlite: return read_sqlite_schema(connection);
      case Dsn::Kind::Postgresql:
        return read_postgresql_schema(connection,
                                      namespace_name.empty() ? current_namespace(connection) : namespace_name);
      case Dsn::Kind::Mysql:
        return read_mysql_schema(connection,
                                 namespace_name.empty() ? current_namespace(connection) : namespace_name);
      case Dsn::Kind::H2: break;
    }
  } catch (const soci::soci_error& error) {
    throw DatabaseError("cannot read the schema of " + connection.dsn().to_string() + ": " + error.what());
  }
  throw DatabaseError("cannot read the schema of " + connection.dsn().to_string() +
                      ": planrun has no H2 engine, and compares schemas on SQLite, PostgreSQL and MariaDB/MySQL only");
}

}  // namespace planrun
