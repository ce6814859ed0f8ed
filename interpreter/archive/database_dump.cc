#include "interpreter/archive/database_dump.h"

#include <soci/soci.h>

#include <stdexcept>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/h2_files.h"
#include "interpreter/databases/user_tables.h"
#include "interpreter/archive/h2_dump.h"
#include "interpreter/archive/mariadb_dump.h"
#include "interpreter/archive/postgresql_dump.h"
#include "interpreter/archive/sqlite_dump.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

const DatabaseDump* const* all_dumps() {
  static const PostgresqlDump postgresql;
  static const MariadbDump mariadb;
  static const SqliteDump sqlite;
  static const H2Dump h2_page_store(".h2.db");
  static const H2Dump h2_mv_store(".mv.db");
  static const DatabaseDump* const dumps[] = {&postgresql, &mariadb, &sqlite, &h2_page_store, &h2_mv_store, nullptr};
  return dumps;
}

// The dump of H2 version 1.3, which Carbon 4.4 ships, unless the database is in 1.4's format.
std::string dump_name_for(const Dsn& database) {
  if (database.kind != Dsn::Kind::H2) return "";
  std::vector<std::filesystem::path> files = h2_data_files(database);
  bool mv_store = !files.empty() && files.front().string().ends_with(".mv.db");
  return mv_store ? "database.mv.db" : "database.h2.db";
}

}  // namespace

std::optional<std::string> DatabaseDump::held_by(const Dsn& target, const DumpServices& services) const {
  std::vector<std::string> tables;
  try {
    tables = user_tables(*services.databases.open(target));
  } catch (const DatabaseError& error) {
    throw StepFailure(StepFailure::Kind::Failed, services.masker.mask(error.what()));
  } catch (const soci::soci_error& error) {
    throw StepFailure(StepFailure::Kind::Failed,
                      services.masker.mask("cannot list the tables of " + target.to_string() + ": " + error.what()));
  }
  if (tables.empty()) return std::nullopt;
  return std::to_string(tables.size()) + (tables.size() == 1 ? " table, " : " tables, ") + tables.front() + " first";
}

const DatabaseDump& database_dump_for(const Dsn& database) {
  std::string name = dump_name_for(database);
  for (const DatabaseDump* const* dump = all_dumps(); *dump; ++dump)
    if ((*dump)->kind() == database.kind && (name.empty() || (*dump)->file_name() == name)) return **dump;
  // Every kind a Dsn can have has a dump; a new kind without one is a bug in planrun.
  throw std::logic_error("no dump format for " + database.to_string());
}

const DatabaseDump* database_dump_named(const std::string& name) {
  for (const DatabaseDump* const* dump = all_dumps(); *dump; ++dump)
    if ((*dump)->file_name() == name) return *dump;
  return nullptr;
}

}  // namespace planrun
