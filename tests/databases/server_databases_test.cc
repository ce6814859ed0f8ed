// SociDatabases against the real PostgreSQL and MariaDB servers that scripts/test-servers.sh
// starts. Under scripts/test.sh a missing server fails these tests; elsewhere it skips them.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <mysql.h>
#include <netinet/in.h>
#include <soci/soci.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/soci_databases.h"
#include "tests/state/scratch_dir.h"
#include "interpreter/loader/plan_loader.h"
#include "tests/support/compile_text.h"
#include "tests/support/test_servers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

// One server kind and the words its refusals are known by.
struct ServerCase {
  const char* name;
  const char* env_prefix;          // PREFIX_DSN, PREFIX_PASSWORD
  const char* read_only_refusal;   // part of the error for a write in a read-only session
  const char* password_refusal;    // part of the error for a wrong password
  const char* unreachable;         // part of the error for a port nothing listens on
};

void PrintTo(const ServerCase& server, std::ostream* out) { *out << server.name; }

const ServerCase kServers[] = {
    {"postgresql", "PLANRUN_TEST_POSTGRES", "read-only transaction",
     "password authentication failed for user \"planrun\"", "Connection refused"},
    {"mariadb", "PLANRUN_TEST_MARIADB", "READ ONLY transaction", "Access denied for user 'planrun'@'127.0.0.1'",
     "Can't connect to server on '127.0.0.1'"},
};

// A loopback port nothing listens on: bound by the kernel's choice, then closed.
int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

class ServerDatabases : public ::testing::TestWithParam<ServerCase> {
 protected:
  void SetUp() override {
    PLANRUN_REQUIRE_SERVER(server, GetParam().env_prefix);
    credentials.add(server->dsn, server->password);
  }

  // The message of the DatabaseError that opening `dsn` with `with` throws; "" if it opens.
  std::string open_failure(const Dsn& dsn, DatabaseCredentials with) {
    try {
      SociDatabases(std::move(with)).open(dsn);
    } catch (const DatabaseError& error) {
      return error.what();
    }
    return "";
  }

  std::optional<testing::TestServer> server;
  DatabaseCredentials credentials;
};

TEST_P(ServerDatabases, OpensAndRunsAQuery) {
  auto connection = SociDatabases(credentials).open(server->dsn);
  int answer = 0;
  connection->session() << "SELECT 40 + 2", soci::into(answer);
  EXPECT_EQ(answer, 42);
}

TEST_P(ServerDatabases, ReadOnlyOpenRefusesAWrite) {
  SociDatabases databases(credentials);
  auto writer = databases.open(server->dsn);
  writer->session() << "DROP TABLE IF EXISTS read_only_probe";
  writer->session() << "CREATE TABLE read_only_probe (n INTEGER)";
  auto reader = databases.open(server->dsn, {.read_only = true});
  int count = -1;
  reader->session() << "SELECT COUNT(*) FROM read_only_probe", soci::into(count);
  EXPECT_EQ(count, 0);
  try {
    reader->session() << "INSERT INTO read_only_probe VALUES (1)";
    ADD_FAILURE() << "a read-only session wrote";
  } catch (const soci::soci_error& error) {
    EXPECT_NE(std::string(error.what()).find(GetParam().read_only_refusal), std::string::npos) << error.what();
  }
  EXPECT_THROW(reader->session() << "CREATE TABLE read_only_ddl_probe (n INTEGER)", soci::soci_error);
  writer->session() << "DROP TABLE read_only_probe";
}

TEST_P(ServerDatabases, ServerNoticesDoNotReachTheTerminal) {
  auto connection = SociDatabases(credentials).open(server->dsn);
  ::testing::internal::CaptureStderr();
  connection->session() << "DROP TABLE IF EXISTS no_such_table_here";
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST_P(ServerDatabases, WrongPasswordIsAClearErrorWithoutAnyPassword) {
  const std::string wrong = "Wr0ng pass'word";
  DatabaseCredentials wrong_credentials;
  wrong_credentials.add(server->dsn, wrong);
  std::string message = open_failure(server->dsn, wrong_credentials);
  EXPECT_TRUE(message.starts_with("cannot connect to " + server->dsn.to_string() + ": ")) << message;
  EXPECT_NE(message.find(GetParam().password_refusal), std::string::npos) << message;
  EXPECT_EQ(message.find(wrong), std::string::npos) << message;
  EXPECT_EQ(message.find(server->password), std::string::npos) << message;
}

TEST_P(ServerDatabases, ClosedPortIsAClearErrorNamingTheDsn) {
  Dsn dsn = server->dsn;
  dsn.port = closed_port();
  std::string message = open_failure(dsn, credentials);
  EXPECT_TRUE(message.starts_with("cannot connect to " + dsn.to_string() + ": ")) << message;
  EXPECT_NE(message.find(GetParam().unreachable), std::string::npos) << message;
  EXPECT_EQ(message.find(server->password), std::string::npos) << message;
}

TEST_P(ServerDatabases, UnknownHostIsAClearErrorNamingTheDsn) {
  Dsn dsn = server->dsn;
  dsn.host = "no-such-host.invalid";
  std::string message = open_failure(dsn, credentials);
  EXPECT_TRUE(message.starts_with("cannot connect to " + dsn.to_string() + ": ")) << message;
  EXPECT_NE(message.find("no-such-host.invalid"), std::string::npos) << message;
}

TEST_P(ServerDatabases, NativeHandleIsTheOpenSession) {
  auto connection = SociDatabases(credentials).open(server->dsn);
  EXPECT_EQ(connection->sqlite_handle(), nullptr);
  if (connection->kind() == Dsn::Kind::Postgresql) {
    ASSERT_NE(connection->postgresql_handle(), nullptr);
    EXPECT_GE(PQserverVersion(connection->postgresql_handle()), 100000);
    EXPECT_EQ(std::string(PQdb(connection->postgresql_handle())), server->dsn.database);
  } else {
    ASSERT_NE(connection->mysql_handle(), nullptr);
    EXPECT_GE(mysql_get_server_version(connection->mysql_handle()), 100000u);
    EXPECT_EQ(mysql_ping(connection->mysql_handle()), 0);
  }
}

// End to end: a `database` param bound to a `secret` param by `password:` opens the server,
// also through the param's JDBC form (which has no user), and nothing else supplied the password.
TEST_P(ServerDatabases, SecretParamBindingReachesTheConnection) {
  std::string prefix = GetParam().env_prefix;
  auto compiled = testing::compile_text(R"(planrun: 1
params:
  db: {type: database, env: )" + prefix + R"(_DSN, password: db_password}
  db_password: {type: secret, env: )" + prefix + R"(_PASSWORD}
steps:
  - id: a
    type: run
    with: {command: [/bin/true]}
)");
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  SourceFiles sources;
  Diagnostics diagnostics;
  auto values = resolve_params(*compiled.graph, {}, sources, diagnostics);
  ASSERT_TRUE(values);
  SociDatabases databases(DatabaseCredentials::from_params(*compiled.graph, *values));
  std::string error;
  auto jdbc = parse_dsn(server->dsn.jdbc_url(), &error);
  ASSERT_TRUE(jdbc) << error;
  std::string user;
  databases.open(*jdbc)->session() << "SELECT CURRENT_USER", soci::into(user);
  EXPECT_TRUE(user.starts_with("planrun")) << user;
  EXPECT_NE(open_failure(server->dsn, {}), "");
}

// A pgpass line's field: ':' and backslash escaped by a backslash.
std::string pgpass_field(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Without a `password:` binding, PostgreSQL's own convention applies: libpq reads PGPASSFILE.
TEST(PostgresqlConventions, PassFileAppliesWithoutABinding) {
  std::optional<testing::TestServer> server;
  PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_POSTGRES");
  testing::ScratchDir scratch;
  std::string pass_file = (scratch.path / "pgpass").string();
  std::ofstream(pass_file) << "127.0.0.1:*:*:planrun:" << pgpass_field(server->password) << "\n";
  std::filesystem::permissions(pass_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  setenv("PGPASSFILE", pass_file.c_str(), 1);
  int answer = 0;
  try {
    SociDatabases().open(server->dsn)->session() << "SELECT 42", soci::into(answer);
  } catch (const DatabaseError& error) {
    ADD_FAILURE() << error.what();
  }
  unsetenv("PGPASSFILE");
  EXPECT_EQ(answer, 42);
}

// Without a `password:` binding, the MariaDB client library's own convention applies: MYSQL_PWD.
TEST(MariadbConventions, MysqlPwdAppliesWithoutABinding) {
  std::optional<testing::TestServer> server;
  PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_MARIADB");
  setenv("MYSQL_PWD", server->password.c_str(), 1);
  int answer = 0;
  try {
    SociDatabases().open(server->dsn)->session() << "SELECT 42", soci::into(answer);
  } catch (const DatabaseError& error) {
    ADD_FAILURE() << error.what();
  }
  unsetenv("MYSQL_PWD");
  EXPECT_EQ(answer, 42);
}

INSTANTIATE_TEST_SUITE_P(Servers, ServerDatabases, ::testing::ValuesIn(kServers),
                         [](const ::testing::TestParamInfo<ServerCase>& info) { return info.param.name; });

}  // namespace
}  // namespace planrun
