#include "interpreter/archive/postgresql_dump.h"

#include <soci/soci.h>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/dialect/postgresql_dialect.h"
#include "interpreter/databases/soci_connect_string.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

const DumpTool pg_dump{"pg_dump", "postgresql-client"};
const DumpTool pg_restore{"pg_restore", "postgresql-client"};

// The libpq conninfo the tools connect with (no password in it: it is in their environment).
std::string conninfo(const Dsn& dsn, const std::optional<Credential>& login) {
  Dsn with_user = dsn;
  if (with_user.user.empty() && login) with_user.user = login->user;
  return SociConnectString::of(with_user, std::nullopt, {}).text;
}

std::map<std::string, std::string> password_env(const std::optional<Credential>& login) {
  if (!login || login->password.empty()) return {};
  return {{"PGPASSWORD", login->password}};
}

// Every schema the user made, public included.
std::vector<std::string> user_schemas(soci::session& session) {
  std::vector<std::string> schemas;
  soci::rowset<std::string> rows = session.prepare
      << "SELECT CAST(nspname AS text) FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') "
         "AND nspname NOT LIKE 'pg\\_%'";
  for (const std::string& schema : rows) schemas.push_back(schema);
  return schemas;
}

}  // namespace

void PostgresqlDump::dump(const Dsn& source, const std::filesystem::path& file, const DumpServices& services) const {
  std::optional<Credential> login = services.databases.login(source);
  run_dump_tool(services, pg_dump,
                {"--format=custom", "--no-password", "--file=" + file.string(), "--dbname=" + conninfo(source, login)},
                password_env(login), "dump " + source.to_string());
}

void PostgresqlDump::check(const std::filesystem::path& file, const DumpServices& services) const {
  run_dump_tool(services, pg_restore, {"--list", "--file=/dev/null", file.string()}, {},
                "read the table of contents of " + file.string());
}

void PostgresqlDump::clear(const Dsn& target, const DumpServices& services) const {
  try {
    std::unique_ptr<DatabaseConnection> connection = services.databases.open(target);
    soci::transaction transaction(connection->session());
    for (const std::string& schema : user_schemas(connection->session()))
      connection->session() << "DROP SCHEMA " << PostgresqlDialect::quote_identifier(schema) << " CASCADE";
    connection->session() << "CREATE SCHEMA public";
    transaction.commit();
  } catch (const DatabaseError& error) {
    throw StepFailure(StepFailure::Kind::Failed, services.masker.mask(error.what()));
  } catch (const soci::soci_error& error) {
    throw StepFailure(StepFailure::Kind::Failed,
                      services.masker.mask("cannot empty " + target.to_string() + ": " + error.what()));
  }
}

void PostgresqlDump::restore(const std::filesystem::path& file, const Dsn& target, const DumpServices& services) const {
  std::optional<Credential> login = services.databases.login(target);
  run_dump_tool(services, pg_restore,
                {"--no-password", "--exit-on-error", "--single-transaction", "--dbname=" + conninfo(target, login),
                 file.string()},
                password_env(login), "restore " + file.string() + " into " + target.to_string());
}

}  // namespace planrun
