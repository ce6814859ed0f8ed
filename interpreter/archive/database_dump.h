#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "interpreter/archive/dump_tools.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// One kind of database's own backup format, written, checked and restored with that database's
// own tools, so a backup is usable without planrun: PostgreSQL's pg_dump custom format,
// MariaDB/MySQL's mariadb-dump SQL, an SQLite database file made by the online backup API,
// H2's data file itself.
class DatabaseDump {
 public:
  virtual ~DatabaseDump() = default;
  virtual Dsn::Kind kind() const = 0;
  // The dump's name inside a backup directory: database.dump, database.sql, database.db.
  virtual std::string file_name() const = 0;
  // Writes the dump of `source` to `file` (a temporary name; the caller publishes it). Only reads `source`.
  virtual void dump(const Dsn& source, const std::filesystem::path& file, const DumpServices& services) const = 0;
  // Checks a written dump with the database's own means (pg_restore --list, the end marker
  // mariadb-dump writes, SQLite's integrity check); fails the step naming what is wrong.
  virtual void check(const std::filesystem::path& file, const DumpServices& services) const = 0;
  // What `target` holds that a restore would replace ("3 tables, UM_USER first"), or nullopt
  // when it is empty; by default its tables.
  virtual std::optional<std::string> held_by(const Dsn& target, const DumpServices& services) const;
  // Empties `target`, losing what it holds (restore with replace: true).
  virtual void clear(const Dsn& target, const DumpServices& services) const = 0;
  // Restores `file` into `target`, which holds no tables.
  virtual void restore(const std::filesystem::path& file, const Dsn& target, const DumpServices& services) const = 0;
};

// The format `database` is backed up in (for H2, the one of the data file it has).
const DatabaseDump& database_dump_for(const Dsn& database);
// The format whose file_name() is `name`, or nullptr.
const DatabaseDump* database_dump_named(const std::string& name);

}  // namespace planrun
