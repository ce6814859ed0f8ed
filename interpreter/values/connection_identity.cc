#include "interpreter/values/connection_identity.h"

#include <algorithm>
#include <cctype>

namespace planrun {

int default_port(Dsn::Kind kind) {
  switch (kind) {
    case Dsn::Kind::Postgresql: return 5432;
    case Dsn::Kind::Mysql: return 3306;
    case Dsn::Kind::Sqlite:
    case Dsn::Kind::H2: return 0;
  }
  return 0;
}

ConnectionIdentity ConnectionIdentity::of(const Dsn& dsn) {
  ConnectionIdentity identity;
  identity.kind = dsn.kind;
  if (dsn.kind == Dsn::Kind::Sqlite || dsn.kind == Dsn::Kind::H2) {
    identity.database = dsn.path;
    return identity;
  }
  identity.user = dsn.user;
  identity.host = dsn.host;
  std::transform(identity.host.begin(), identity.host.end(), identity.host.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  identity.port = dsn.port ? dsn.port : default_port(dsn.kind);
  identity.database = dsn.database;
  return identity;
}

bool ConnectionIdentity::same_database(const ConnectionIdentity& other) const {
  return kind == other.kind && host == other.host && port == other.port && database == other.database;
}

}  // namespace planrun
