#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace planrun::fake_carbon {

// One <datasource> of repository/conf/datasources/*-datasources.xml, as written (the password
// in clear: the fake logs in with it; secure-vault aliases are not resolved).
struct DatasourceDefinition {
  std::string name;         // WSO2_CARBON_DB
  std::string jndi_name;    // jdbc/WSO2CarbonDB
  std::string url;          // jdbc:postgresql://127.0.0.1:5432/carbon
  std::string username;
  std::string password;
  std::string driver_class;  // org.postgresql.Driver
  std::string where;         // file:line:col of the <datasource>
};

// Every datasource Carbon defines at start, in its order (DataSourceManager.initSystemDataSources):
// master-datasources.xml first, then the other files of the folder whose name ends in
// "-datasources.xml" (Carbon skips any other file there). Throws CarbonConfigError naming the
// file, line and column.
std::vector<DatasourceDefinition> read_datasources(const std::filesystem::path& home);

// What Carbon needs a datasource for; the tables a SQLite database must hold for it.
enum class DatasourceRole { UserManagement, Registry };

// A datasource Carbon uses, named by JNDI name: user-mgt.xml's <Property name="dataSource">,
// and registry.xml's <dbConfig> named by <currentDBConfig> and those a <remoteInstance> names
// (a mounted, shared config/governance registry).
struct DatasourceUse {
  std::string jndi_name;
  DatasourceRole role;
  std::string where;  // file:line:col of the reference
};
std::vector<DatasourceUse> datasources_in_use(const std::filesystem::path& home);

}  // namespace planrun::fake_carbon
