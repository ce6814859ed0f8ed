#pragma once

#include <filesystem>
#include <string>

#include "interpreter/carbon/carbon_config_error.h"

namespace planrun {

// A Carbon installation's datasource as a planrun DSN, read from
// <home>/repository/conf/datasources/master-datasources.xml: the `<url>` of the `<datasource>`
// whose `<name>` is `name`, with its `<username>` as the DSN's user. The `<password>` stays out:
// it comes from a `secret` param. So a plan can use the database the old installation uses.
// Throws CarbonConfigError naming the file, and the line and column where it can (a missing
// file or datasource, malformed XML, a URL that is no DSN planrun accepts).
std::string carbon_datasource_dsn(const std::filesystem::path& home, const std::string& name);

}  // namespace planrun
