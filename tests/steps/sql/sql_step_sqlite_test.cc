// The sql step on real SQLite files: transactions, failures with positions, resume from checkpoints.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <fstream>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/sql/sql_step.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Kind = StepFailure::Kind;

class SqlStepSqlite : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    std::filesystem::path path = fixture.dir.path() / name;
    std::ofstream(path) << text;
    return path.string();
  }
  std::string database() const { return "sqlite:" + (fixture.dir.path() / "target.db").string(); }
  StepContext context(Value::Map fields) {
    fields.emplace("database", Value(database()));
    StepContext made = fixture.context(std::move(fields));
    made.services.databases = &databases;
    return made;
  }
  StepFailure failure_of(Value::Map fields) {
    StepContext run = context(std::move(fields));
    try {
      SqlStep().run(run);
    } catch (const StepFailure& failure) {
      return failure;
    }
    ADD_FAILURE() << "the step did not fail";
    return StepFailure(Kind::Failed, "");
  }
  // The values of column n of table t, in order; an empty list when there is no such table.
  std::vector<int> numbers(const std::string& table = "t") {
    soci::session session("sqlite3", "db=" + (fixture.dir.path() / "target.db").string());
    int tables = 0;
    session << "SELECT count(*) FROM sqlite_master WHERE name = :t", soci::use(table), soci::into(tables);
    if (tables == 0) return {};
    std::vector<int> values(1000);
    session << "SELECT n FROM " + table + " ORDER BY rowid", soci::into(values);
    return values;
  }

  testing::StepFixture fixture{"sql"};
  SociDatabases databases;
};

const char* five_statements =
    "CREATE TABLE t (n INTEGER);\n"
    "INSERT INTO t VALUES (1);\n"
    "INSERT INTO t VALUES (2);\n"
    "INSERT INTO t VALUES (3);\n"
    "INSERT INTO t VALUES (4);\n";

TEST_F(SqlStepSqlite, RunsAScriptWithATriggerInOneTransactionAndPublishesCounts) {
  std::string script = write("up.sql",
                             "CREATE TABLE t (n INTEGER);\nCREATE TABLE log (n INTEGER);\n"
                             "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  INSERT INTO log VALUES (NEW.n * 10);\nEND;\n"
                             "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);\n");
  StepContext run = context({{"script", Value(script)}});
  SqlStep().run(run);
  EXPECT_EQ(numbers("t"), (std::vector<int>{1, 2}));
  EXPECT_EQ(numbers("log"), (std::vector<int>{10, 20}));
  EXPECT_EQ(run.outputs["statements"].as_int(), 5);
  EXPECT_EQ(run.outputs["failed"].as_int(), 0);
  EXPECT_EQ(fixture.checkpoints.values["commit"], "done");
  EXPECT_EQ(fixture.progress.done, 5u);
}

TEST_F(SqlStepSqlite, AFailingStatementRollsBackAllAndNamesFileLineColumnCodeAndCaret) {
  std::string script = write("up.sql", "CREATE TABLE t (n INTEGER);\nINSERT INTO t VALUES (1);\n\n  SELECT n,\n"
                                       "    missing FROM t;\n");
  StepFailure failure = failure_of({{"script", Value(script)}});
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_EQ(std::string(failure.what()),
            script + ":4:3: statement 3 of 3 failed: SQL logic error (1): no such column: missing\n"
                     "   5 |     missing FROM t;\n"
                     "     |     ^\n"
                     "(the transaction was rolled back: nothing of the script was applied)");
  EXPECT_EQ(numbers(), std::vector<int>{});
}

TEST_F(SqlStepSqlite, OnErrorContinueLogsTheFailureWithItsPositionAndCarriesOn) {
  StepContext run = context({{"statements", Value("CREATE TABLE t (n INTEGER);\nINSERT INTO nope VALUES (1);\n"
                                                  "INSERT INTO t VALUES (7);")},
                             {"on_error", Value("continue")}});
  SqlStep().run(run);
  EXPECT_EQ(numbers(), std::vector<int>{7});
  EXPECT_EQ(run.outputs["failed"].as_int(), 1);
  ASSERT_EQ(fixture.log.warnings.size(), 1u);
  EXPECT_EQ(fixture.log.warnings[0],
            "statements:2:1: statement 2 of 3 failed: SQL logic error (1): no such table: nope\n"
            "   2 | INSERT INTO nope VALUES (1);\n"
            "     | ^\n"
            "(on_error: continue)");
}

TEST_F(SqlStepSqlite, ScriptsOfAListRunInOrderThenTheStatements) {
  std::string first = write("1.sql", "CREATE TABLE t (n INTEGER);");
  std::string second = write("2.sql", "INSERT INTO t VALUES (2);");
  StepContext run = context({{"script", Value(Value::List{Value(first), Value(second)})}});
  SqlStep().run(run);
  EXPECT_EQ(numbers(), std::vector<int>{2});
}

TEST_F(SqlStepSqlite, StatementByStatementResumesAfterTheLastRecordedOne) {
  std::string script = write("up.sql", five_statements);
  // An earlier attempt ran the first three: here only the table exists, so 4 and 5 show what ran.
  soci::session("sqlite3", "db=" + (fixture.dir.path() / "target.db").string()) << "CREATE TABLE t (n INTEGER)";
  fixture.checkpoints.values["statement"] = "done 3";
  StepContext run = context({{"script", Value(script)}, {"transaction", Value(false)}});
  SqlStep().run(run);
  EXPECT_EQ(numbers(), (std::vector<int>{3, 4}));
  EXPECT_EQ(fixture.checkpoints.values["statement"], "done 5");
}

TEST_F(SqlStepSqlite, AStatementCutOffByACrashStopsTheStepNamingIt) {
  std::string script = write("up.sql", five_statements);
  fixture.checkpoints.values["statement"] = "running 2";
  StepFailure failure = failure_of({{"script", Value(script)}, {"transaction", Value(false)}});
  EXPECT_EQ(failure.kind, Kind::Precondition);
  EXPECT_EQ(std::string(failure.what()),
            "statement 2 (" + script + ":2:1) was sent by the interrupted attempt, which stopped before recording "
            "its end; planrun cannot tell whether it took effect, and never runs a statement twice on a guess: look "
            "at the database, then set `on_doubt: skip` on the step if it took effect, or `on_doubt: rerun` if it "
            "did not, and run the plan again");
  EXPECT_EQ(numbers(), std::vector<int>{});
}

TEST_F(SqlStepSqlite, OnDoubtSkipContinuesAfterTheStatementAndRerunRunsIt) {
  std::string script = write("up.sql", five_statements);
  soci::session("sqlite3", "db=" + (fixture.dir.path() / "target.db").string()) << "CREATE TABLE t (n INTEGER)";
  fixture.checkpoints.values["statement"] = "running 2";
  StepContext skip = context({{"script", Value(script)}, {"transaction", Value(false)}, {"on_doubt", Value("skip")}});
  SqlStep().run(skip);
  EXPECT_EQ(numbers(), (std::vector<int>{2, 3, 4}));

  fixture.checkpoints.values["statement"] = "running 5";
  StepContext rerun = context({{"script", Value(script)}, {"transaction", Value(false)}, {"on_doubt", Value("rerun")}});
  SqlStep().run(rerun);
  EXPECT_EQ(numbers(), (std::vector<int>{2, 3, 4, 4}));
}

TEST_F(SqlStepSqlite, AFailedStatementIsRecordedAsNotRunSoARerunRetriesIt) {
  StepFailure failure = failure_of({{"statements", Value("CREATE TABLE t (n INTEGER);\nINSERT INTO nope VALUES (1);")},
                                    {"transaction", Value(false)}});
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_NE(std::string(failure.what()).find("(statements 1 to 1 were applied; a rerun continues with this one)"),
            std::string::npos)
      << failure.what();
  EXPECT_EQ(fixture.checkpoints.values["statement"], "done 1");
}

TEST_F(SqlStepSqlite, ACommitCutOffByACrashIsADoubtOnSqlite) {
  fixture.checkpoints.values["commit"] = "pending";
  StepFailure failure = failure_of({{"statements", Value("CREATE TABLE t (n INTEGER);")}});
  EXPECT_EQ(failure.kind, Kind::Precondition);
  EXPECT_NE(std::string(failure.what()).find("the interrupted attempt was committing"), std::string::npos);
  StepContext skip = context({{"statements", Value("CREATE TABLE t (n INTEGER);")}, {"on_doubt", Value("skip")}});
  SqlStep().run(skip);
  EXPECT_EQ(fixture.checkpoints.values["commit"], "done");
  EXPECT_EQ(numbers(), std::vector<int>{});  // not run again: no table
}

TEST_F(SqlStepSqlite, AScriptManagingItsOwnTransactionsNeedsTransactionFalse) {
  StepFailure failure = failure_of({{"statements", Value("CREATE TABLE t (n INTEGER);\nBEGIN;\nCOMMIT;")}});
  EXPECT_EQ(std::string(failure.what()),
            "statements:2:1: the script begins or ends transactions itself, but the step runs it in one "
            "transaction: set `transaction: false` to run it as written");
  StepContext run = context({{"statements", Value("CREATE TABLE t (n INTEGER);\nBEGIN;\nINSERT INTO t VALUES (5);\nCOMMIT;")},
                             {"transaction", Value(false)}});
  SqlStep().run(run);
  EXPECT_EQ(numbers(), std::vector<int>{5});
}

TEST_F(SqlStepSqlite, AnUnsplittableScriptFailsWithItsPosition) {
  std::string script = write("bad.sql", "SELECT 1;\nSELECT 'open;\n");
  StepFailure failure = failure_of({{"script", Value(script)}});
  EXPECT_EQ(std::string(failure.what()),
            script + ":2:8: this string is not closed: no ' before the end of the script");
}

TEST_F(SqlStepSqlite, AMissingScriptIsAPrecondition) {
  StepFailure failure = failure_of({{"script", Value("/nonexistent/up.sql")}});
  EXPECT_EQ(failure.kind, Kind::Precondition);
  EXPECT_EQ(std::string(failure.what()), "the SQL script /nonexistent/up.sql does not exist");
}

TEST_F(SqlStepSqlite, OnErrorTakesStopOrContinue) {
  StepFailure failure = failure_of({{"statements", Value("SELECT 1")}, {"on_error", Value("ignore")}});
  EXPECT_EQ(std::string(failure.what()), "field 'on_error' is 'ignore'; it takes stop or continue");
}

TEST_F(SqlStepSqlite, DescribeCountsAndListsTheFirstStatements) {
  std::string text;
  for (int i = 1; i <= 12; ++i) text += "INSERT INTO t VALUES (" + std::to_string(i) + ");\n";
  std::string script = write("many.sql", "CREATE TABLE t (\n  n INTEGER\n);\n" + text);
  Value::Map fields{{"database", Value(database())}, {"script", Value(script)}};
  std::vector<std::string> lines = SqlStep().describe({fixture.step, fields, fixture.masker});
  ASSERT_EQ(lines.size(), 12u);
  EXPECT_EQ(lines[0], "would run 13 statements from " + script + " on " + database() + " in one transaction");
  EXPECT_EQ(lines[1], "  1. " + script + ":1:1: CREATE TABLE t ( ...");
  EXPECT_EQ(lines[10], "  10. " + script + ":12:1: INSERT INTO t VALUES (9)");
  EXPECT_EQ(lines[11], "  ... and 3 more");
}

TEST_F(SqlStepSqlite, DescribeSaysWhereAResumeContinues) {
  std::string script = write("up.sql", five_statements);
  Value::Map fields{{"database", Value(database())}, {"script", Value(script)}, {"transaction", Value(false)}};
  DescribeContext resumed{fixture.step, fields, fixture.masker};
  resumed.checkpoints = {{"statement", "done 3"}};
  EXPECT_EQ(SqlStep().describe(resumed).back(), "resumes at statement 4 (" + script + ":4:1): 1 to 3 ran");
  resumed.checkpoints = {{"statement", "running 2"}};
  EXPECT_EQ(SqlStep().describe(resumed).back(),
            "statement 2 (" + script + ":2:1) was cut off by the interruption: a resume stops there unless "
            "on_doubt says whether it took effect");
}

TEST_F(SqlStepSqlite, DescribeOfAScriptNotYetReadableSaysSo) {
  Value::Map fields{{"database", Value(database())}, {"script", Value("/nonexistent/up.sql")}};
  EXPECT_EQ(SqlStep().describe({fixture.step, fields, fixture.masker}),
            std::vector<std::string>{"would run the SQL of /nonexistent/up.sql on " + database() +
                                     " (the SQL script /nonexistent/up.sql does not exist)"});
}

}  // namespace
}  // namespace planrun
