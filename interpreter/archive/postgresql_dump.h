#pragma once

#include "interpreter/archive/database_dump.h"

namespace planrun {

// PostgreSQL: pg_dump's custom format (compressed, restorable selectively with pg_restore),
// checked with pg_restore --list and restored with pg_restore in one transaction. The password
// reaches the tools as PGPASSWORD in their environment.
class PostgresqlDump final : public DatabaseDump {
 public:
  Dsn::Kind kind() const override { return Dsn::Kind::Postgresql; }
  std::string file_name() const override { return "database.dump"; }
  void dump(const Dsn& source, const std::filesystem::path& file, const DumpServices& services) const override;
  void check(const std::filesystem::path& file, const DumpServices& services) const override;
  void clear(const Dsn& target, const DumpServices& services) const override;
  void restore(const std::filesystem::path& file, const Dsn& target, const DumpServices& services) const override;
};

}  // namespace planrun
