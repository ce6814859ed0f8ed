#include "interpreter/state/state_connection.h"

#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/stat.h>

#include "interpreter/databases/sqlite_read_only.h"
#include "interpreter/state/state_schema.h"

namespace planrun {

namespace fs = std::filesystem;
using soci::into;

// Seconds a statement waits for another connection's write lock (`planrun status` reading while
// a run writes) before failing with "database is locked".
static constexpr int kBusyTimeoutSeconds = 10;

// Turns a SOCI failure into the error kind it is: a constraint violation is planrun misusing the
// store; everything else (not a database, corrupt, disk full, I/O) is for the user to act on.
[[noreturn]] void StateConnection::rethrow(const soci::soci_error& error, const fs::path& file) {
  auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error);
  int code = sqlite ? sqlite->result() & 0xff : -1;
  std::string cause = code >= 0 ? sqlite_api::sqlite3_errstr(code) : error.what();
  switch (code) {
    case SQLITE_NOTADB:
      throw StateError(file.string() + " is not a planrun state database (" + cause +
                       "); point --state at another directory, or move the file away");
    case SQLITE_CORRUPT:
      throw StateError(file.string() + " is corrupt (" + cause +
                       "); move it away to start over, or restore it from a backup");
    case SQLITE_CONSTRAINT:
      throw std::logic_error(std::string("state store: ") + error.what());
    default:  // full, I/O, read-only, cannot open: the system's refusal
      throw StateError("state database " + file.string() + ": " + cause, StateError::Cause::System);
  }
}

// Reading must not change a byte of the state.
static std::string database_name(const fs::path& file, StateAccess access) {
  return access == StateAccess::ReadWrite ? file.string() : sqlite_read_only_uri(file);
}

static std::string connect_string(const fs::path& file, StateAccess access) {
  // SOCI's connection-string parser has no escape for a double quote inside a quoted value.
  if (file.string().find('"') != std::string::npos) {
    throw StateError("state directory " + file.parent_path().string() +
                     ": a path containing '\"' is not supported");
  }
  std::string options = access == StateAccess::ReadOnly ? " readonly=true" : "";
  return "db=\"" + database_name(file, access) + "\" timeout=" + std::to_string(kBusyTimeoutSeconds) + options;
}

static void configure(soci::session& sql, const fs::path& file) {
  std::string mode;
  sql << "PRAGMA journal_mode = WAL", into(mode);
  if (mode != "wal") {
    throw StateError(file.string() + ": SQLite cannot use write-ahead logging there (journal mode '" +
                     mode + "'); keep the state directory on a local file system");
  }
  sql << "PRAGMA synchronous = FULL";
  sql << "PRAGMA foreign_keys = ON";
}

// Reads every page once: a damaged file is reported at open, not in the middle of a run.
static void check_integrity(soci::session& sql, const fs::path& file) {
  std::string result;
  sql << "PRAGMA quick_check(1)", into(result);
  if (result != "ok") {
    // "*** in database main ***\nPage 7: ..." names the schema first; the page is what matters.
    result = result.substr(result.find_last_of('\n') + 1);
    throw StateError(file.string() + " is corrupt (" + result +
                     "); move it away to start over, or restore it from a backup");
  }
}

std::optional<StateConnection::FileIdentity> StateConnection::identity_of(const fs::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return std::nullopt;
  return FileIdentity{info.st_dev, info.st_ino};
}

StateConnection::StateConnection(fs::path database, StateAccess access) : file_(std::move(database)) {
  try {
    sql_.open(soci::sqlite3, connect_string(file_, access));
    if (access == StateAccess::ReadOnly) {
      // A planrun killed while it created the store leaves a file without tables: it holds no
      // records, and a reader sees none (an empty store in memory) rather than an error.
      if (StateSchema::is_empty(sql_)) {
        sql_.close();
        sql_.open(soci::sqlite3, ":memory:");
        StateSchema::upgrade(sql_, file_);
        return;
      }
      StateSchema::check(sql_, file_);
      return;
    }
    configure(sql_, file_);
    check_integrity(sql_, file_);
    StateSchema::upgrade(sql_, file_);
    opened_ = identity_of(file_);
  } catch (const soci::soci_error& error) {
    rethrow(error, file_);
  }
}

void StateConnection::check_still_there() const {
  if (!opened_ || identity_of(file_) == opened_) return;
  throw StateError(file_.string() + " was removed or replaced during the run; what the run recorded there is "
                   "gone with it",
                   StateError::Cause::System);
}

}  // namespace planrun
