#include "interpreter/databases/user_tables.h"

#include <soci/soci.h>

#include <algorithm>

namespace planrun {
namespace {

std::string tables_query(Dsn::Kind kind) {
  switch (kind) {
    case Dsn::Kind::Sqlite:
      return "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
             "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
    case Dsn::Kind::Postgresql:
      return "SELECT CAST(CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS text) "
             "AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
             "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
             "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
             "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";
    case Dsn::Kind::Mysql:
      return "SELECT CAST(table_name AS CHAR) FROM information_schema.tables "
             "WHERE table_schema = DATABASE()";
    case Dsn::Kind::H2:
      break;  // never opened: planrun moves H2 databases as files
  }
  return "";
}

}  // namespace

std::vector<std::string> user_tables(DatabaseConnection& connection) {
  std::vector<std::string> tables;
  soci::rowset<std::string> rows = connection.session().prepare << tables_query(connection.kind());
  for (const std::string& table : rows) tables.push_back(table);
  std::sort(tables.begin(), tables.end());  // byte order, whatever the server's collation
  return tables;
}

}  // namespace planrun
