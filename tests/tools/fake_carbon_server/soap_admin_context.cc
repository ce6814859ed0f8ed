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

// user-mgt.xml's administrator and the JNDI name of its realm's datasource.
std::string read_user_mgt(const fs::path& home, AdminContext& context) {
  fs::path file = home / "repository" / "conf" / "user-mgt.xml";
  pugi::xml_document document;
  if (!fs::exists(file)) return "jdbc/WSO2CarbonDB";  // a home without one: Carbon's defaults
  if (!document.load_file(file.c_str())) throw std::runtime_error("cannot read " + file.string());
  pugi::xml_node admin = document.select_node("//Realm/Configuration/AdminUser").node();
  if (admin) {
    context.admin_user = trimmed(admin.child_value("UserName"));
    context.admin_password = trimmed(admin.child_value("Password"));
  }
  pugi::xml_node source = document.select_node("//Realm/Configuration/Property[@name='dataSource']").node();
  return source ? trimmed(source.child_value()) : "jdbc/WSO2CarbonDB";
}

// The datasource whose <jndiConfig><name> is `jndi` in any file of repository/conf/datasources.
pugi::xml_node find_datasource(const fs::path& home, const std::string& jndi, pugi::xml_document& document) {
  fs::path folder = home / "repository" / "conf" / "datasources";
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".xml" || !document.load_file(entry.path().c_str())) continue;
    for (pugi::xpath_node found : document.select_nodes("//datasource"))
      if (trimmed(found.node().child("jndiConfig").child_value("name")) == jndi) return found.node();
  }
  throw std::runtime_error("no datasource with JNDI name " + jndi + " in " + folder.string());
}

}  // namespace

AdminContext admin_context(const fs::path& home, const Dsn& user_database, const std::string& password) {
  AdminContext context;
  context.home = home;
  read_user_mgt(home, context);
  context.user_database = user_database;
  context.user_database_password = password;
  return context;
}

AdminContext admin_context_from_home(const fs::path& home) {
  AdminContext context;
  context.home = home;
  std::string jndi = read_user_mgt(home, context);
  pugi::xml_document document;
  pugi::xml_node configuration = find_datasource(home, jndi, document).child("definition").child("configuration");
  std::string url = trimmed(configuration.child_value("url"));
  std::string error;
  std::optional<Dsn> dsn = parse_dsn(url, &error);
  if (!dsn) throw std::runtime_error("datasource " + jndi + ": " + error);
  if (dsn->kind != Dsn::Kind::Sqlite) dsn->user = trimmed(configuration.child_value("username"));
  context.user_database = *dsn;
  context.user_database_password = trimmed(configuration.child_value("password"));
  return context;
}

}  // namespace planrun::fake_carbon
