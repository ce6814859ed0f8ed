#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "tests/tools/fake_carbon_server/carbon_datasources.h"

namespace planrun::fake_carbon {

// What Carbon's connection pool does with a datasource in use at start: loads its JDBC driver
// (a jar in repository/components/lib holding the class; org.h2.Driver ships with Carbon),
// checks that the driver takes the URL, and logs in with the configured username and
// password on the real database:
//   PostgreSQL, MariaDB/MySQL  the server checks the user and password;
//   SQLite                     the file must exist and hold the tables of its roles
//                              (UM_USER for user management, REG_PATH for the registry);
//   H2 (the pack's default)    planrun has no H2 engine: its data file must exist under the home.
// Returns the cause of the first failure in Carbon's words, or "" when Carbon could use it.
std::string datasource_failure(const std::filesystem::path& home, const DatasourceDefinition& datasource,
                               const std::set<DatasourceRole>& roles);

// The datasource in planrun's DSN form (the JDBC URL with its username; an H2 path resolved
// against the home), for CarbonStartup; "" when the URL is none planrun reads.
std::string planrun_dsn_of(const std::filesystem::path& home, const DatasourceDefinition& datasource);

}  // namespace planrun::fake_carbon
