#pragma once

#include "interpreter/archive/database_dump.h"

namespace planrun {

// H2 (Carbon's embedded default): planrun has no H2 engine, so the "dump" is the database's data
// file itself (h2_files.h), copied byte for byte with the servers stopped: database.h2.db for
// H2 1.3's page store (what Carbon 4.4 ships), database.mv.db for 1.4's MVStore. Restorable
// without planrun by copying the file back to PATH.h2.db. Checked by the file's H2 header and
// the backup's sha256; what H2 itself would check inside the file is not.
class H2Dump final : public DatabaseDump {
 public:
  explicit H2Dump(std::string suffix) : suffix_(std::move(suffix)) {}  // ".h2.db" or ".mv.db"
  Dsn::Kind kind() const override { return Dsn::Kind::H2; }
  std::string file_name() const override { return "database" + suffix_; }
  void dump(const Dsn& source, const std::filesystem::path& file, const DumpServices& services) const override;
  void check(const std::filesystem::path& file, const DumpServices& services) const override;
  std::optional<std::string> held_by(const Dsn& target, const DumpServices& services) const override;
  void clear(const Dsn& target, const DumpServices& services) const override;
  void restore(const std::filesystem::path& file, const Dsn& target, const DumpServices& services) const override;

 private:
  std::string suffix_;
};

}  // namespace planrun
