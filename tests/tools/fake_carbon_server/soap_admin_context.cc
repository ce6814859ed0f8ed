#include "tests/tools/fake_carbon_server/soap_admin_context.h"

#include <pugixml.hpp>

#include <stdexcept>

namespace planrun::fake_carbon {
namespace {

namespace fs = std::filesystem;

std::string trimmed(std::string text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  size_t end = text.find_last_not_of(" \t\r\n");
  return start == std::string::npos ? "" : text.substr(start, end - start + 1);
}

// user-mgt.xml's administrator.
void read_admin_user(const fs::path& home, AdminContext& context) {
  fs::path file = home / "repository" / "conf" / "user-mgt.xml";
  pugi::xml_document document;
  if (!fs::exists(file)) return;  // a home without one: Carbon's defaults
  if (!document.load_file(file.c_str())) throw std::runtime_error("cannot read " + file.string());
  pugi::xml_node admin = document.select_node("//Realm/Configuration/AdminUser").node();
  if (admin) {
    context.admin_user = trimmed(admin.child_value("UserName"));
    context.admin_password = trimmed(admin.child_value("Password"));
  }
}

}  // namespace

AdminContext admin_context(const fs::path& home, const Dsn& user_database, const std::string& password) {
  AdminContext context;
  context.home = home;
  read_admin_user(home, context);
  context.user_database = user_database;
  context.user_database_password = password;
  return context;
}

}  // namespace planrun::fake_carbon
