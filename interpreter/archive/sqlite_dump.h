#pragma once

#include "interpreter/archive/database_dump.h"

namespace planrun {

// SQLite: a copy of the database file made with the online backup API (a consistent snapshot
// even while something reads it; the source is opened read-only), in rollback-journal mode so
// the copy is one self-contained file; checked with PRAGMA integrity_check and restored with the
// same API into the target, in one transaction.
class SqliteDump final : public DatabaseDump {
 public:
  Dsn::Kind kind() const override { return Dsn::Kind::Sqlite; }
  std::string file_name() const override { return "database.db"; }
  void dump(const Dsn& source, const std::filesystem::path& file, const DumpServices& services) const override;
  void check(const std::filesystem::path& file, const DumpServices& services) const override;
  void clear(const Dsn& target, const DumpServices& services) const override;
  void restore(const std::filesystem::path& file, const Dsn& target, const DumpServices& services) const override;
};

}  // namespace planrun
