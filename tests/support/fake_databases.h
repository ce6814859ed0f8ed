#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "interpreter/values/connection_identity.h"
#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"

// SOCI's SQLite factory, declared here rather than through soci-sqlite3.h, which puts sqlite3.h
// in a namespace of its own: a test including this file can still include <sqlite3.h>.
namespace soci {
extern "C" backend_factory const* factory_sqlite3();
}

namespace planrun::testing {

// Databases for unit tests of steps: every DSN, of any kind, is an SQLite in-memory database,
// one per connection identity, that lives as long as the fake (so a step's two connections to
// one DSN see the same tables, and a test can look at what the step left). Records what was
// asked; `refuse` makes one DSN fail to open, as a server that is down would.
class FakeDatabases final : public Databases {
 public:
  struct Request {
    std::string dsn;  // as Dsn::to_string() writes it
    bool read_only = false;
  };

  std::unique_ptr<DatabaseConnection> open(const Dsn& dsn, const OpenOptions& options = {}) override {
    requests.push_back({dsn.to_string(), options.read_only});
    if (auto refused = refusals_.find(dsn.to_string()); refused != refusals_.end())
      throw DatabaseError("cannot connect to " + dsn.to_string() + ": " + refused->second);
    auto session = std::make_unique<soci::session>(*soci::factory_sqlite3(), memory_name(dsn));
    if (options.read_only) *session << "PRAGMA query_only = ON";
    return std::make_unique<DatabaseConnection>(dsn, std::move(session), options.read_only);
  }

  // Opening `dsn` (as Dsn::to_string() writes it) throws DatabaseError with this server message.
  void refuse(const std::string& dsn, const std::string& message) { refusals_[dsn] = message; }

  // A connection of the test's own to the database `dsn` names, e.g. to fill or inspect it.
  soci::session& inspect(const Dsn& dsn) {
    memory_name(dsn);
    return *keepers_.at(ConnectionIdentity::of(dsn));
  }

  std::vector<Request> requests;

 private:
  // The shared-cache in-memory database of dsn's identity; kept alive by one session of our own.
  std::string memory_name(const Dsn& dsn) {
    ConnectionIdentity identity = ConnectionIdentity::of(dsn);
    auto [found, added] = names_.try_emplace(identity, "");
    if (added) {
      found->second = "db=\"file:planrun-fake-" + std::to_string(reinterpret_cast<uintptr_t>(this)) + "-" +
                      std::to_string(names_.size()) + "?mode=memory&cache=shared\"";
      keepers_[identity] = std::make_unique<soci::session>(*soci::factory_sqlite3(), found->second);
    }
    return found->second;
  }

  std::map<ConnectionIdentity, std::string> names_;
  std::map<ConnectionIdentity, std::unique_ptr<soci::session>> keepers_;
  std::map<std::string, std::string> refusals_;
};

}  // namespace planrun::testing
