#include "interpreter/databases/database_credentials.h"

namespace planrun {

DatabaseCredentials DatabaseCredentials::from_params(const ActionGraph& graph, const std::map<std::string, Value>& values) {
  DatabaseCredentials credentials;
  for (const ParamNode& param : graph.params) {
    if (param.password_param.empty()) continue;
    auto dsn_value = values.find(param.name);
    auto password = values.find(param.password_param);
    if (dsn_value == values.end() || password == values.end()) continue;
    if (!dsn_value->second.is_string() || !password->second.is_string()) continue;
    // The param's value was checked as a DSN when it was resolved.
    if (auto dsn = parse_dsn(dsn_value->second.as_string(), nullptr))
      credentials.add(*dsn, password->second.as_string());
  }
  return credentials;
}

void DatabaseCredentials::add(const Dsn& dsn, std::string password) {
  passwords_[ConnectionIdentity::of(dsn)] = std::move(password);
}

std::optional<Credential> DatabaseCredentials::find(const Dsn& dsn) const {
  ConnectionIdentity wanted = ConnectionIdentity::of(dsn);
  if (auto exact = passwords_.find(wanted); exact != passwords_.end()) return Credential{wanted.user, exact->second};
  if (!wanted.user.empty()) return std::nullopt;
  std::optional<Credential> found;
  for (const auto& [identity, password] : passwords_) {
    if (!identity.same_database(wanted)) continue;
    if (found) return std::nullopt;  // two accounts on one database: which one is not ours to guess
    found = Credential{identity.user, password};
  }
  return found;
}

}  // namespace planrun
