#include "tests/tools/fake_carbon_server/carbon_startup.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "interpreter/carbon/carbon_datasource.h"
#include "interpreter/carbon/carbon_ports.h"
#include "tests/tools/fake_carbon_server/carbon_datasources.h"
#include "tests/tools/fake_carbon_server/carbon_log.h"
#include "tests/tools/fake_carbon_server/datasource_check.h"
#include "tests/tools/fake_carbon_server/key_store.h"
#include "tests/tools/fake_carbon_server/user_store_secrets.h"

namespace planrun::fake_carbon {

namespace fs = std::filesystem;

namespace {

// The component whose start fails when a datasource of this role cannot be used.
struct RoleInLog {
  const char* logger;
  const char* message;
};
RoleInLog role_in_log(DatasourceRole role) {
  if (role == DatasourceRole::UserManagement)
    return {"org.wso2.carbon.user.core.internal.Activator", "Cannot start User Manager Core bundle"};
  return {"org.wso2.carbon.registry.core.internal.RegistryCoreServiceComponent", "Failed to initialize registry"};
}

// Every datasource in use can be used; fills `startup.user_management`.
bool datasources_usable(const fs::path& home, CarbonStartup& startup, CarbonLog& log) {
  std::vector<DatasourceDefinition> definitions;
  std::map<std::string, std::set<DatasourceRole>> roles;  // by JNDI name: a datasource may serve both
  std::map<std::string, std::string> referenced_at;
  try {
    definitions = read_datasources(home);
    for (const DatasourceUse& use : datasources_in_use(home)) {
      roles[use.jndi_name].insert(use.role);
      referenced_at.emplace(use.jndi_name, use.where);
    }
  } catch (const CarbonConfigError& error) {
    log.error("org.wso2.carbon.ndatasource.core.internal.DataSourceServiceComponent",
              std::string("Error in intializing system data sources: ") + error.what());  // sic, Carbon's spelling
    return false;
  }
  bool usable = true;
  for (const auto& [jndi_name, its_roles] : roles) {
    RoleInLog where = role_in_log(*its_roles.begin());
    auto found = std::find_if(definitions.begin(), definitions.end(), [&](const auto& d) { return d.jndi_name == jndi_name; });
    if (found == definitions.end()) {
      log.error(where.logger, std::string(where.message) + ": no datasource has the JNDI name '" + jndi_name + "' (used at " +
                                  referenced_at[jndi_name] + ")");
      usable = false;
      continue;
    }
    if (std::string cause = datasource_failure(home, *found, its_roles); !cause.empty()) {
      log.error(where.logger, std::string(where.message) + ": datasource '" + found->name + "' (" + jndi_name + ", " + found->where +
                                  "): " + cause);
      usable = false;
    } else if (its_roles.count(DatasourceRole::UserManagement)) {
      startup.user_management = {found->name, jndi_name, planrun_dsn_of(home, *found), found->password};
    }
  }
  return usable;
}

// The primary key store opens and decrypts every encrypted user store property.
bool key_store_usable(const fs::path& home, CarbonLog& log) {
  const char* logger = "org.wso2.carbon.user.core.config.UserStoreConfigXMLProcessor";
  std::optional<KeyStore> key_store;
  try {
    key_store = KeyStore::open(primary_key_store_settings(home));
  } catch (const std::runtime_error& error) {  // KeyStoreError, CarbonConfigError
    log.error(logger, error.what());
    return false;
  }
  bool usable = true;
  for (const fs::path& file : user_store_files(home))
    for (const std::string& failure : undecryptable_properties(file, *key_store)) {
      log.error(logger, failure);
      usable = false;
    }
  return usable;
}

}  // namespace

std::optional<CarbonStartup> start_up(const fs::path& home, std::optional<int> port_offset, CarbonLog& log) {
  log.info("org.wso2.carbon.core.internal.CarbonCoreActivator", "Starting WSO2 Carbon...");
  log.info("org.wso2.carbon.core.internal.CarbonCoreActivator", "Carbon Home       : " + home.string());
  CarbonStartup startup;
  startup.home = home;
  bool usable = true;
  try {
    startup.port_offset = port_offset ? *port_offset : static_cast<int>(carbon_ports_of(home).https - 9443);
  } catch (const CarbonConfigError& error) {
    log.error("org.wso2.carbon.core.internal.CarbonCoreServiceComponent", std::string("Failed to activate Carbon Core bundle: ") + error.what());
    usable = false;
  }
  usable = datasources_usable(home, startup, log) && usable;
  usable = key_store_usable(home, log) && usable;
  startup.https_port = 9443 + startup.port_offset;
  startup.http_port = 9763 + startup.port_offset;
  if (!usable) return std::nullopt;
  return startup;
}

}  // namespace planrun::fake_carbon
