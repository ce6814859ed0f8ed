// assert-db-empty: through the FakeDatabases, against real SQLite files, and through the executor.

#include "interpreter/steps/assert_db_empty/assert_db_empty_step.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "tests/support/executor_fixture.h"
#include "tests/support/fake_databases.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Kind = StepFailure::Kind;

StepFailure failure_of(StepContext& context) {
  try {
    AssertDbEmptyStep().run(context);
  } catch (const StepFailure& failure) {
    return failure;
  }
  ADD_FAILURE() << "the step did not fail";
  return StepFailure(Kind::Failed, "");
}

Dsn sqlite_dsn(const std::string& path) {
  Dsn dsn;
  dsn.kind = Dsn::Kind::Sqlite;
  dsn.path = path;
  return dsn;
}

class AssertDbEmptyFake : public ::testing::Test {
 protected:
  StepContext context(Value::Map fields) {
    StepContext made = fixture.context(std::move(fields));
    made.services.databases = &databases;
    return made;
  }

  const std::string dsn = "sqlite:/data/staging.db";
  testing::StepFixture fixture{"assert-db-empty"};
  testing::FakeDatabases databases;
};

TEST_F(AssertDbEmptyFake, EmptyDatabasePassesReadingItReadOnly) {
  StepContext run = context({{"database", dsn}});
  AssertDbEmptyStep().run(run);
  ASSERT_EQ(databases.requests.size(), 1u);
  EXPECT_EQ(databases.requests[0].dsn, dsn);
  EXPECT_TRUE(databases.requests[0].read_only);
  EXPECT_EQ(fixture.log.infos, std::vector<std::string>{"the database sqlite:/data/staging.db holds no tables"});
}

TEST_F(AssertDbEmptyFake, OneTableFailsAsAPreconditionNamingIt) {
  databases.inspect(sqlite_dsn("/data/staging.db")) << "CREATE TABLE um_user (id INTEGER)";
  StepContext run = context({{"database", dsn}});
  StepFailure failure = failure_of(run);
  EXPECT_EQ(failure.kind, Kind::Precondition);
  EXPECT_EQ(std::string(failure.what()), "the database sqlite:/data/staging.db must be empty but holds 1 table: um_user");
}

TEST_F(AssertDbEmptyFake, ManyTablesNameTheFirstFiveAndTheCount) {
  soci::session& db = databases.inspect(sqlite_dsn("/data/staging.db"));
  for (const char* table : {"g", "b", "a", "f", "c", "e", "d"}) db << "CREATE TABLE " << table << " (n INTEGER)";
  db << "CREATE INDEX a_n ON a (n)";
  StepContext run = context({{"database", dsn}});
  StepFailure failure = failure_of(run);
  EXPECT_EQ(failure.kind, Kind::Precondition);
  EXPECT_EQ(std::string(failure.what()),
            "the database sqlite:/data/staging.db must be empty but holds 7 tables: a, b, c, d, e and 2 more");
}

TEST_F(AssertDbEmptyFake, ViewsCountAndSqliteInternalTablesDoNot) {
  soci::session& db = databases.inspect(sqlite_dsn("/data/staging.db"));
  db << "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)";  // makes sqlite_sequence
  db << "CREATE VIEW v AS SELECT id FROM t";
  StepContext run = context({{"database", dsn}});
  EXPECT_EQ(std::string(failure_of(run).what()),
            "the database sqlite:/data/staging.db must be empty but holds 2 tables: t and v");
}

TEST_F(AssertDbEmptyFake, IgnoredNamesAndPatternsDoNotCount) {
  soci::session& db = databases.inspect(sqlite_dsn("/data/staging.db"));
  for (const char* table : {"flyway_schema_history", "tmp_1", "tmp_2", "um_user"}) db << "CREATE TABLE " << table << " (n INTEGER)";
  StepContext passing = context({{"database", dsn}, {"ignore", Value::List{"flyway_schema_history", "tmp_*", "um_?ser"}}});
  AssertDbEmptyStep().run(passing);
  StepContext failing = context({{"database", dsn}, {"ignore", Value::List{"flyway_schema_history", "tmp_?"}}});
  EXPECT_EQ(std::string(failure_of(failing).what()),
            "the database sqlite:/data/staging.db must be empty but holds 1 table: um_user");
}

TEST_F(AssertDbEmptyFake, UnreachableServerFailsNotAsAPrecondition) {
  databases.refuse("postgresql://carbon@db/staging", "Connection refused");
  StepContext run = context({{"database", "postgresql://carbon@db/staging"}});
  StepFailure failure = failure_of(run);
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_EQ(std::string(failure.what()), "cannot connect to postgresql://carbon@db/staging: Connection refused");
}

TEST(AssertDbEmptyStep, DescribeNamesTheDatabaseAndWhatIsIgnored) {
  testing::ReplacingMasker masker;
  StepNode step;
  Value::Map plain{{"database", "jdbc:sqlite:/b.db"}};
  EXPECT_EQ(AssertDbEmptyStep().describe(DescribeContext{step, plain, masker}),
            std::vector<std::string>{"would check that sqlite:/b.db holds no tables"});
  Value::Map ignoring{{"database", "sqlite:/b.db"}, {"ignore", Value::List{"flyway_*", "tmp"}}};
  EXPECT_EQ(AssertDbEmptyStep().describe(DescribeContext{step, ignoring, masker}),
            std::vector<std::string>{"would check that sqlite:/b.db holds no tables (ignoring flyway_*, tmp)"});
}

// Against real files, with the real service.
class AssertDbEmptySqlite : public ::testing::Test {
 protected:
  StepContext context(const std::filesystem::path& file) {
    StepContext made = fixture.context({{"database", "sqlite:" + file.string()}});
    made.services.databases = &databases;
    return made;
  }

  testing::StepFixture fixture{"assert-db-empty"};
  SociDatabases databases;
};

TEST_F(AssertDbEmptySqlite, MissingFilePassesAndIsNotCreated) {
  std::filesystem::path file = fixture.dir.path() / "absent.db";
  StepContext run = context(file);
  AssertDbEmptyStep().run(run);
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_EQ(fixture.log.infos, std::vector<std::string>{"the database sqlite:" + file.string() +
                                                        " does not exist yet: it is empty"});
}

TEST_F(AssertDbEmptySqlite, EmptyFilePassesAndNonEmptyFailsUnchanged) {
  std::filesystem::path file = fixture.dir.path() / "staging.db";
  databases.open(sqlite_dsn(file.string()))->session() << "CREATE TABLE probe (n INTEGER)";
  databases.open(sqlite_dsn(file.string()))->session() << "DROP TABLE probe";
  StepContext empty = context(file);
  AssertDbEmptyStep().run(empty);

  databases.open(sqlite_dsn(file.string()))->session() << "CREATE TABLE reg_resource (n INTEGER)";
  auto bytes = [&] {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  };
  std::string before = bytes();
  StepContext full = context(file);
  StepFailure failure = failure_of(full);
  EXPECT_EQ(failure.kind, Kind::Precondition);
  EXPECT_EQ(std::string(failure.what()),
            "the database sqlite:" + file.string() + " must be empty but holds 1 table: reg_resource");
  EXPECT_EQ(bytes(), before);
}

TEST_F(AssertDbEmptySqlite, AFileThatIsNotADatabaseFailsNotAsAPrecondition) {
  std::filesystem::path file = fixture.dir.path() / "text.db";
  std::ofstream(file) << "not a database, but long enough to have a header of its own, surely.............\n";
  StepContext run = context(file);
  StepFailure failure = failure_of(run);
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_NE(std::string(failure.what()).find("sqlite:" + file.string()), std::string::npos) << failure.what();
}

// Through the executor: the precondition is exit 3 and the step's message.
using AssertDbEmptyRun = testing::ExecutorTest;

TEST_F(AssertDbEmptyRun, NonEmptyDatabaseStopsTheRunWithExitThree) {
  std::string file = (dir_ / "staging.db").string();
  SociDatabases().open(sqlite_dsn(file))->session() << "CREATE TABLE um_user (n INTEGER)";
  std::string step = "  - id: empty\n    type: assert-db-empty\n    with: {database: \"sqlite:" + file + "\"}\n";
  auto result = run(step + testing::logged("after", "empty"));
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.messages["empty"], "the database sqlite:" + file + " must be empty but holds 1 table: um_user");
  EXPECT_EQ(result.outcomes["after"], "skipped");
}

TEST_F(AssertDbEmptyRun, EmptyDatabaseLetsTheRunGoOn) {
  std::string file = (dir_ / "staging.db").string();
  std::string step = "  - id: empty\n    type: assert-db-empty\n    with: {database: \"sqlite:" + file + "\"}\n";
  auto result = run(step + testing::logged("after", "empty"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(ran("after"), 1);
  EXPECT_FALSE(std::filesystem::exists(file));
}

}  // namespace
}  // namespace planrun
