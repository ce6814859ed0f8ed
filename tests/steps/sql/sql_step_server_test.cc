// The sql step against the real PostgreSQL and MariaDB servers of scripts/test-servers.sh: each
// dialect's splitting hazards run on the server, and failures carry the server's code and position.

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <fstream>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/sql/sql_step.h"
#include "tests/support/step_fixture.h"
#include "tests/support/test_servers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Kind = StepFailure::Kind;

class SqlStepServer : public ::testing::Test {
 protected:
  void start(const char* env_prefix) {
    PLANRUN_REQUIRE_SERVER(server, env_prefix);
    credentials.add(server->dsn, server->password);
    std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    target = server->dsn;
    target.database = "planrun_sql_" + std::to_string(::getpid()) + "_" +
                      std::to_string(std::hash<std::string>{}(test) % 100000);
    credentials.add(target, server->password);
    admin() << "CREATE DATABASE " + target.database;
    made = true;
    databases.emplace(credentials);
  }
  void TearDown() override {
    if (made) admin() << "DROP DATABASE " + target.database;
  }
  soci::session& admin() {
    if (!admin_) admin_ = SociDatabases(credentials).open(server->dsn);
    return admin_->session();
  }
  std::string write(const std::string& name, const std::string& text) {
    std::filesystem::path path = fixture.dir.path() / name;
    std::ofstream(path) << text;
    return path.string();
  }
  std::optional<StepFailure> run(Value::Map fields) {
    fields.emplace("database", Value(target.to_string()));
    StepContext context = fixture.context(std::move(fields));
    context.services.databases = &*databases;
    try {
      SqlStep().run(context);
    } catch (const StepFailure& failure) {
      return failure;
    }
    outputs = context.outputs;
    return std::nullopt;
  }
  std::string query(const std::string& sql) {
    auto db = databases->open(target);
    std::string value;
    soci::indicator indicator;
    db->session() << sql, soci::into(value, indicator);
    return indicator == soci::i_ok ? value : "NULL";
  }

  std::optional<testing::TestServer> server;
  DatabaseCredentials credentials;
  std::optional<SociDatabases> databases;
  std::unique_ptr<DatabaseConnection> admin_;
  Dsn target;
  bool made = false;
  testing::StepFixture fixture{"sql"};
  Value::Map outputs;
};

class SqlStepPostgresql : public SqlStepServer {
 protected:
  void SetUp() override { start("PLANRUN_TEST_POSTGRES"); }
};

class SqlStepMariadb : public SqlStepServer {
 protected:
  void SetUp() override { start("PLANRUN_TEST_MARIADB"); }
};

TEST_F(SqlStepPostgresql, RunsEveryPsqlSplittingHazardInOneTransaction) {
  std::string script = write("up.sql", R"sql(-- a comment; with a semicolon
CREATE TABLE t (n integer, note text);
/* a block /* nested; */ still comment; */
CREATE FUNCTION bump(x integer) RETURNS integer AS $body$
BEGIN
  RETURN x + 1; -- $$ inside is text
END;
$body$ LANGUAGE plpgsql;
DO $$ BEGIN INSERT INTO t VALUES (bump(1), 'do;block'); END $$;
INSERT INTO t VALUES (3, E'it\'s;'), (4, 'plain\');
CREATE PROCEDURE p() LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO t VALUES (5, 'atomic;');
  INSERT INTO t VALUES (6, 'atomic');
END;
CALL p();
INSERT INTO "t" (n, note) VALUES (7, $q$x;y$q$)
)sql");
  auto failure = run({{"script", Value(script)}});
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(outputs["statements"].as_int(), 7);
  EXPECT_EQ(query("SELECT string_agg(n || ':' || note, ' ' ORDER BY n) FROM t"),
            "2:do;block 3:it's; 4:plain\\ 5:atomic; 6:atomic 7:x;y");
}

TEST_F(SqlStepPostgresql, AFailureShowsSqlstateAndACaretAndRollsBackEverything) {
  std::string script = write("up.sql", "CREATE TABLE t (n integer);\nINSERT INTO t VALUES (1);\nSELECT n,\n"
                                       "       missing_column FROM t;\n");
  auto failure = run({{"script", Value(script)}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()),
            script + ":3:1: statement 3 of 3 failed: SQLSTATE 42703: column \"missing_column\" does not exist\n"
                     "   4 |        missing_column FROM t;\n"
                     "     |        ^\n"
                     "(the transaction was rolled back: nothing of the script was applied)");
  EXPECT_EQ(query("SELECT to_regclass('t')::text"), "NULL");
}

TEST_F(SqlStepPostgresql, ACommitCutOffByACrashIsSettledByTheTransactionsFate) {
  std::string committed_xid, aborted_xid;
  {
    auto db = databases->open(target);
    long long xid = 0;
    db->session() << "BEGIN";
    db->session() << "SELECT txid_current()", soci::into(xid);
    db->session() << "CREATE TABLE t (n integer)";
    db->session() << "COMMIT";
    committed_xid = std::to_string(xid);
    db->session() << "BEGIN";
    db->session() << "SELECT txid_current()", soci::into(xid);
    db->session() << "ROLLBACK";
    aborted_xid = std::to_string(xid);
  }
  fixture.checkpoints.values["commit"] = "pending " + committed_xid;
  auto failure = run({{"statements", Value("INSERT INTO t VALUES (1)")}});
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(query("SELECT count(*)::text FROM t"), "0");  // committed before: not run again
  fixture.checkpoints.values["commit"] = "pending " + aborted_xid;
  failure = run({{"statements", Value("INSERT INTO t VALUES (1)")}});
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(query("SELECT count(*)::text FROM t"), "1");  // aborted: run again
  EXPECT_EQ(fixture.checkpoints.values["commit"], "done");
}

TEST_F(SqlStepMariadb, RunsDelimiterBlocksExecutableCommentsAndEscapesStatementByStatement) {
  std::string script = write("up.sql", R"sql(# a comment; with a semicolon
/*!40101 SET NAMES utf8mb4 */;
CREATE TABLE t (n INT, note VARCHAR(40), `delimiter` INT);
CREATE TABLE log (n INT);
DELIMITER //
CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN
  INSERT INTO log VALUES (NEW.n * 10);
END //
CREATE PROCEDURE p(x INT)
BEGIN
  INSERT INTO t (n, note) VALUES (x, 'proc;');
  SELECT x;
END//
DELIMITER ;
INSERT INTO t (n, note) VALUES (1, 'it\'s;'), (2, "dq\";"); -- trailing; comment
CALL p(3);
SELECT 5--1;
)sql");
  auto failure = run({{"script", Value(script)}});
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(outputs["statements"].as_int(), 8);
  EXPECT_EQ(query("SELECT GROUP_CONCAT(CONCAT(n, ':', note) ORDER BY n SEPARATOR ' ') FROM t"),
            "1:it's; 2:dq\"; 3:proc;");
  EXPECT_EQ(query("SELECT GROUP_CONCAT(n ORDER BY n) FROM log"), "10,20,30");
  EXPECT_EQ(fixture.checkpoints.values["statement"], "done 8");
}

TEST_F(SqlStepMariadb, AFailureNamesTheServersCodeAndTheLineItPointsAt) {
  std::string script = write("up.sql", "CREATE TABLE t (n INT);\n\nINSERT INTO t\n  VALUES (1) (2);\nCREATE TABLE u (n INT);\n");
  auto failure = run({{"script", Value(script)}});
  ASSERT_TRUE(failure);
  std::string message = failure->what();
  EXPECT_EQ(message.substr(0, message.find(": You have")), script + ":3:1: statement 2 of 3 failed: 1064 (42000)");
  EXPECT_NE(message.find("\n   4 |   VALUES (1) (2);\n(statements 1 to 1 were applied; a rerun continues with this one)"),
            std::string::npos)
      << message;
  EXPECT_EQ(fixture.checkpoints.values["statement"], "done 1");
  EXPECT_EQ(query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"), "1");
}

TEST_F(SqlStepMariadb, TransactionTrueIsRefusedBecauseDdlCommitsOnItsOwn) {
  auto failure = run({{"statements", Value("CREATE TABLE t (n INT)")}, {"transaction", Value(true)}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()),
            "`transaction: true` cannot hold on MariaDB/MySQL, which commits DDL on its own: leave `transaction` unset, "
            "and the step records each statement as it runs");
}

}  // namespace
}  // namespace planrun
