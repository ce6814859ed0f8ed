#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace planrun::fake_carbon {

// What the fake Carbon server learned at start-up, once every check Carbon makes passed
// (datasources logged in to, driver jars found, key store opened, user store passwords
// decrypted). main.cc fills it and hands it to the request handlers; the SOAP admin services
// (soap_admin_*) read their database through `user_management`.
struct CarbonStartup {
  std::filesystem::path home;  // PRODUCT_HOME
  int port_offset = 0;         // -DportOffset=N, else carbon.xml <Ports><Offset>
  int https_port = 9443;       // 9443 + offset
  int http_port = 9763;        // 9763 + offset

  // The datasource user-mgt.xml names (<Property name="dataSource">): where Carbon keeps
  // UM_USER, UM_TENANT, ... `dsn` is planrun's form (sqlite:PATH, postgresql://user@host:port/db,
  // mysql://user@host:port/db, or jdbc:h2:PATH), which parse_dsn (interpreter/values/dsn.h)
  // reads; a DSN never carries a password, so it is beside it. Open it with
  //   DatabaseCredentials credentials; credentials.add(dsn, password);
  //   SociDatabases(credentials).open(dsn);
  // (H2 has no engine here: an H2 user-management datasource cannot be queried.)
  struct Datasource {
    std::string name;       // WSO2_CARBON_DB, WSO2_UM_DB, ...
    std::string jndi_name;  // jdbc/WSO2CarbonDB
    std::string dsn;
    std::string password;
  } user_management;
};

class CarbonLog;

// Carbon's start-up checks, in Carbon's order, each failure an ERROR line in `log` naming its
// cause: every datasource in use (driver jar, URL, login), the primary key store, every
// encrypted user store property. Returns what start-up learned when all passed, nullopt after
// any failure (all of them are logged, not only the first). `port_offset` is -DportOffset=N
// when given, else carbon.xml's <Ports><Offset> is read.
std::optional<CarbonStartup> start_up(const std::filesystem::path& home, std::optional<int> port_offset, CarbonLog& log);

}  // namespace planrun::fake_carbon
