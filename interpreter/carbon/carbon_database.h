#pragma once

#include <filesystem>
#include <string>

#include "interpreter/carbon/carbon_config_error.h"

namespace planrun {

// The database a Carbon installation keeps its data in, as a planrun DSN with the login's
// username (the password stays a secret): the one database that every datasource in use
// (carbon_datasources) is on. So a plan takes its old database from the old home rather than
// from the operator. Throws CarbonConfigError when nothing uses a datasource, and when the
// datasources in use are on several databases or log in as several users, naming each with its
// file:line:col: such a home needs one DSN per datasource (carbon-connect's `databases`).
std::string carbon_database_dsn(const std::filesystem::path& home);

}  // namespace planrun
