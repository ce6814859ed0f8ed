#include "interpreter/carbon/carbon_database.h"

#include "interpreter/carbon/carbon_datasources.h"
#include "interpreter/values/connection_identity.h"

namespace planrun {

namespace {

std::string described(const CarbonDatasource& datasource) {
  return "datasource '" + datasource.name + "' (" + datasource.position + ")";
}

// The datasource's url with its <username> as the DSN's user (an embedded database has none).
Dsn login_of(const CarbonDatasource& datasource) {
  std::string error;
  std::optional<Dsn> dsn = parse_dsn(datasource.url, &error);
  if (!dsn) throw CarbonConfigError(described(datasource) + ": " + error);
  bool embedded = dsn->kind == Dsn::Kind::H2 || dsn->kind == Dsn::Kind::Sqlite;
  if (!embedded && dsn->user.empty()) dsn->user = datasource.username;
  return *dsn;
}

}  // namespace

std::string carbon_database_dsn(const std::filesystem::path& home) {
  const CarbonDatasource* first = nullptr;
  std::optional<Dsn> database;
  for (const CarbonDatasource& datasource : carbon_datasources(home)) {
    if (!datasource.in_use()) continue;
    Dsn login = login_of(datasource);
    if (!first) {
      first = &datasource;
      database = login;
      continue;
    }
    if (ConnectionIdentity::of(login) != ConnectionIdentity::of(*database))
      throw CarbonConfigError(described(datasource) + " is on " + login.to_string() + ", " + described(*first) +
                              " on " + database->to_string() +
                              ": this home uses more than one database or login; name each one "
                              "(carbon_datasources(home) lists them, carbon-connect takes `databases`)");
  }
  if (!database)
    throw CarbonConfigError((home / "repository" / "conf").string() +
                            ": no datasource is in use (user-mgt.xml and registry.xml name none)");
  return database->to_string();
}

}  // namespace planrun
