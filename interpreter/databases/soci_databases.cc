#include "interpreter/databases/soci_databases.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/soci_connect_string.h"
#include "interpreter/values/secret_texts.h"

namespace planrun {
namespace {

const soci::backend_factory& factory_for(Dsn::Kind kind) {
  switch (kind) {
    case Dsn::Kind::Postgresql: return *soci::factory_postgresql();
    case Dsn::Kind::Mysql: return *soci::factory_mysql();
    case Dsn::Kind::Sqlite:
    case Dsn::Kind::H2: break;  // refused before (open)
  }
  return *soci::factory_sqlite3();
}

// SOCI puts its own words before the server's; the operator needs only the server's, on one line.
std::string server_message(std::string text) {
  for (const char* prefix : {"Cannot establish connection to the database.", "Cannot open database."})
    if (text.starts_with(prefix)) text.erase(0, std::string(prefix).size());
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  size_t first = text.find_first_not_of(' ');
  size_t last = text.find_last_not_of(' ');
  return first == std::string::npos ? "no reason given" : text.substr(first, last - first + 1);
}

// A failure message for `dsn`, scrubbed of the password in case a server ever echoes it.
DatabaseError failure(const std::string& doing, const Dsn& dsn, const std::string& what,
                      const std::optional<Credential>& credential) {
  SecretTexts secrets;
  if (credential && !credential->password.empty()) secrets.add(Value(credential->password).mark_secret());
  return DatabaseError(secrets.mask(doing + " " + dsn.to_string() + ": " + server_message(what)));
}

// libpq prints server notices ("table ... does not exist, skipping") on stderr, across the
// terminal log and progress bars; a step that wants them sets its own processor.
void quiet_notices(DatabaseConnection& connection) {
  if (pg_conn* handle = connection.postgresql_handle())
    PQsetNoticeProcessor(handle, [](void*, const char*) {}, nullptr);
}

void make_read_only(DatabaseConnection& connection) {
  if (connection.kind() == Dsn::Kind::Mysql) connection.session() << "SET SESSION TRANSACTION READ ONLY";
}

}  // namespace

std::unique_ptr<DatabaseConnection> SociDatabases::open(const Dsn& dsn, const OpenOptions& options) {
  if (dsn.kind == Dsn::Kind::H2)
    throw DatabaseError("cannot connect to " + dsn.to_string() +
                        ": planrun has no H2 engine; steps handle an embedded H2 database as its files");
  std::optional<Credential> credential = credentials_.find(dsn);
  SociConnectString connect = SociConnectString::of(dsn, credential, options);
  auto session = std::make_unique<soci::session>();
  try {
    session->open(factory_for(dsn.kind), connect.text);
  } catch (const soci::soci_error& error) {
    throw failure("cannot connect to", dsn, error.what(), credential);
  }
  auto connection = std::make_unique<DatabaseConnection>(dsn, std::move(session), options.read_only);
  quiet_notices(*connection);
  try {
    if (options.read_only) make_read_only(*connection);
  } catch (const soci::soci_error& error) {
    throw failure("cannot make the session read-only on", dsn, error.what(), credential);
  }
  return connection;
}

}  // namespace planrun
