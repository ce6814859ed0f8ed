#include "interpreter/steps/archive/database_dump.h"

#include "interpreter/steps/archive/mariadb_dump.h"
#include "interpreter/steps/archive/postgresql_dump.h"
#include "interpreter/steps/archive/sqlite_dump.h"

namespace planrun {
namespace {

const DatabaseDump* const* all_dumps() {
  static const PostgresqlDump postgresql;
  static const MariadbDump mariadb;
  static const SqliteDump sqlite;
  static const DatabaseDump* const dumps[] = {&postgresql, &mariadb, &sqlite, nullptr};
  return dumps;
}

}  // namespace

const DatabaseDump* database_dump_for(Dsn::Kind kind) {
  for (const DatabaseDump* const* dump = all_dumps(); *dump; ++dump)
    if ((*dump)->kind() == kind) return *dump;
  return nullptr;
}

const DatabaseDump* database_dump_named(const std::string& name) {
  for (const DatabaseDump* const* dump = all_dumps(); *dump; ++dump)
    if ((*dump)->file_name() == name) return *dump;
  return nullptr;
}

}  // namespace planrun
