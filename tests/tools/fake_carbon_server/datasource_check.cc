#include "tests/tools/fake_carbon_server/datasource_check.h"

#include <soci/soci.h>

#include <algorithm>
#include <vector>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/h2_files.h"
#include "interpreter/databases/soci_databases.h"
#include "tests/tools/fake_carbon_server/driver_jars.h"

namespace planrun::fake_carbon {

namespace fs = std::filesystem;

namespace {

// The drivers that accept each kind of URL, by its scheme (a driver handed a URL it does not
// take returns null, and the pool fails with "Driver:... returned null for URL:...").
bool driver_takes(const std::string& driver, const std::string& url) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> drivers = {
      {"jdbc:postgresql:", {"org.postgresql.Driver"}},
      {"jdbc:mysql:", {"com.mysql.jdbc.Driver", "com.mysql.cj.jdbc.Driver", "org.mariadb.jdbc.Driver"}},
      {"jdbc:mariadb:", {"org.mariadb.jdbc.Driver"}},
      {"jdbc:sqlite:", {"org.sqlite.JDBC"}},
      {"jdbc:h2:", {"org.h2.Driver"}}};
  for (const auto& [scheme, accepting] : drivers)
    if (url.starts_with(scheme)) return std::find(accepting.begin(), accepting.end(), driver) != accepting.end();
  return false;
}

std::optional<Dsn> dsn_of(const fs::path& home, const DatasourceDefinition& datasource, std::string* error) {
  std::optional<Dsn> dsn = parse_dsn(datasource.url, error);
  if (!dsn) return std::nullopt;
  // Carbon runs in its home: a relative H2 or SQLite path is inside it.
  if ((dsn->kind == Dsn::Kind::H2 || dsn->kind == Dsn::Kind::Sqlite) && fs::path(dsn->path).is_relative())
    dsn->path = (home / dsn->path).lexically_normal().string();
  if (dsn->kind == Dsn::Kind::Postgresql || dsn->kind == Dsn::Kind::Mysql) dsn->user = datasource.username;
  return dsn;
}

std::string driver_failure(const fs::path& home, const DatasourceDefinition& datasource) {
  if (datasource.driver_class != "org.h2.Driver" &&
      !jar_holding_class(home / "repository" / "components" / "lib", datasource.driver_class))
    return "Cannot load JDBC driver class '" + datasource.driver_class + "': no jar in " +
           (home / "repository" / "components" / "lib").string() + " holds " + class_file_of(datasource.driver_class);
  if (!driver_takes(datasource.driver_class, datasource.url))
    return "Driver:" + datasource.driver_class + " returned null for URL:" + datasource.url;
  return "";
}

std::string sqlite_failure(const Dsn& dsn, const std::set<DatasourceRole>& roles) {
  if (!fs::is_regular_file(dsn.path)) return "the SQLite database file " + dsn.path + " does not exist";
  auto connection = SociDatabases().open(dsn, {.read_only = true});
  for (DatasourceRole role : roles) {
    std::string table = role == DatasourceRole::UserManagement ? "UM_USER" : "REG_PATH";
    int count = 0;
    connection->session() << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND upper(name) = :t", soci::use(table),
        soci::into(count);
    if (count == 0) return "the SQLite database " + dsn.path + " has no table " + table + ": not a Carbon database";
  }
  return "";
}

std::string login_failure(const DatasourceDefinition& datasource, const Dsn& dsn, const std::set<DatasourceRole>& roles) {
  try {
    if (dsn.kind == Dsn::Kind::Sqlite) return sqlite_failure(dsn, roles);
    DatabaseCredentials credentials;
    credentials.add(dsn, datasource.password);
    auto connection = SociDatabases(credentials).open(dsn);
    connection->session() << "SELECT 1";
    return "";
  } catch (const DatabaseError& error) {
    return error.what();
  } catch (const soci::soci_error& error) {
    return one_line(error.what());
  }
}

}  // namespace

std::string datasource_failure(const fs::path& home, const DatasourceDefinition& datasource, const std::set<DatasourceRole>& roles) {
  std::string error;
  std::optional<Dsn> dsn = dsn_of(home, datasource, &error);
  if (!dsn) return "the url '" + datasource.url + "' is no JDBC URL the fake knows: " + error;
  if (std::string driver = driver_failure(home, datasource); !driver.empty()) return driver;
  if (dsn->kind == Dsn::Kind::H2)
    return h2_data_files(*dsn).empty() ? "the H2 database " + dsn->path + " has no data file (.h2.db or .mv.db)" : "";
  return login_failure(datasource, *dsn, roles);
}

std::string planrun_dsn_of(const fs::path& home, const DatasourceDefinition& datasource) {
  std::optional<Dsn> dsn = dsn_of(home, datasource, nullptr);
  return dsn ? dsn->to_string() : "";
}

}  // namespace planrun::fake_carbon
