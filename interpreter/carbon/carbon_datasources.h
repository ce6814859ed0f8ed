#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/carbon/carbon_config_error.h"

namespace planrun {

// One <datasource> of a Carbon installation's repository/conf/datasources/*.xml, as Carbon
// reads it, and what uses it.
struct CarbonDatasource {
  std::string name;          // <name>
  std::string jndi_name;     // <jndiConfig><name>; how user-mgt.xml and registry.xml name it
  std::string url;           // <definition><configuration><url>; a relative H2 path made absolute against the home
  std::string username;      // <username>
  std::string driver_class;  // <driverClassName>
  // <password>'s text, for a datasource that keeps its login (an H2 file moved as it is); never
  // shown, and carbon_datasources() in the expression language leaves it out.
  std::string password;
  // The svns:secretAlias of <password>: the password is in the secure vault, not in the file.
  std::optional<std::string> password_alias;
  std::filesystem::path file;  // the datasources file that declares it
  std::string position;        // "file:line:col" of its <datasource>
  // What uses it, each "file:line:col what" (user-mgt.xml's <Property name="dataSource">,
  // registry.xml's <dbConfig>); empty: Carbon declares it but nothing of the kernel uses it.
  std::vector<std::string> used_by;

  bool in_use() const { return !used_by.empty(); }
  // "datasource 'NAME' (file:line:col)", how messages name it.
  std::string described() const { return "datasource '" + name + "' (" + position + ")"; }
};

// <home>/repository/conf/datasources/.
std::filesystem::path carbon_datasources_dir(const std::filesystem::path& home);

// Throws CarbonConfigError naming `home` when it has no repository/conf: not a Carbon home (a
// mistyped path), said as such rather than as "no datasource".
void require_carbon_conf(const std::filesystem::path& home);

// Every datasource declared in <home>/repository/conf/datasources/*.xml (files in name order,
// datasources in file order), without looking at what uses them. Throws CarbonConfigError at
// file:line:col for malformed XML, a datasource without a <name>, or a name declared twice.
std::vector<CarbonDatasource> declared_carbon_datasources(const std::filesystem::path& home);

// declared_carbon_datasources with `used_by` filled from user-mgt.xml (every <Property
// name="dataSource">) and registry.xml (the <dbConfig> that <currentDBConfig> names and those
// of <remoteInstance>s that a <mount> uses). A missing user-mgt.xml or registry.xml uses
// nothing; a reference to a JNDI name no datasource has is a CarbonConfigError at the reference.
std::vector<CarbonDatasource> carbon_datasources(const std::filesystem::path& home);

}  // namespace planrun
