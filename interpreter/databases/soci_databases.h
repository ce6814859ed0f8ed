#pragma once

#include "interpreter/databases/database_credentials.h"
#include "interpreter/databases/databases.h"

namespace planrun {

// The real database service: SOCI's SQLite, PostgreSQL and MySQL/MariaDB backends, linked in
// (no backend is loaded from disk at run time), with the run's credentials.
class SociDatabases final : public Databases {
 public:
  explicit SociDatabases(DatabaseCredentials credentials = {}) : credentials_(std::move(credentials)) {}
  std::unique_ptr<DatabaseConnection> open(const Dsn& dsn, const OpenOptions& options = {}) override;
  std::optional<Credential> login(const Dsn& dsn) const override { return credentials_.find(dsn); }

 private:
  DatabaseCredentials credentials_;
};

}  // namespace planrun
