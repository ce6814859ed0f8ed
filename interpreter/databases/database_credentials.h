#pragma once

#include <map>
#include <optional>
#include <string>

#include "interpreter/values/connection_identity.h"
#include "interpreter/values/value.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// The login planrun knows for one database: the user (from the bound DSN) and its password.
struct Credential {
  std::string user;
  std::string password;
};

// Passwords of the databases a plan binds to `secret` params (`password: NAME`), keyed by
// connection identity, so that any DSN naming the same account finds its password: the param's
// own DSN, its JDBC form, a DSN a step derives from it. Built once per run; holds passwords in
// memory only and never prints them.
class DatabaseCredentials {
 public:
  // The bindings of a compiled plan with its resolved parameter values.
  static DatabaseCredentials from_params(const ActionGraph& graph, const std::map<std::string, Value>& values);

  void add(const Dsn& dsn, std::string password);
  // The login for `dsn`: its own account's, or, for a DSN without a user (a JDBC URL), the one
  // account bound for that database; nullopt when none is bound (or several could be meant), and
  // the database's own conventions apply (~/.pgpass, MariaDB option files).
  std::optional<Credential> find(const Dsn& dsn) const;

 private:
  std::map<ConnectionIdentity, std::string> passwords_;
};

}  // namespace planrun
