// copy-db on SQLite. The target connection ATTACHes the source read-only (mode=ro, immutable
// when no writer's -wal is beside it), so every table is copied by one
// `INSERT INTO main.t SELECT * FROM src.t`: into an empty table with no secondary index, SQLite
// moves the records as they are stored (its transfer optimisation), so values, storage classes
// and rowids come across bit for bit and as fast as SQLite can write pages. The schema is the
// source's own CREATE text from sqlite_master, run unchanged: tables first, then indexes,
// triggers and views once the data is in, then sqlite_sequence (AUTOINCREMENT counters).

#include "interpreter/steps/copy_db/sqlite_copier.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/databases/dialect/sqlite_dialect.h"
#include "interpreter/databases/sqlite_read_only.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/copy_db/sqlite_statement.h"
#include "interpreter/steps/copy_db/sqlite_readers.h"

namespace planrun {
namespace {


class SqliteCopier final : public DatabaseCopier {
 public:
  SqliteCopier(Databases& databases, const Dsn& from, const Dsn& to)
      : from_(from),
        to_(to),
        target_(databases.open(to)),
        db_(target_->sqlite_handle()),
        source_readers_(databases, from),
        target_readers_(databases, to) {
    if (!db_) throw DatabaseError("copy-db: the connection to " + to.to_string() + " has no SQLite handle");
    // No foreign key enforcement while loading (tables arrive in any order) and no transfer
    // blocker; the target's own checks run when the application next opens it.
    execute("PRAGMA foreign_keys = OFF");
    SqliteStatement attach(db_, "ATTACH DATABASE ?1 AS src");
    attach.bind_text(1, sqlite_read_only_uri(from.path));
    attach.run_to_end("attaching the source " + from.to_string());
    // A larger page cache keeps b-tree interior pages of both files in memory. No memory map:
    // its pages would count in planrun's resident memory, which must not grow with the database.
    execute("PRAGMA main.cache_size = -65536");
    // Reading sqlite_master now fails here, naming the file, when it is not a database.
    source_entries("table");
    version_at_open_ = file_version(from.path);
  }

  std::vector<std::string> source_tables() override { return names(source_entries("table")); }

  std::string source_version() override { return file_version(from_.path); }

  TableEstimate estimate(const std::string& table) override {
    // Rows only: cheap for a rowid table (two lookups at the ends of its b-tree); a WITHOUT
    // ROWID table reports none. Bytes would need dbstat, which reads every page of the table:
    // one more pass over the data just to order the tables.
    TableEstimate estimate;
    SqliteStatement rowids = SqliteStatement::optional(
        db_, "SELECT max(rowid) - min(rowid) + 1 FROM src." + SqliteDialect::quote_identifier(table));
    if (rowids.try_prepare_ok() && rowids.step()) estimate.rows = static_cast<uint64_t>(std::max<int64_t>(0, rowids.column_int64(0)));
    return estimate;
  }

  std::vector<std::string> target_tables() override {
    std::vector<std::string> found;
    SqliteStatement list(db_, "SELECT name FROM main.sqlite_master WHERE type IN ('table', 'view') "
                              "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    while (list.step()) found.push_back(list.column_text(0));
    return found;
  }

  void create_tables(const std::vector<std::string>& tables) override {
    std::lock_guard lock(mutex_);
    std::set<std::string> wanted(tables.begin(), tables.end());
    std::set<std::string> present = main_names("table");
    Transaction transaction(*this);
    for (const Entry& entry : source_entries("table"))
      if (wanted.count(entry.name) && !present.count(entry.name)) execute(entry.sql);
    transaction.commit();
  }

  TableSummary copy_table(const std::string& table, const CopiedRows& copied,
                          const CancellationToken& cancel) override {
    // The source's checksum is read on a connection of its own, beside the writer, which
    // may be copying another table meanwhile.
    TableSummary summary = source_readers_.summarize(table, copied, cancel);
    std::lock_guard lock(mutex_);  // one writer: SQLite writes a file one transaction at a time
    // Stops a long INSERT soon after a cancellation request.
    auto interrupt = cancel.on_request([this] { sqlite3_interrupt(db_); });
    Transaction transaction(*this);
    std::string name = SqliteDialect::quote_identifier(table);
    execute("DELETE FROM main." + name);
    SqliteStatement insert(db_, "INSERT INTO main." + name + " SELECT * FROM src." + name);
    insert.run_to_end("copying table " + table, &cancel);
    // Each table is read in its own transactions: the copy is of one snapshot only if nobody
    // wrote the source between the first read and this one.
    if (file_version(from_.path) != version_at_open_)
      throw DatabaseError("the source " + from_.to_string() +
                          " was written while it was being copied; stop whatever writes it and run again");
    transaction.commit();
    return summary;
  }

  void finish_schema(const std::vector<std::string>& tables) override {
    std::lock_guard lock(mutex_);
    std::set<std::string> wanted(tables.begin(), tables.end());
    Transaction transaction(*this);
    for (const char* type : {"index", "trigger", "view"}) {
      std::set<std::string> present = main_names(type);
      for (const Entry& entry : source_entries(type)) {
        bool belongs = std::string(type) == "view" || wanted.count(entry.table);
        if (belongs && !present.count(entry.name)) execute(entry.sql);
      }
    }
    copy_autoincrement_counters(tables);
    transaction.commit();
  }

  TableSummary target_summary(const std::string& table) override {
    static const CancellationToken never;
    return target_readers_.summarize(table, nullptr, never);
  }

  void drop_tables(const std::vector<std::string>& tables) override {
    std::lock_guard lock(mutex_);
    Transaction transaction(*this);
    // The target was empty when copy-db began: every view in it is copy-db's.
    for (const std::string& view : main_names("view"))
      execute("DROP VIEW IF EXISTS main." + SqliteDialect::quote_identifier(view));
    for (const std::string& table : tables) execute("DROP TABLE IF EXISTS main." + SqliteDialect::quote_identifier(table));
    if (!main_names("table").count("sqlite_sequence")) return transaction.commit();
    for (const std::string& table : tables) {
      SqliteStatement forget(db_, "DELETE FROM main.sqlite_sequence WHERE name = ?1");
      forget.bind_text(1, table);
      forget.run_to_end("dropping the copied tables");
    }
    transaction.commit();
  }

 private:
  struct Entry {
    std::string name, table, sql;
  };

  // BEGIN IMMEDIATE ... COMMIT, rolled back when left by an exception.
  class Transaction {
   public:
    explicit Transaction(SqliteCopier& copier) : copier_(copier) { copier_.execute("BEGIN IMMEDIATE"); }
    ~Transaction() {
      if (open_) copier_.target_->dialect().execute("ROLLBACK");
    }
    void commit() {
      copier_.execute("COMMIT");
      open_ = false;
    }

   private:
    SqliteCopier& copier_;
    bool open_ = true;
  };

  void execute(const std::string& sql) {
    if (std::optional<StatementError> error = target_->dialect().execute(sql))
      throw DatabaseError(to_.to_string() + ": " + error->message + " (running: " + sql.substr(0, 200) + ")");
  }

  // The source's schema entries of one type, in creation order (rowid), those SQLite makes
  // itself (sqlite_*, automatic indexes without SQL) left out.
  std::vector<Entry> source_entries(const std::string& type) {
    std::vector<Entry> entries;
    SqliteStatement list(db_, "SELECT name, tbl_name, sql FROM src.sqlite_master WHERE type = ?1 AND sql IS NOT NULL "
                              "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid");
    list.bind_text(1, type);
    while (list.step()) entries.push_back({list.column_text(0), list.column_text(1), list.column_text(2)});
    return entries;
  }

  std::set<std::string> main_names(const std::string& type) {
    std::set<std::string> found;
    SqliteStatement list(db_, "SELECT name FROM main.sqlite_master WHERE type = ?1");
    list.bind_text(1, type);
    while (list.step()) found.insert(list.column_text(0));
    return found;
  }

  static std::vector<std::string> names(const std::vector<Entry>& entries) {
    std::vector<std::string> found;
    for (const Entry& entry : entries) found.push_back(entry.name);
    return found;
  }

  void copy_autoincrement_counters(const std::vector<std::string>& tables) {
    if (!main_names("table").count("sqlite_sequence")) return;
    for (const std::string& table : tables) {
      SqliteStatement forget(db_, "DELETE FROM main.sqlite_sequence WHERE name = ?1");
      forget.bind_text(1, table);
      forget.run_to_end("copying the AUTOINCREMENT counters");
      SqliteStatement copy(db_, "INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence WHERE name = ?1");
      copy.bind_text(1, table);
      copy.run_to_end("copying the AUTOINCREMENT counters");
    }
  }

  // What changes when anyone writes the file: its header (the change counter at byte 24 is
  // bumped by every write transaction in rollback mode), size and modification time, and the
  // same of a -wal file (a WAL commit appends to it).
  static std::string file_version(const std::filesystem::path& file) {
    std::string identity;
    for (const std::string& name : {file.string(), file.string() + "-wal"}) {
      struct stat status {};
      if (::stat(name.c_str(), &status) != 0) {
        identity += "absent;";
        continue;
      }
      identity += std::to_string(status.st_size) + ":" + std::to_string(status.st_mtim.tv_sec) + "." +
                  std::to_string(status.st_mtim.tv_nsec) + ";";
      char header[100] = {};
      std::ifstream(name, std::ios::binary).read(header, sizeof header);
      identity.append(header, sizeof header);
    }
    XXH128_hash_t hash = XXH3_128bits(identity.data(), identity.size());
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                  static_cast<unsigned long long>(hash.low64));
    return hex;
  }

  Dsn from_, to_;
  std::unique_ptr<DatabaseConnection> target_;
  sqlite3* db_;
  SqliteReaders source_readers_;
  SqliteReaders target_readers_;  // opened for verification only, once every write is committed
  std::string version_at_open_;
  std::mutex mutex_;
};

}  // namespace

std::unique_ptr<DatabaseCopier> make_sqlite_copier(Databases& databases, const Dsn& from, const Dsn& to,
                                                   const CopyOptions&) {
  // Before anything is opened: opening the target creates its file.
  if (!std::filesystem::exists(from.path)) throw DatabaseError("cannot open " + from.to_string() + ": no such file");
  if (std::filesystem::exists(to.path) && std::filesystem::equivalent(from.path, to.path))
    throw DatabaseError("copy-db: the source and the target are the same file, " + from.path);
  return std::make_unique<SqliteCopier>(databases, from, to);
}

}  // namespace planrun
