#include "interpreter/archive/sqlite_dump.h"

#include <soci/soci.h>
#include <sqlite3.h>

#include "interpreter/databases/database_error.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

// Pages copied per backup step, between which a cancellation is noticed.
constexpr int pages_per_step = 1024;

Dsn sqlite_dsn(const fs::path& file) {
  Dsn dsn;
  dsn.kind = Dsn::Kind::Sqlite;
  dsn.path = file.string();
  return dsn;
}

std::unique_ptr<DatabaseConnection> open(const Dsn& dsn, bool read_only, const DumpServices& services) {
  try {
    return services.databases.open(dsn, {.read_only = read_only});
  } catch (const DatabaseError& error) {
    throw StepFailure(Kind::Failed, services.masker.mask(error.what()));
  }
}

// Copies every page of `from` into `to` with the online backup API, as one transaction on `to`.
void copy_pages(DatabaseConnection& from, DatabaseConnection& to, const std::string& doing,
                const DumpServices& services) {
  sqlite3_backup* backup = sqlite3_backup_init(to.sqlite_handle(), "main", from.sqlite_handle(), "main");
  if (!backup) throw StepFailure(Kind::Failed, "cannot " + doing + ": " + sqlite3_errmsg(to.sqlite_handle()));
  int status = SQLITE_OK;
  while (status == SQLITE_OK || status == SQLITE_BUSY || status == SQLITE_LOCKED) {
    if (services.cancel.requested()) {
      sqlite3_backup_finish(backup);  // rolls the unfinished copy back
      throw StepFailure(Kind::Cancelled, "the run was interrupted while it was going to " + doing);
    }
    status = sqlite3_backup_step(backup, pages_per_step);
    if (status == SQLITE_BUSY || status == SQLITE_LOCKED) sqlite3_sleep(50);
  }
  sqlite3_backup_finish(backup);
  if (status != SQLITE_DONE)
    throw StepFailure(Kind::Failed, "cannot " + doing + ": " + sqlite3_errstr(status));
}

void fail_sql(const std::string& doing, const soci::soci_error& error) {
  throw StepFailure(Kind::Failed, "cannot " + doing + ": " + error.what());
}

}  // namespace

void SqliteDump::dump(const Dsn& source, const fs::path& file, const DumpServices& services) const {
  std::string doing = "back up " + source.to_string() + " to " + file.string();
  std::unique_ptr<DatabaseConnection> from = open(source, true, services);
  std::unique_ptr<DatabaseConnection> to = open(sqlite_dsn(file), false, services);
  copy_pages(*from, *to, doing, services);
  try {
    to->session() << "PRAGMA journal_mode=DELETE";  // one file, whatever the source's mode
  } catch (const soci::soci_error& error) {
    fail_sql(doing, error);
  }
}

void SqliteDump::check(const fs::path& file, const DumpServices& services) const {
  std::string verdict;
  try {
    std::unique_ptr<DatabaseConnection> copy = open(sqlite_dsn(file), true, services);
    copy->session() << "PRAGMA integrity_check(1)", soci::into(verdict);
  } catch (const soci::soci_error& error) {
    fail_sql("check " + file.string(), error);
  }
  if (verdict != "ok") throw StepFailure(Kind::Failed, "the copy " + file.string() + " is damaged: " + verdict);
}

void SqliteDump::clear(const Dsn&, const DumpServices&) const {
  // Nothing: the backup API replaces every page of the target in its own transaction.
}

void SqliteDump::restore(const fs::path& file, const Dsn& target, const DumpServices& services) const {
  std::unique_ptr<DatabaseConnection> from = open(sqlite_dsn(file), true, services);
  std::unique_ptr<DatabaseConnection> to = open(target, false, services);
  copy_pages(*from, *to, "restore " + file.string() + " into " + target.to_string(), services);
}

}  // namespace planrun
