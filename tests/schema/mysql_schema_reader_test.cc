// The MariaDB/MySQL schema reader against the server of scripts/test-servers.sh: the name of
// the database it reads is written as a literal the session's sql_mode reads back.

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/schema/schema_reader.h"
#include "tests/support/test_servers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

class MysqlSchemaReader : public ::testing::Test {
 protected:
  void SetUp() override {
    PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_MARIADB");
    DatabaseCredentials credentials;
    credentials.add(server->dsn, server->password);
    connection = SociDatabases(credentials).open(server->dsn);
  }

  std::optional<testing::TestServer> server;
  std::unique_ptr<DatabaseConnection> connection;
};

// A backslash before the closing quote ended the literal too late under backslash escapes, when
// the reader only doubled quotes: the catalog query failed.
TEST_F(MysqlSchemaReader, ADatabaseNameWithQuotesAndBackslashesIsReadInEitherSqlMode) {
  for (const char* mode : {"", "NO_BACKSLASH_ESCAPES"}) {
    connection->session() << "SET SESSION sql_mode = '" << mode << "'";
    DatabaseSchema schema;
    EXPECT_NO_THROW(schema = read_schema(*connection, "planrun absent it's \\")) << "sql_mode " << mode;
    EXPECT_TRUE(schema.tables.empty());
  }
}

TEST_F(MysqlSchemaReader, TheTablesOfTheNamedDatabaseAreRead) {
  std::string database = "planrun_reader_" + std::to_string(::getpid());
  connection->session() << "CREATE DATABASE " << database;
  connection->session() << "CREATE TABLE " << database << ".t (n INT PRIMARY KEY)";
  DatabaseSchema schema = read_schema(*connection, database);
  connection->session() << "DROP DATABASE " << database;
  ASSERT_EQ(schema.tables.size(), 1u);
  EXPECT_EQ(schema.tables[0].name, "t");
}

}  // namespace
}  // namespace planrun
