#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "interpreter/values/dsn.h"

namespace planrun::fake_carbon {

// What the admin services need to know of the server they run in: its home and the
// user-management database Carbon is connected to (user-mgt.xml's dataSource), with the
// password of its login, and the super tenant's administrator as user-mgt.xml names it.
struct AdminContext {
  std::filesystem::path home;
  Dsn user_database;
  std::string user_database_password;
  std::string admin_user = "admin";       // <AdminUser><UserName>
  std::string admin_password = "admin";   // <AdminUser><Password>: what Carbon adds the admin with
  // Where a failure is logged as Carbon logs it (an ERROR line in wso2carbon.log: the server's
  // CarbonLog::error); standard error when unset.
  std::function<void(const std::string& logger, const std::string& message)> log_error;
};

// The context of a server whose start-up found its user-management database at `user_database`
// (CarbonStartup::user_management: parse_dsn(dsn), password): the administrator is read from
// the home's repository/conf/user-mgt.xml <AdminUser> (Carbon's admin/admin without one).
// Throws std::runtime_error naming the file when it cannot be read.
AdminContext admin_context(const std::filesystem::path& home, const Dsn& user_database, const std::string& password);

}  // namespace planrun::fake_carbon
