// SQLite's dialect on an in-memory database opened through SociDatabases.

#include "interpreter/databases/dialect/sqlite_dialect.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <chrono>
#include <thread>

#include "interpreter/databases/soci_databases.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

// "" when the statement ran, else the refusal in words, so that a failing test shows it.
std::string refusal(const std::optional<StatementError>& error) {
  return error ? error->code_text() + ": " + error->message : "";
}

class SqliteDialectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Dsn dsn;
    dsn.kind = Dsn::Kind::Sqlite;
    dsn.path = ":memory:";
    connection = SociDatabases().open(dsn);
  }

  DatabaseDialect& dialect() { return connection->dialect(); }

  std::string select_text(const std::string& expression) {
    std::string value;
    connection->session() << "SELECT " + expression, soci::into(value);
    return value;
  }

  std::unique_ptr<DatabaseConnection> connection;
};

TEST_F(SqliteDialectTest, TheConnectionSpeaksSqlite) { EXPECT_EQ(dialect().kind(), Dsn::Kind::Sqlite); }

TEST_F(SqliteDialectTest, ExecuteRunsEveryStatementOfTheTextAndDropsRows) {
  EXPECT_EQ(refusal(dialect().execute("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2); SELECT * FROM t;")),
            "");
  EXPECT_EQ(select_text("CAST(sum(n) AS TEXT) FROM t"), "3");
}

TEST_F(SqliteDialectTest, ARefusalCarriesSqlitesCodeMessageAndOffset) {
  std::optional<StatementError> error = dialect().execute("SELECT 1; SELECT n, missing FROM (SELECT 1 AS n)");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->kind, Dsn::Kind::Sqlite);
  EXPECT_EQ(error->code, 1);
  EXPECT_EQ(error->sqlstate, "");
  EXPECT_EQ(error->message, "no such column: missing");
  EXPECT_EQ(error->code_text(), "SQL logic error (1)");
  ASSERT_TRUE(error->offset.has_value());
  EXPECT_EQ(*error->offset, std::string("SELECT 1; SELECT n, ").size());  // in the whole text, not the part
}

TEST_F(SqliteDialectTest, AConstraintRefusalHasTheExtendedCode) {
  ASSERT_EQ(refusal(dialect().execute("CREATE TABLE t (n INTEGER UNIQUE); INSERT INTO t VALUES (1)")), "");
  std::optional<StatementError> error = dialect().execute("INSERT INTO t VALUES (1)");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, 2067);  // SQLITE_CONSTRAINT_UNIQUE
  EXPECT_EQ(error->code_text(), "constraint failed (2067)");
  EXPECT_EQ(error->message, "UNIQUE constraint failed: t.n");
}

TEST_F(SqliteDialectTest, ALiteralReadsBackAsTheText) {
  for (std::string text : {"", "plain", "it's", "''", "back\\slash \\' and\nnewline", "ünïcode"})
    EXPECT_EQ(select_text(dialect().literal(text)), text) << text;
  EXPECT_EQ(dialect().literal("it's"), "'it''s'");
}

TEST_F(SqliteDialectTest, AQuotedIdentifierNamesTheTableAsGiven) {
  const std::string name = "odd \"name\"; DROP TABLE x; --";
  ASSERT_EQ(refusal(dialect().execute("CREATE TABLE " + SqliteDialect::quote_identifier(name) + " (n INTEGER)")), "");
  EXPECT_EQ(select_text("name FROM sqlite_master WHERE type = 'table'"), name);
  EXPECT_EQ(SqliteDialect::quote_identifier("a\"b"), "\"a\"\"b\"");
}

TEST_F(SqliteDialectTest, InterruptStopsARunningStatement) {
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    dialect().interrupt();
  });
  std::optional<StatementError> error = dialect().execute(
      "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT count(*) FROM c");
  stopper.join();
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, 9);  // SQLITE_INTERRUPT
  EXPECT_EQ(refusal(dialect().execute("SELECT 1")), "");  // the connection is usable again
}

}  // namespace
}  // namespace planrun
