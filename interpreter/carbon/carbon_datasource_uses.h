#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace planrun {

// A place in a Carbon installation's configuration that makes Carbon use a datasource, by its
// JNDI name.
struct DatasourceReference {
  std::string jndi_name;
  std::string position;  // "file:line:col" of the element that holds the name
  std::string what;      // what the element is, for people: <Property name="dataSource">, ...
};

// The references in <home>/repository/conf/user-mgt.xml (every <Property name="dataSource">:
// the realm's and JDBC user stores') and registry.xml (<dataSource> of the <dbConfig> that
// <currentDBConfig> names, and of each <remoteInstance> whose <id> a <mount> uses). A missing
// file has none. Throws CarbonConfigError at file:line:col for malformed XML or a name that
// leads nowhere (a <currentDBConfig> or a <remoteInstance>'s <dbConfig> naming no <dbConfig>,
// a <mount> naming no <remoteInstance>).
std::vector<DatasourceReference> carbon_datasource_references(const std::filesystem::path& home);

}  // namespace planrun
