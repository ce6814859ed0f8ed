#pragma once

#include "interpreter/archive/database_dump.h"

namespace planrun {

// MariaDB and MySQL: mariadb-dump --single-transaction (a consistent snapshot of InnoDB
// tables without locking them) as SQL with routines, triggers and binary columns in hex,
// checked by its completion line and restored with the mariadb client. The login reaches the
// tools in a 0600 option file in the step's work directory, removed when they end.
class MariadbDump final : public DatabaseDump {
 public:
  Dsn::Kind kind() const override { return Dsn::Kind::Mysql; }
  std::string file_name() const override { return "database.sql"; }
  void dump(const Dsn& source, const std::filesystem::path& file, const DumpServices& services) const override;
  void check(const std::filesystem::path& file, const DumpServices& services) const override;
  void clear(const Dsn& target, const DumpServices& services) const override;
  void restore(const std::filesystem::path& file, const Dsn& target, const DumpServices& services) const override;
};

}  // namespace planrun
