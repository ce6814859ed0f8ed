#include "interpreter/steps/carbon_connect/datasource_connection.h"

#include <algorithm>

#include "interpreter/values/connection_identity.h"
#include "interpreter/databases/databases.h"
#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/step_kit/field_value.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/carbon_connect/carbon_connect_fields.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;

// The old database of a datasource in use, to tell whether several share one.
ConnectionIdentity old_database(const CarbonDatasource& datasource) {
  std::string error;
  std::optional<Dsn> dsn = parse_dsn(datasource.url, &error);
  if (!dsn) throw StepFailure(Kind::Failed, datasource.described() + ": its url is no database planrun knows: " + error);
  return ConnectionIdentity::of(*dsn);
}

std::vector<std::pair<CarbonDatasource, Dsn>> all_to_one(const std::vector<CarbonDatasource>& in_use, const Dsn& database) {
  std::vector<std::pair<CarbonDatasource, Dsn>> out;
  for (const CarbonDatasource& datasource : in_use) {
    if (!out.empty() && !old_database(out.front().first).same_database(old_database(datasource)))
      throw StepFailure(Kind::Failed, datasource.described() + " is on another database than " + out.front().first.described() +
                                          " (" + datasource.url + ", not " + out.front().first.url +
                                          "): `database` takes every datasource in use to one database; give `databases`, "
                                          "one per datasource, so that none is left on the old database");
    out.emplace_back(datasource, database);
  }
  return out;
}

std::vector<std::pair<CarbonDatasource, Dsn>> by_name(const std::vector<CarbonDatasource>& in_use, const Value::Map& given) {
  std::vector<std::string> names;
  for (const CarbonDatasource& datasource : in_use) names.push_back(datasource.name);
  for (const auto& [name, value] : given)
    if (std::find(names.begin(), names.end(), name) == names.end())
      throw StepFailure(Kind::Failed, "`databases` names '" + name + "', which is no datasource the old home uses" +
                                          did_you_mean(name, names));
  std::vector<std::pair<CarbonDatasource, Dsn>> out;
  for (const CarbonDatasource& datasource : in_use) {
    auto entry = given.find(datasource.name);
    if (entry == given.end())
      throw StepFailure(Kind::Failed, datasource.described() + ", used by " + datasource.used_by.front() +
                                          ", has no entry in `databases`: a datasource left on the old database");
    out.emplace_back(datasource, value_as<Dsn>(entry->second, "databases." + datasource.name));
  }
  return out;
}

bool keeps_its_login(Dsn::Kind kind) { return kind == Dsn::Kind::H2 || kind == Dsn::Kind::Sqlite; }

}  // namespace

const std::vector<std::string>& driver_classes(Dsn::Kind kind) {
  static const std::vector<std::string> postgresql{"org.postgresql.Driver"};
  static const std::vector<std::string> mysql{"com.mysql.jdbc.Driver", "com.mysql.cj.jdbc.Driver", "org.mariadb.jdbc.Driver"};
  static const std::vector<std::string> sqlite{"org.sqlite.JDBC"};
  static const std::vector<std::string> h2{"org.h2.Driver"};
  switch (kind) {
    case Dsn::Kind::Postgresql: return postgresql;
    case Dsn::Kind::Mysql: return mysql;
    case Dsn::Kind::Sqlite: return sqlite;
    case Dsn::Kind::H2: return h2;
  }
  return h2;
}

std::vector<std::pair<CarbonDatasource, Dsn>> datasource_databases(const std::vector<CarbonDatasource>& in_use,
                                                                   const Value::Map& fields) {
  const CarbonConnectFields& f = carbon_connect_fields();
  if (std::optional<Dsn> database = f.database.find(fields)) return all_to_one(in_use, *database);
  if (std::optional<Value> databases = f.databases.find(fields)) return by_name(in_use, databases->as_map());
  throw StepFailure(Kind::Failed, "carbon-connect needs `database` or `databases`");
}

DatasourceConnection connect_datasource(const CarbonDatasource& old, const Dsn& database, const Databases* databases) {
  DatasourceConnection connection{old, database, database.jdbc_url(), database.user, std::nullopt, old.password_alias, ""};
  std::optional<Credential> login = databases ? databases->login(database) : std::nullopt;
  if (connection.username.empty()) connection.username = login ? login->user : "";
  if (connection.username.empty()) connection.username = old.username;
  if (!old.password_alias) {
    if (login) connection.password = Value(login->password).mark_secret();
    else if (keeps_its_login(database.kind)) connection.password = Value(old.password).mark_secret();
    else if (!databases) connection.password = Value("(the run's password)").mark_secret();  // a dry run shows ***
    else
      throw StepFailure(Kind::Failed, old.described() + ": no password is bound to " + database.to_string() +
                                          ": give its database param `password: SECRET` (Carbon reads no ~/.pgpass)");
  }
  const std::vector<std::string>& classes = driver_classes(database.kind);
  bool old_fits = std::find(classes.begin(), classes.end(), old.driver_class) != classes.end();
  connection.driver_class = old_fits ? old.driver_class : classes.front();
  return connection;
}

}  // namespace planrun
