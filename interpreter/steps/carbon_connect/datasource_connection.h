#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interpreter/carbon/carbon_datasources.h"
#include "interpreter/values/dsn.h"
#include "interpreter/values/value.h"

namespace planrun {

class Databases;

// One datasource in use in the old home and what it gets in the new home.
struct DatasourceConnection {
  CarbonDatasource old;  // as the old home declares it
  Dsn database;          // where it goes
  std::string url;       // the DSN's JDBC URL
  std::string username;
  // The password written into <password>, marked secret; nullopt when the old home keeps it in
  // the secure vault (`password_alias`: the alias stays, no password is written). A dry run,
  // which has not the run's credentials, holds a stand-in that shows as *** like the real one.
  std::optional<Value> password;
  std::optional<std::string> password_alias;
  std::string driver_class;
};

// The database of each datasource in use, from the step's `database` (every one there; fails
// when the old home's are on more than one database, naming the second) or `databases` (by
// name; fails naming a datasource in use that has no entry, or an entry that is none).
// Throws StepFailure.
std::vector<std::pair<CarbonDatasource, Dsn>> datasource_databases(const std::vector<CarbonDatasource>& in_use,
                                                                   const Value::Map& fields);

// What `old` gets when connected to `database`: its JDBC URL; the DSN's user, else the user the
// run's credentials hold for it, else the old username; the run's password for it (an H2 or
// SQLite database moved as files keeps the old one); the old alias instead when there is one;
// the driver class of the DSN's type (the old home's own when it is one for that type).
// `databases` is null in a dry run. Throws StepFailure when a server database has no password.
DatasourceConnection connect_datasource(const CarbonDatasource& old, const Dsn& database, const Databases* databases);

// The JDBC driver classes planrun writes for a type of database, the first being the default:
// org.postgresql.Driver; com.mysql.jdbc.Driver, com.mysql.cj.jdbc.Driver, org.mariadb.jdbc.Driver;
// org.sqlite.JDBC; org.h2.Driver.
const std::vector<std::string>& driver_classes(Dsn::Kind kind);

}  // namespace planrun
