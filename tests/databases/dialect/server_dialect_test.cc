// The PostgreSQL and MariaDB dialects against the real servers that scripts/test-servers.sh
// starts. Under scripts/test.sh a missing server fails these tests; elsewhere it skips them.

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <mysql.h>

#include "interpreter/databases/dialect/mysql_dialect.h"
#include "interpreter/databases/dialect/postgresql_dialect.h"
#include "interpreter/databases/soci_databases.h"
#include "tests/support/test_servers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using namespace std::string_literals;

// "" when the statement ran, else the refusal in words, so that a failing test shows it.
std::string refusal(const std::optional<StatementError>& error) {
  return error ? error->code_text() + ": " + error->message : "";
}

// Texts a literal must carry through unchanged: quotes, backslashes (also before a quote, which
// a quote-doubling-only literal lets escape it), newlines, LIKE wildcards.
const std::string kTricky[] = {"", "it's", "''", "back\\slash", "\\'; SELECT 1; --", "ends in \\", "a\nb\r\tc",
                               "100% _wild_", "\"double\" `back`", "ünïcode"};

class ServerDialect : public ::testing::Test {
 protected:
  void open(const char* prefix) {
    PLANRUN_REQUIRE_SERVER(server, prefix);
    DatabaseCredentials credentials;
    credentials.add(server->dsn, server->password);
    connection = SociDatabases(credentials).open(server->dsn);
  }

  DatabaseDialect& dialect() { return connection->dialect(); }

  std::optional<testing::TestServer> server;
  std::unique_ptr<DatabaseConnection> connection;
};

class MariadbDialect : public ServerDialect {
 protected:
  void SetUp() override { open("PLANRUN_TEST_MARIADB"); }

  // The first column of the first row of `sql`, as the server's bytes (NULs included).
  std::string select(const std::string& sql) {
    MYSQL* handle = connection->mysql_handle();
    EXPECT_EQ(mysql_real_query(handle, sql.data(), sql.size()), 0) << mysql_error(handle);
    MYSQL_RES* result = mysql_store_result(handle);
    if (!result) return "(no result: " + std::string(mysql_error(handle)) + ")";
    MYSQL_ROW row = mysql_fetch_row(result);
    std::string value = row && row[0] ? std::string(row[0], mysql_fetch_lengths(result)[0]) : "(none)";
    mysql_free_result(result);
    return value;
  }

  void expect_literals_read_back() {
    for (const std::string& text : kTricky) EXPECT_EQ(select("SELECT " + dialect().literal(text)), text) << text;
    std::string binary = "nul\0in the middle and \0'\\\0 at the end\0"s;
    EXPECT_EQ(select("SELECT " + dialect().literal(binary)), binary);
  }
};

TEST_F(MariadbDialect, ARefusalCarriesTheErrorNumberAndSqlstate) {
  std::optional<StatementError> error = dialect().execute("SELECT * FROM planrun_no_such_table");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->kind, Dsn::Kind::Mysql);
  EXPECT_EQ(error->code, 1146);
  EXPECT_EQ(error->sqlstate, "42S02");
  EXPECT_EQ(error->code_text(), "1146 (42S02)");
  EXPECT_NE(error->message.find("planrun_no_such_table' doesn't exist"), std::string::npos) << error->message;
}

TEST_F(MariadbDialect, ASyntaxErrorNamesTheLineOfTheStatement) {
  std::optional<StatementError> error = dialect().execute("SELECT 1\nFROM dual\nWHERE WHERE");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, 1064);
  EXPECT_EQ(error->line, 3u) << error->message;
}

TEST_F(MariadbDialect, ExecuteDropsEveryResultSoTheNextStatementRuns) {
  EXPECT_EQ(refusal(dialect().execute("SELECT 1 UNION SELECT 2")), "");
  EXPECT_EQ(refusal(dialect().execute("CREATE TEMPORARY TABLE t (n INT)")), "");
  EXPECT_EQ(select("SELECT COUNT(*) FROM t"), "0");
}

TEST_F(MariadbDialect, ALiteralReadsBackUnderBackslashEscapes) {
  ASSERT_EQ(refusal(dialect().execute("SET SESSION sql_mode = ''")), "");
  expect_literals_read_back();
  EXPECT_EQ(dialect().literal("it's \\"), "'it\\'s \\\\'");
}

TEST_F(MariadbDialect, ALiteralReadsBackUnderNoBackslashEscapes) {
  ASSERT_EQ(refusal(dialect().execute("SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'")), "");
  expect_literals_read_back();
  EXPECT_EQ(dialect().literal("it's \\"), "'it''s \\'");
  // And back: the literal follows the session's mode as it is now.
  ASSERT_EQ(refusal(dialect().execute("SET SESSION sql_mode = DEFAULT")), "");
  expect_literals_read_back();
}

TEST_F(MariadbDialect, AQuotedIdentifierNamesTheTableUnderAnySqlMode) {
  const std::string name = "odd`name\" 'x'";
  for (const char* mode : {"''", "'ANSI_QUOTES'", "'ANSI'"}) {
    ASSERT_EQ(refusal(dialect().execute("SET SESSION sql_mode = "s + mode)), "");
    std::string table = MysqlDialect::quote_identifier(name);
    ASSERT_EQ(refusal(dialect().execute("CREATE TEMPORARY TABLE " + table + " (n INT)")), "") << mode;
    EXPECT_EQ(refusal(dialect().execute("INSERT INTO " + table + " VALUES (7)")), "") << mode;
    EXPECT_EQ(select("SELECT n FROM " + table), "7") << mode;
    ASSERT_EQ(refusal(dialect().execute("DROP TEMPORARY TABLE " + table)), "") << mode;
  }
}

class PostgresqlDialectTest : public ServerDialect {
 protected:
  void SetUp() override { open("PLANRUN_TEST_POSTGRES"); }

  std::string select(const std::string& sql) {
    PGresult* result = PQexec(connection->postgresql_handle(), sql.c_str());
    std::string value = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1
                            ? std::string(PQgetvalue(result, 0, 0), PQgetlength(result, 0, 0))
                            : "(failed: " + std::string(PQresultErrorMessage(result)) + ")";
    PQclear(result);
    return value;
  }
};

TEST_F(PostgresqlDialectTest, ARefusalCarriesTheSqlstateThePrimaryMessageAndThePosition) {
  std::optional<StatementError> error = dialect().execute("SELECT n\n  FROM planrun_no_such_table");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->kind, Dsn::Kind::Postgresql);
  EXPECT_EQ(error->sqlstate, "42P01");
  EXPECT_EQ(error->code_text(), "SQLSTATE 42P01");
  EXPECT_EQ(error->message, "relation \"planrun_no_such_table\" does not exist");
  EXPECT_EQ(error->offset, std::string("SELECT n\n  FROM ").size());
}

TEST_F(PostgresqlDialectTest, ACopyToTheClientIsRefusedAndTheConnectionStaysUsable) {
  std::optional<StatementError> error = dialect().execute("COPY (SELECT 1) TO STDOUT");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code_text(), "SQLSTATE 0A000");
  EXPECT_EQ(select("SELECT 'still here'"), "still here");
}

TEST_F(PostgresqlDialectTest, ALiteralReadsBackWhateverStandardConformingStringsSays) {
  for (const char* setting : {"on", "off"}) {
    ASSERT_EQ(refusal(dialect().execute("SET standard_conforming_strings = "s + setting)), "");
    for (const std::string& text : kTricky)
      EXPECT_EQ(select("SELECT " + dialect().literal(text)), text) << text << " with standard_conforming_strings " << setting;
  }
}

TEST_F(PostgresqlDialectTest, AQuotedIdentifierKeepsCaseAndQuotes) {
  std::string table = PostgresqlDialect::quote_identifier("Odd \"Name\"");
  EXPECT_EQ(table, "\"Odd \"\"Name\"\"\"");
  ASSERT_EQ(refusal(dialect().execute("CREATE TEMPORARY TABLE " + table + " (n integer)")), "");
  EXPECT_EQ(refusal(dialect().execute("INSERT INTO " + table + " VALUES (7)")), "");
  EXPECT_EQ(select("SELECT n::text FROM " + table), "7");
}

}  // namespace
}  // namespace planrun
