#pragma once

#include <filesystem>
#include <string>

#include "interpreter/carbon/carbon_config_error.h"
#include "interpreter/carbon/carbon_datasources.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// How planrun reaches a datasource's database: its `<url>` as a DSN with its `<username>` as
// the user (an embedded H2 or SQLite database has none). The `<password>` stays out: it comes
// from a `secret` param. Throws CarbonConfigError at the datasource for a missing url or one
// that is no DSN planrun accepts.
Dsn carbon_datasource_login(const CarbonDatasource& datasource);

// carbon_datasource_login of the datasource named `name` in any of <home>'s
// repository/conf/datasources/*.xml, as planrun's DSN text, so a plan can use the database the
// old installation uses. Throws CarbonConfigError naming the folder or file, with the line and
// column where it can (no such datasource, malformed XML, an unsupported url).
std::string carbon_datasource_dsn(const std::filesystem::path& home, const std::string& name);

}  // namespace planrun
