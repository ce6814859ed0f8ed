// assert-db-empty and assert-same-dbtype against the real PostgreSQL and MariaDB servers that
// scripts/test-servers.sh starts. Each test works in a database of its own, made and dropped here.

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/soci_databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/assert_db_empty/assert_db_empty_step.h"
#include "interpreter/steps/assert_same_dbtype/assert_same_dbtype_step.h"
#include "interpreter/executor/executor.h"
#include "tests/support/compile_text.h"
#include "tests/support/recording_observer.h"
#include "tests/support/step_fixture.h"
#include "tests/support/test_servers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Kind = StepFailure::Kind;

struct ServerCase {
  const char* name;
  const char* env_prefix;
  const char* title;  // as the step's messages name the type
};

void PrintTo(const ServerCase& server, std::ostream* out) { *out << server.name; }

const ServerCase kServers[] = {
    {"postgresql", "PLANRUN_TEST_POSTGRES", "PostgreSQL"},
    {"mariadb", "PLANRUN_TEST_MARIADB", "MySQL"},
};

class ServerDbAsserts : public ::testing::TestWithParam<ServerCase> {
 protected:
  void SetUp() override {
    PLANRUN_REQUIRE_SERVER(server, GetParam().env_prefix);
    credentials.add(server->dsn, server->password);
    std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::string suffix = std::to_string(::getpid()) + "_" + std::to_string(std::hash<std::string>{}(test) % 100000);
    fresh = with_database("planrun_steps_" + suffix);
    absent = with_database("planrun_absent_" + suffix);
    admin().session() << "CREATE DATABASE " << fresh.database;
    made = true;
    databases.emplace(credentials);
  }
  void TearDown() override {
    if (made) admin().session() << "DROP DATABASE " << fresh.database;
  }

  Dsn with_database(const std::string& name) {
    Dsn dsn = server->dsn;
    dsn.database = name;
    credentials.add(dsn, server->password);
    return dsn;
  }
  DatabaseConnection& admin() {
    if (!admin_) {
      DatabaseCredentials own;
      own.add(server->dsn, server->password);
      admin_ = SociDatabases(own).open(server->dsn);
    }
    return *admin_;
  }
  // Runs `step` with `fields`; the failure it threw, or nullopt.
  template <class Step>
  std::optional<StepFailure> run(testing::StepFixture& fixture, Value::Map fields, Value::Map* outputs = nullptr) {
    StepContext context = fixture.context(std::move(fields));
    context.services.databases = &*databases;
    try {
      Step().run(context);
    } catch (const StepFailure& failure) {
      return failure;
    }
    if (outputs) *outputs = context.outputs;
    return std::nullopt;
  }

  std::optional<testing::TestServer> server;
  DatabaseCredentials credentials;
  std::optional<SociDatabases> databases;
  std::unique_ptr<DatabaseConnection> admin_;
  Dsn fresh, absent;
  bool made = false;
};

TEST_P(ServerDbAsserts, EmptyDatabasePasses) {
  testing::StepFixture fixture("assert-db-empty");
  auto failure = run<AssertDbEmptyStep>(fixture, {{"database", fresh.to_string()}});
  EXPECT_FALSE(failure) << failure->what();
  EXPECT_EQ(fixture.log.infos, std::vector<std::string>{"the database " + fresh.to_string() + " holds no tables"});
}

TEST_P(ServerDbAsserts, TablesFailAsAPreconditionNamingThem) {
  {
    auto db = databases->open(fresh);
    for (const char* table : {"um_user", "reg_resource", "idn_oauth2_token", "am_api", "cm_tenant", "um_role"})
      db->session() << "CREATE TABLE " << table << " (n INTEGER)";
    db->session() << "CREATE VIEW um_users AS SELECT n FROM um_user";
  }
  testing::StepFixture fixture("assert-db-empty");
  auto failure = run<AssertDbEmptyStep>(fixture, {{"database", fresh.jdbc_url()}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Precondition);
  Dsn as_named = fresh;  // the JDBC form names no user
  as_named.user.clear();
  EXPECT_EQ(std::string(failure->what()), "the database " + as_named.to_string() +
                                              " must be empty but holds 7 tables: am_api, cm_tenant, "
                                              "idn_oauth2_token, reg_resource, um_role and 2 more");
}

// Schemas and sequences are PostgreSQL's: the same fixture, on that server only.
using PostgresqlDbAsserts = ServerDbAsserts;

TEST_P(PostgresqlDbAsserts, OtherSchemasAndSequencesCountNamedWithTheirSchema) {
  {
    auto db = databases->open(fresh);
    db->session() << "CREATE SCHEMA carbon";
    db->session() << "CREATE TABLE carbon.reg_resource (n INTEGER)";
    db->session() << "CREATE SEQUENCE um_id_seq";
  }
  testing::StepFixture fixture("assert-db-empty");
  auto failure = run<AssertDbEmptyStep>(fixture, {{"database", fresh.to_string()}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Precondition);
  EXPECT_EQ(std::string(failure->what()),
            "the database " + fresh.to_string() + " must be empty but holds 2 tables: carbon.reg_resource and um_id_seq");
  auto ignoring = run<AssertDbEmptyStep>(
      fixture, {{"database", fresh.to_string()}, {"ignore", Value::List{"carbon.*", "*_seq"}}});
  EXPECT_FALSE(ignoring) << ignoring->what();
}

TEST_P(ServerDbAsserts, IgnoredTablesDoNotCount) {
  {
    auto db = databases->open(fresh);
    db->session() << "CREATE TABLE flyway_schema_history (n INTEGER)";
    db->session() << "CREATE TABLE tmp_load (n INTEGER)";
  }
  testing::StepFixture fixture("assert-db-empty");
  auto failure = run<AssertDbEmptyStep>(
      fixture, {{"database", fresh.to_string()}, {"ignore", Value::List{"flyway_schema_history", "tmp_*"}}});
  EXPECT_FALSE(failure) << failure->what();
}

TEST_P(ServerDbAsserts, DatabaseThatDoesNotExistPassesAndIsNotCreated) {
  testing::StepFixture fixture("assert-db-empty");
  auto failure = run<AssertDbEmptyStep>(fixture, {{"database", absent.to_string()}});
  EXPECT_FALSE(failure) << failure->what();
  EXPECT_EQ(fixture.log.infos,
            std::vector<std::string>{"the database " + absent.to_string() + " does not exist yet: it is empty"});
  EXPECT_THROW(databases->open(absent), DatabaseError);
}

TEST_P(ServerDbAsserts, SameTypeReportsBothVersions) {
  std::string version;
  admin().session() << (GetParam().name == std::string("postgresql") ? "SHOW server_version" : "SELECT VERSION()"),
      soci::into(version);
  Dsn as_named = fresh;  // the JDBC form names no user
  as_named.user.clear();
  testing::StepFixture fixture("assert-same-dbtype");
  Value::Map outputs;
  auto failure = run<AssertSameDbtypeStep>(fixture, {{"source", server->dsn.to_string()}, {"target", fresh.jdbc_url()}},
                                           &outputs);
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(outputs.at("dbtype").as_string(), kind_name(server->dsn.kind));
  EXPECT_EQ(outputs.at("source_version").as_string(), version);
  EXPECT_EQ(outputs.at("target_version").as_string(), version);
  EXPECT_EQ(fixture.log.infos, std::vector<std::string>{"source and target are both " + std::string(GetParam().title) +
                                                        " (source " + server->dsn.to_string() + ": " + version +
                                                        "; target " + as_named.to_string() + ": " + version + ")"});
  EXPECT_TRUE(fixture.log.warnings.empty());
}

TEST_P(ServerDbAsserts, SameTypeWithAnUnreachableTargetFailsNotAsAPrecondition) {
  testing::StepFixture fixture("assert-same-dbtype");
  auto failure = run<AssertSameDbtypeStep>(fixture, {{"source", server->dsn.to_string()}, {"target", absent.to_string()}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Failed);
  EXPECT_TRUE(std::string(failure->what()).starts_with("cannot connect to " + absent.to_string() + ": "))
      << failure->what();
}

// Through the executor, with the password bound to the plan's `database` param: the run exits 3
// on a database with tables and 0 on an empty one.
TEST_P(ServerDbAsserts, RunExitsThreeOnANonEmptyDatabaseAndZeroOnAnEmptyOne) {
  auto compiled = testing::compile_text(R"(planrun: 1
name: t
params:
  staging: {type: database, password: staging_password}
  staging_password: {type: secret, env: PLANRUN_TEST_UNUSED_PASSWORD}
steps:
  - id: same
    type: assert-same-dbtype
    with: {source: "${staging}", target: "${jdbc_url(staging)}"}
  - id: empty
    type: assert-db-empty
    needs: [same]
    with: {database: "${staging}"}
)");
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  ParamValues params{{"staging", Value(fresh.to_string())},
                     {"staging_password", Value(server->password).mark_secret()}};
  testing::StepFixture scratch("unused");
  auto run = [&](const std::string& state) {
    StateStore store(scratch.dir.path() / state);
    testing::RecordingObserver observer;
    CancellationToken cancel;
    SociDatabases plan_databases(DatabaseCredentials::from_params(*compiled.graph, params));
    ExecutorOptions options;
    options.state_dir = scratch.dir.path() / state;
    options.services.databases = &plan_databases;
    Executor(*compiled.graph, params, store, observer, cancel, options).run();
    return observer.record;
  };
  testing::Recording passing = run("state-empty");
  EXPECT_EQ(passing.exit_code, 0) << passing.messages["same"] << passing.messages["empty"];

  databases->open(fresh)->session() << "CREATE TABLE um_user (n INTEGER)";
  testing::Recording failing = run("state-full");
  EXPECT_EQ(failing.exit_code, 3);
  EXPECT_EQ(passing.outcomes["empty"], "done");
  EXPECT_EQ(failing.outcomes["same"], "done");
  EXPECT_EQ(failing.outcomes["empty"], "failed");
  EXPECT_EQ(failing.messages["empty"], "the database " + fresh.to_string() + " must be empty but holds 1 table: um_user");
}

INSTANTIATE_TEST_SUITE_P(Servers, ServerDbAsserts, ::testing::ValuesIn(kServers),
                         [](const auto& info) { return std::string(info.param.name); });
INSTANTIATE_TEST_SUITE_P(Servers, PostgresqlDbAsserts, ::testing::Values(kServers[0]),
                         [](const auto& info) { return std::string(info.param.name); });

// Both servers at once: a PostgreSQL source and a MariaDB target fail before either is asked.
TEST(ServerDbTypes, PostgresqlToMariadbFailsAsAPrecondition) {
  std::optional<testing::TestServer> postgres, mariadb;
  PLANRUN_REQUIRE_SERVER(postgres, "PLANRUN_TEST_POSTGRES");
  PLANRUN_REQUIRE_SERVER(mariadb, "PLANRUN_TEST_MARIADB");
  testing::StepFixture fixture("assert-same-dbtype");
  StepContext context = fixture.context({{"source", postgres->dsn.to_string()}, {"target", mariadb->dsn.jdbc_url()}});
  SociDatabases databases;
  context.services.databases = &databases;
  try {
    AssertSameDbtypeStep().run(context);
    FAIL() << "the step passed";
  } catch (const StepFailure& failure) {
    EXPECT_EQ(failure.kind, Kind::Precondition);
    EXPECT_EQ(std::string(failure.what()),
              "the upgrade cannot change the database type (source is PostgreSQL, target is MySQL): moving data "
              "between database types needs other scripts");
  }
}

}  // namespace
}  // namespace planrun
