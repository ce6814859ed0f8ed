// The script splitter, dialect by dialect, against every hazard its client handles.

#include "interpreter/databases/sql_script/sql_statement_splitter.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

std::vector<std::string> texts(std::string_view script, SqlDialect dialect) {
  std::vector<std::string> out;
  for (const SqlStatement& statement : split_sql_script(script, dialect)) out.push_back(statement.text);
  return out;
}

using Texts = std::vector<std::string>;

// "line:column: message" of the error the script raises, or "" when it splits.
std::string error_of(std::string_view script, SqlDialect dialect) {
  try {
    split_sql_script(script, dialect);
  } catch (const SqlScriptError& error) {
    return std::to_string(error.line) + ":" + std::to_string(error.column) + ": " + error.what();
  }
  return "";
}

constexpr SqlDialect all_dialects[] = {SqlDialect::Sqlite, SqlDialect::Postgresql, SqlDialect::Mysql};

TEST(SqlStatementSplitter, SplitsAtSemicolonsAndDropsEmptyStatementsAndCommentsBetween) {
  for (SqlDialect dialect : all_dialects)
    EXPECT_EQ(texts("-- leading\nCREATE TABLE t (n INT);;\n /* between */ INSERT INTO t VALUES (1) ;\n-- trailing\n", dialect),
              (Texts{"CREATE TABLE t (n INT)", "INSERT INTO t VALUES (1)"}))
        << dialect_name(dialect);
}

TEST(SqlStatementSplitter, KeepsALastStatementWithoutSemicolon) {
  for (SqlDialect dialect : all_dialects)
    EXPECT_EQ(texts("SELECT 1;\nSELECT 2\n", dialect), (Texts{"SELECT 1", "SELECT 2"})) << dialect_name(dialect);
}

TEST(SqlStatementSplitter, GivesTheLineAndCharacterColumnOfEachStatementsFirstCharacter) {
  std::vector<SqlStatement> statements =
      split_sql_script("SELECT 'é';  SELECT 2;\n\n  /* x */ SELECT\n3;", SqlDialect::Postgresql);
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0].line, 1u);
  EXPECT_EQ(statements[0].column, 1u);
  EXPECT_EQ(statements[1].line, 1u);
  EXPECT_EQ(statements[1].column, 14u);  // é is one character of two bytes
  EXPECT_EQ(statements[2].line, 3u);
  EXPECT_EQ(statements[2].column, 11u);
  EXPECT_EQ(statements[2].text, "SELECT\n3");
}

TEST(SqlStatementSplitter, SemicolonsInStringsIdentifiersAndCommentsDoNotSplit) {
  const char* script = "INSERT INTO \"a;b\" VALUES ('x;''y', 'z') /* c; d */ -- e; f\n;SELECT 2;";
  for (SqlDialect dialect : all_dialects)
    EXPECT_EQ(texts(script, dialect),
              (Texts{"INSERT INTO \"a;b\" VALUES ('x;''y', 'z') /* c; d */ -- e; f", "SELECT 2"}))
        << dialect_name(dialect);
}

TEST(SqlStatementSplitter, UnterminatedQuotesAndCommentsArePositionedAtTheirStart) {
  for (SqlDialect dialect : all_dialects) {
    EXPECT_EQ(error_of("SELECT 1;\nSELECT 'abc;\nSELECT 2;", dialect),
              "2:8: this string is not closed: no ' before the end of the script");
    EXPECT_EQ(error_of("SELECT 1; /* open\n", dialect),
              "1:11: this /* comment is not closed: no */ before the end of the script");
  }
  EXPECT_EQ(error_of("SELECT \"abc", SqlDialect::Postgresql),
            "1:8: this quoted identifier is not closed: no \" before the end of the script");
}

TEST(SqlStatementSplitter, OracleSlashLinesAreRefusedWithTheReason) {
  EXPECT_EQ(error_of("BEGIN\n  NULL;\nEND;\n  /  \n", SqlDialect::Postgresql),
            "4:3: a line holding only '/' ends a block in Oracle's SQL*Plus; PostgreSQL statements end with ';'");
  EXPECT_EQ(error_of("SELECT 1;\n/\n", SqlDialect::Sqlite),
            "2:1: a line holding only '/' ends a block in Oracle's SQL*Plus; SQLite statements end with ';'");
  EXPECT_EQ(error_of("SELECT 1;\n/\n", SqlDialect::Mysql),
            "2:1: a line holding only '/' ends a block in Oracle's SQL*Plus; MariaDB/MySQL statements end with the "
            "delimiter (';', or another set by a DELIMITER line)");
  // A slash inside an expression or in a string is arithmetic or text.
  EXPECT_EQ(texts("SELECT 4\n  / 2;\nSELECT '\n/\n';", SqlDialect::Postgresql), (Texts{"SELECT 4\n  / 2", "SELECT '\n/\n'"}));
}

// --- PostgreSQL (psql) ---

TEST(SqlStatementSplitter, PostgresqlDollarQuotesHoldSemicolonsAndOtherTags) {
  const char* script =
      "CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n  PERFORM $$;$$; RETURN 1;\nEND;\n$body$ LANGUAGE plpgsql;\n"
      "DO $$ BEGIN RAISE NOTICE 'x;'; END $$;\nSELECT $1;";
  EXPECT_EQ(texts(script, SqlDialect::Postgresql),
            (Texts{"CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n  PERFORM $$;$$; RETURN 1;\nEND;\n$body$ LANGUAGE plpgsql",
                   "DO $$ BEGIN RAISE NOTICE 'x;'; END $$", "SELECT $1"}));
}

TEST(SqlStatementSplitter, PostgresqlDollarInsideAnIdentifierIsNoQuote) {
  EXPECT_EQ(texts("SELECT a$b$ FROM t; SELECT 2;", SqlDialect::Postgresql), (Texts{"SELECT a$b$ FROM t", "SELECT 2"}));
}

TEST(SqlStatementSplitter, PostgresqlUnterminatedDollarQuote) {
  EXPECT_EQ(error_of("SELECT 1;\nDO $x$ BEGIN END $y$;", SqlDialect::Postgresql),
            "2:4: this dollar quote $x$ is not closed: no $x$ before the end of the script");
}

TEST(SqlStatementSplitter, PostgresqlEscapeStringsTakeBackslashesButPlainStringsDoNot) {
  EXPECT_EQ(texts("SELECT E'it\\'s;'; SELECT 'a\\'; SELECT e'\\\\';", SqlDialect::Postgresql),
            (Texts{"SELECT E'it\\'s;'", "SELECT 'a\\'", "SELECT e'\\\\'"}));
}

TEST(SqlStatementSplitter, PostgresqlBlockCommentsNest) {
  EXPECT_EQ(texts("/* a /* b; */ c; */ SELECT 1; SELECT 2;", SqlDialect::Postgresql), (Texts{"SELECT 1", "SELECT 2"}));
  // Elsewhere the first */ ends the comment.
  EXPECT_EQ(texts("/* a /* b */ SELECT 1; SELECT 2;", SqlDialect::Sqlite), (Texts{"SELECT 1", "SELECT 2"}));
}

TEST(SqlStatementSplitter, PostgresqlDashDashNeedsNoSpace) {
  EXPECT_EQ(texts("SELECT 1 --x;\n; SELECT 2;", SqlDialect::Postgresql), (Texts{"SELECT 1 --x;", "SELECT 2"}));
}

TEST(SqlStatementSplitter, PostgresqlSqlStandardBodiesAndParenthesesHoldSemicolons) {
  const char* script =
      "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql\nBEGIN ATOMIC\n  INSERT INTO t VALUES (1);\n"
      "  SELECT CASE WHEN true THEN 1 END;\nEND;\nCREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b);\nBEGIN;\nCOMMIT;";
  EXPECT_EQ(texts(script, SqlDialect::Postgresql),
            (Texts{"CREATE OR REPLACE PROCEDURE p() LANGUAGE sql\nBEGIN ATOMIC\n  INSERT INTO t VALUES (1);\n"
                   "  SELECT CASE WHEN true THEN 1 END;\nEND",
                   "CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b)", "BEGIN", "COMMIT"}));
}

// --- MariaDB/MySQL (mysql client) ---

TEST(SqlStatementSplitter, MysqlBackslashEscapesInBothQuotesAndBackticks) {
  EXPECT_EQ(texts("SELECT 'it\\'s;', \"say \\\";\", `a;``b`; SELECT 2;", SqlDialect::Mysql),
            (Texts{"SELECT 'it\\'s;', \"say \\\";\", `a;``b`", "SELECT 2"}));
}

TEST(SqlStatementSplitter, MysqlHashCommentsAndDashDashOnlyWithASpace) {
  EXPECT_EQ(texts("# a; b\nSELECT 1 -- c; d\n; SELECT 5--1;", SqlDialect::Mysql), (Texts{"SELECT 1 -- c; d", "SELECT 5--1"}));
}

TEST(SqlStatementSplitter, MysqlExecutableCommentsAreKeptAsCode) {
  EXPECT_EQ(texts("/*!40101 SET NAMES utf8 */;\n/* plain */ SELECT /*+ NO_ICP(t) */ 1;", SqlDialect::Mysql),
            (Texts{"/*!40101 SET NAMES utf8 */", "SELECT /*+ NO_ICP(t) */ 1"}));
}

TEST(SqlStatementSplitter, MysqlDelimiterLinesChangeTheDelimiterForProceduresAndTriggers) {
  const char* script =
      "DELIMITER //\n"
      "CREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t VALUES (1);\n  SELECT 1;\nEND //\n"
      "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.n = 1; END//\n"
      "delimiter ;\n"
      "SELECT 2; SELECT 3;\n"
      "DELIMITER $$\nSELECT 4$$\n";
  std::vector<SqlStatement> statements = split_sql_script(script, SqlDialect::Mysql);
  ASSERT_EQ(statements.size(), 5u);
  EXPECT_EQ(statements[0].text, "CREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t VALUES (1);\n  SELECT 1;\nEND");
  EXPECT_EQ(statements[0].line, 2u);
  EXPECT_EQ(statements[1].text, "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.n = 1; END");
  EXPECT_EQ(statements[2].text, "SELECT 2");
  EXPECT_EQ(statements[3].text, "SELECT 3");
  EXPECT_EQ(statements[4].text, "SELECT 4");
  EXPECT_EQ(statements[4].line, 11u);
}

TEST(SqlStatementSplitter, MysqlDelimiterInsideAStatementIsAColumnName) {
  EXPECT_EQ(texts("CREATE TABLE t (\ndelimiter VARCHAR(3)\n);", SqlDialect::Mysql),
            (Texts{"CREATE TABLE t (\ndelimiter VARCHAR(3)\n)"}));
}

TEST(SqlStatementSplitter, MysqlDelimiterWithoutADelimiterIsRefused) {
  EXPECT_EQ(error_of("SELECT 1;\n  DELIMITER  \n", SqlDialect::Mysql),
            "2:3: DELIMITER needs the new delimiter, e.g. 'DELIMITER //'");
}

TEST(SqlStatementSplitter, MysqlSlashAsDelimiterIsNoOracleLine) {
  EXPECT_EQ(texts("DELIMITER /\nSELECT 1;\nSELECT 2\n/\n", SqlDialect::Mysql), (Texts{"SELECT 1;\nSELECT 2"}));
}

// --- SQLite (sqlite3 shell) ---

TEST(SqlStatementSplitter, SqliteTriggerBodiesHoldSemicolons) {
  const char* script =
      "CREATE TABLE t (n INTEGER, \"end\" TEXT);\n"
      "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET n = n + 1 WHERE n = NEW.n;\n"
      "  SELECT CASE WHEN NEW.n > 9 THEN RAISE(ABORT, 'too big;') END;\nEND;\n"
      "INSERT INTO t VALUES (1, 'end;');";
  EXPECT_EQ(texts(script, SqlDialect::Sqlite),
            (Texts{"CREATE TABLE t (n INTEGER, \"end\" TEXT)",
                   "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET n = n + 1 WHERE n = NEW.n;\n"
                   "  SELECT CASE WHEN NEW.n > 9 THEN RAISE(ABORT, 'too big;') END;\nEND",
                   "INSERT INTO t VALUES (1, 'end;')"}));
}

TEST(SqlStatementSplitter, SqliteBracketAndBacktickIdentifiers) {
  EXPECT_EQ(texts("SELECT [a;b], `c;d` FROM t; SELECT 2;", SqlDialect::Sqlite), (Texts{"SELECT [a;b], `c;d` FROM t", "SELECT 2"}));
  EXPECT_EQ(error_of("SELECT [a", SqlDialect::Sqlite),
            "1:8: this [ quoted identifier is not closed: no ] before the end of the script");
}

TEST(SqlStatementSplitter, SqliteAndPostgresqlHaveNoHashComments) {
  EXPECT_EQ(texts("SELECT 1 # 2;\nSELECT 3;", SqlDialect::Sqlite), (Texts{"SELECT 1 # 2", "SELECT 3"}));
}

}  // namespace
}  // namespace planrun
