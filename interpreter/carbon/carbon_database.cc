#include "interpreter/carbon/carbon_database.h"

#include "interpreter/carbon/carbon_datasource.h"
#include "interpreter/values/connection_identity.h"

namespace planrun {

std::string carbon_database_dsn(const std::filesystem::path& home) {
  require_carbon_conf(home);
  const CarbonDatasource* first = nullptr;
  std::optional<Dsn> database;
  for (const CarbonDatasource& datasource : carbon_datasources(home)) {
    if (!datasource.in_use()) continue;
    Dsn login = carbon_datasource_login(datasource);
    if (!first) {
      first = &datasource;
      database = login;
      continue;
    }
    if (ConnectionIdentity::of(login) != ConnectionIdentity::of(*database))
      throw CarbonConfigError(datasource.described() + " is on " + login.to_string() + ", " + first->described() +
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
