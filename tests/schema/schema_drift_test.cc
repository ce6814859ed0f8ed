// The drift test of compare-schema on all three database types: a database made from v1 of a
// Carbon-like DDL (tests/fixtures/schema-drift/) compared with v2, which differs in an index
// name and a column default. SQLite runs everywhere; PostgreSQL and MariaDB need the servers
// scripts/test-servers.sh starts (each test makes and drops its own databases).

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <fstream>
#include <sstream>
#include <thread>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/schema/scratch_schema.h"
#include "interpreter/schema/script_loader.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/compare_schema/compare_schema_step.h"
#include "interpreter/steps/smoke_test/smoke_test_step.h"
#include "tests/support/step_fixture.h"
#include "tests/support/test_servers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Kind = StepFailure::Kind;
namespace fs = std::filesystem;

struct Backend {
  const char* name;        // also the fixtures' prefix: sqlite-v1.sql
  const char* env_prefix;  // nullptr: no server needed
  bool folds_to_lower;     // PostgreSQL folds unquoted names
};

void PrintTo(const Backend& backend, std::ostream* out) { *out << backend.name; }

const Backend kBackends[] = {
    {"sqlite", nullptr, false},
    {"postgresql", "PLANRUN_TEST_POSTGRES", true},
    {"mariadb", "PLANRUN_TEST_MARIADB", false},
};

std::string text_of(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class SchemaDrift : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam().env_prefix) {
      PLANRUN_REQUIRE_SERVER(server, GetParam().env_prefix);
      credentials.add(server->dsn, server->password);
    }
    databases.emplace(credentials);
  }
  void TearDown() override {
    for (const Dsn& dsn : made) admin().session() << "DROP DATABASE " << dsn.database;
  }

  fs::path script(int version) const {
    return fs::path(PLANRUN_SOURCE_DIR) / "tests/fixtures/schema-drift" /
           (std::string(GetParam().name) + "-v" + std::to_string(version) + ".sql");
  }
  // A new database holding the schema of `version`.
  Dsn database_of(int version) {
    Dsn dsn;
    if (!server) {
      dsn.kind = Dsn::Kind::Sqlite;
      dsn.path = (fixture.dir.path() / ("v" + std::to_string(version) + "-" + std::to_string(made_files++) + ".db")).string();
    } else {
      dsn = server->dsn;
      std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
      dsn.database = "planrun_drift_" + std::to_string(::getpid()) + "_" +
                     std::to_string(std::hash<std::string>{}(test) % 100000) + "_" + std::to_string(made.size());
      credentials.add(dsn, server->password);
      databases.emplace(credentials);
      admin().session() << "CREATE DATABASE " << dsn.database;
      made.push_back(dsn);
    }
    load_script_into(*databases->open(dsn), text_of(script(version)));
    return dsn;
  }
  DatabaseConnection& admin() {
    if (!admin_) admin_ = databases->open(server->dsn);
    return *admin_;
  }
  std::string name(const std::string& text) const {
    std::string folded = text;
    if (GetParam().folds_to_lower) std::transform(folded.begin(), folded.end(), folded.begin(), ::tolower);
    return folded;
  }
  std::string default_label() const {
    return "changed: table " + name("UM_TENANT") + " column " + name("UM_ACTIVE") + " default";
  }
  std::string index_label() const {
    return "changed: table " + name("REG_RESOURCE") + " index " + name("REG_RESOURCE_NAME_IDX") + " name";
  }

  std::optional<StepFailure> run(Value::Map fields) {
    StepContext context = fixture.context(std::move(fields));
    context.services.databases = &*databases;
    try {
      CompareSchemaStep().run(context);
    } catch (const StepFailure& failure) {
      outputs = context.outputs;
      return failure;
    }
    outputs = context.outputs;
    return std::nullopt;
  }
  // The report's differences as labels, read from the JSON file the step wrote.
  std::vector<std::string> reported_labels() {
    nlohmann::json report = nlohmann::json::parse(text_of(outputs.at("report").to_text()));
    std::vector<std::string> labels;
    for (const auto& difference : report["differences"])
      labels.push_back(difference["kind"].get<std::string>() + ": " + difference["object"].get<std::string>());
    return labels;
  }

  std::optional<testing::TestServer> server;
  DatabaseCredentials credentials;
  std::optional<SociDatabases> databases;
  std::unique_ptr<DatabaseConnection> admin_;
  std::vector<Dsn> made;
  int made_files = 0;
  testing::StepFixture fixture{"compare-schema", "check-staging"};
  Value::Map outputs;
};

TEST_P(SchemaDrift, TheSameScriptLeavesNoDifference) {
  Dsn v1 = database_of(1);
  auto failure = run({{"database", v1.to_string()}, {"equals_script", script(1).string()}});
  EXPECT_FALSE(failure) << failure->what();
  EXPECT_EQ(outputs.at("differences").as_int(), 0);
}

TEST_P(SchemaDrift, TheNextVersionsScriptNamesExactlyTheIndexNameAndTheDefault) {
  Dsn v1 = database_of(1);
  auto failure = run({{"database", v1.to_string()}, {"equals_script", script(2).string()}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Precondition);
  EXPECT_EQ(outputs.at("differences").as_int(), 2);
  EXPECT_EQ(reported_labels(), (std::vector<std::string>{index_label(), default_label()}));
  std::string message = failure->what();
  EXPECT_NE(message.find("2 differences"), std::string::npos) << message;
  EXPECT_NE(message.find(name("REG_RESOURCE_IND_BY_NAME")), std::string::npos) << message;
  EXPECT_EQ(fs::path(outputs.at("report").to_text()), fixture.run_dir() / "check-staging.schema-differences.json");
}

TEST_P(SchemaDrift, IgnoredIndexNamesAndAnAllowedDefaultPass) {
  Dsn v1 = database_of(1);
  auto failure = run({{"database", v1.to_string()},
                      {"equals_script", Value::List{script(2).string()}},
                      {"ignore_names", Value::List{"indexes"}},
                      {"allow", Value::List{default_label()}}});
  EXPECT_FALSE(failure) << failure->what();
  EXPECT_EQ(outputs.at("differences").as_int(), 0);
  EXPECT_EQ(outputs.at("allowed").as_int(), 1);
  EXPECT_TRUE(fixture.log.warnings.empty());
}

TEST_P(SchemaDrift, AStaleAllowanceIsAWarning) {
  Dsn v1 = database_of(1);
  auto failure = run({{"database", v1.to_string()},
                      {"equals_script", script(1).string()},
                      {"allow", Value::List{default_label()}}});
  EXPECT_FALSE(failure) << failure->what();
  ASSERT_EQ(fixture.log.warnings.size(), 1u);
  EXPECT_NE(fixture.log.warnings[0].find("matched no difference"), std::string::npos);
}

TEST_P(SchemaDrift, EqualsDatabaseComparesTwoDatabases) {
  Dsn v1 = database_of(1);
  Dsn v2 = database_of(2);
  auto failure = run({{"database", v1.to_string()}, {"equals_database", v2.to_string()}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Precondition);
  EXPECT_EQ(reported_labels(), (std::vector<std::string>{index_label(), default_label()}));
  auto same = run({{"database", v1.to_string()}, {"equals_database", database_of(1).to_string()}});
  EXPECT_FALSE(same) << same->what();
}

TEST_P(SchemaDrift, ABrokenScriptFailsNamingItAndLeavesNoScratchBehind) {
  Dsn v1 = database_of(1);
  fs::path broken = fixture.dir.path() / "broken.sql";
  std::ofstream(broken) << "CREATE TABLE A (N INTEGER);\nCREATE TABLE (;\n";
  auto failure = run({{"database", v1.to_string()}, {"equals_script", broken.string()}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Failed);
  EXPECT_NE(std::string(failure->what()).find("the DDL script " + broken.string() + " failed"), std::string::npos)
      << failure->what();
  EXPECT_NE(std::string(failure->what()).find(": line 2:1: "), std::string::npos) << failure->what();
  if (!server) return;
  // On MariaDB a scratch is a database of the server, which other tests running beside this one
  // make and drop too: a scratch this run left behind is one that stays.
  std::string query = GetParam().folds_to_lower
                          ? "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'planrun_scratch_%'"
                          : "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'planrun_scratch_%'";
  long long scratches = -1;
  auto session = databases->open(v1);
  for (int tries = 0; tries < 100 && scratches != 0; ++tries) {
    if (tries) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    session->session() << query, soci::into(scratches);
  }
  EXPECT_EQ(scratches, 0);
}

// A planrun killed while its scratch existed left it on the server; the step's next attempt,
// whose scratch has the same name, drops it and goes on.
TEST_P(SchemaDrift, AScratchLeftByAKilledAttemptIsDroppedByTheNextOne) {
  if (!server) GTEST_SKIP() << "SQLite's scratch is in memory";
  Dsn v1 = database_of(1);
  std::string owner = fixture.dir.path().string() + "/work/schema-check";
  std::string scratch = scratch_name_of(owner);
  bool postgresql = GetParam().folds_to_lower;
  auto session = databases->open(v1);
  session->session() << (postgresql ? "CREATE SCHEMA " : "CREATE DATABASE ") + scratch;
  session->session() << "CREATE TABLE " + scratch + ".LEFTOVER (N INTEGER)";
  DatabaseSchema schema = schema_of_scripts(*databases, v1, {{"t.sql", "CREATE TABLE T (N INTEGER);\n"}}, owner);
  EXPECT_EQ(schema.tables.size(), 1u);
  long long left = -1;
  session->session() << (postgresql ? "SELECT count(*) FROM pg_namespace WHERE nspname = '" + scratch + "'"
                                    : "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + scratch + "'"),
      soci::into(left);
  EXPECT_EQ(left, 0);
}

// A routine whose body holds semicolons, written as each database's own client takes it.
std::string routine_for(const std::string& backend) {
  if (backend == "sqlite") return "\nCREATE TRIGGER touch AFTER UPDATE ON UM_TENANT BEGIN SELECT 1; SELECT 2; END;\n";
  if (backend == "postgresql")
    return "\nCREATE FUNCTION touch() RETURNS integer AS $$ BEGIN PERFORM 1; RETURN 2; END; $$ LANGUAGE plpgsql;\n";
  return "\nDELIMITER //\nCREATE PROCEDURE touch() BEGIN SELECT 1; SELECT 2; END//\nDELIMITER ;\n";
}

TEST_P(SchemaDrift, ScriptsAreSplitAsTheDatabasesOwnClientSplitsThem) {
  Dsn v1 = database_of(1);
  fs::path with_routine = fixture.dir.path() / "with-routine.sql";
  std::ofstream(with_routine) << text_of(script(1)) << routine_for(GetParam().name);
  auto failure = run({{"database", v1.to_string()}, {"equals_script", with_routine.string()}});
  EXPECT_FALSE(failure) << failure->what();
}

TEST_P(SchemaDrift, TheScratchIsDroppedAfterAComparison) {
  Dsn v1 = database_of(1);
  auto before = run({{"database", v1.to_string()}, {"equals_database", v1.to_string()}});
  EXPECT_FALSE(before) << before->what();
  run({{"database", v1.to_string()}, {"equals_script", script(2).string()}});
  // The scratch was dropped: the database reads as v1 still, with no table more.
  auto after = run({{"database", v1.to_string()}, {"equals_script", script(1).string()}});
  EXPECT_FALSE(after) << after->what();
}

TEST_P(SchemaDrift, TheSmokeTestsSchemaCheckNamesTheDifferences) {
  Dsn v1 = database_of(1);
  testing::StepFixture smoke("smoke-test");
  StepContext context = smoke.context(
      {{"checks", Value::List{Value::Map{{"name", "schema is v2"},
                                         {"schema", Value::Map{{"database", v1.to_string()},
                                                               {"equals_script", script(2).string()},
                                                               {"ignore_names", Value::List{"indexes"}}}}}}}});
  context.services.databases = &*databases;
  try {
    SmokeTestStep().run(context);
    ADD_FAILURE() << "the smoke test passed";
  } catch (const StepFailure& failure) {
    std::string message = failure.what();
    EXPECT_NE(message.find("schema is v2"), std::string::npos) << message;
    EXPECT_NE(message.find("1 difference: " + default_label()), std::string::npos) << message;
  }
  StepContext passing = smoke.context(
      {{"checks", Value::List{Value::Map{{"schema", Value::Map{{"database", v1.to_string()},
                                                              {"equals_script", script(2).string()},
                                                              {"ignore_names", Value::List{"indexes"}},
                                                              {"allow", Value::List{default_label()}}}}}}}});
  passing.services.databases = &*databases;
  EXPECT_NO_THROW(SmokeTestStep().run(passing));
}

TEST_P(SchemaDrift, BadFieldsFailNamingWhatIsWrong) {
  if (server) GTEST_SKIP() << "field checks do not depend on the database type";
  Dsn v1 = database_of(1);
  auto unknown = run({{"database", v1.to_string()}, {"equals_script", script(2).string()},
                      {"ignore_names", Value::List{"columns"}}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(std::string(unknown->what()),
            "field 'ignore_names' holds 'columns': the names that can be ignored are indexes and constraints");
  auto malformed = run({{"database", v1.to_string()}, {"equals_script", script(2).string()},
                        {"allow", Value::List{"table UM_TENANT"}}});
  ASSERT_TRUE(malformed);
  EXPECT_NE(std::string(malformed->what()).find("field 'allow': the allow entry 'table UM_TENANT' is not of the form"),
            std::string::npos) << malformed->what();
  auto absent = run({{"database", v1.to_string()}, {"equals_script", "/nonexistent/v2.sql"}});
  ASSERT_TRUE(absent);
  EXPECT_EQ(absent->kind, Kind::Failed);
  EXPECT_NE(std::string(absent->what()).find("cannot read the DDL script /nonexistent/v2.sql"), std::string::npos)
      << absent->what();
  auto other_type = run({{"database", v1.to_string()}, {"equals_database", "postgresql://u@localhost/db"}});
  ASSERT_TRUE(other_type);
  EXPECT_NE(std::string(other_type->what()).find("they are of different types"), std::string::npos) << other_type->what();
}

TEST_P(SchemaDrift, ALoginThatCannotCreateTheScratchFailsSayingSo) {
  if (!server) GTEST_SKIP() << "SQLite's scratch is in memory";
  // The PostgreSQL login of scripts/test-servers.sh may not create roles (CREATEROLE): MariaDB only.
  if (GetParam().folds_to_lower) GTEST_SKIP() << "the PostgreSQL test login cannot create a role";
  Dsn v1 = database_of(1);
  std::string login = "planrun_limited_" + std::to_string(::getpid());
  admin().session() << "CREATE USER '" + login + "'@'%' IDENTIFIED BY 'limited-pw'";
  admin().session() << "GRANT SELECT ON " + v1.database + ".* TO '" + login + "'@'%'";
  Dsn limited = v1;
  limited.user = login;
  credentials.add(limited, "limited-pw");
  databases.emplace(credentials);
  auto failure = run({{"database", limited.to_string()}, {"equals_script", script(2).string()}});
  admin().session() << "DROP USER '" + login + "'@'%'";
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Failed);
  EXPECT_NE(std::string(failure->what()).find("cannot create the scratch database"), std::string::npos) << failure->what();
  EXPECT_NE(std::string(failure->what()).find("needs the CREATE and DROP privileges"), std::string::npos) << failure->what();
}

// The server readers see unique constraints, foreign keys, added columns and (PostgreSQL) sequences.
TEST_P(SchemaDrift, ServerReadersSeeKeysForeignKeysColumnsAndSequences) {
  if (!server) GTEST_SKIP() << "SQLite cannot drop a constraint; its reader is tested in sqlite_schema_reader_test.cc";
  Dsn v1 = database_of(1);
  bool postgresql = GetParam().folds_to_lower;
  std::string foreign_key = postgresql ? "um_user_attribute_um_user_id_um_tenant_id_fkey" : "UM_USER_ATTRIBUTE_ibfk_1";
  {
    auto db = databases->open(v1);
    db->session() << (postgresql ? "ALTER TABLE UM_TENANT DROP CONSTRAINT UM_TENANT_DOMAIN_UNIQUE"
                                 : "ALTER TABLE UM_TENANT DROP INDEX UM_TENANT_DOMAIN_UNIQUE");
    db->session() << (postgresql ? "ALTER TABLE UM_USER_ATTRIBUTE DROP CONSTRAINT " : "ALTER TABLE UM_USER_ATTRIBUTE DROP FOREIGN KEY ") +
                         foreign_key;
    db->session() << "ALTER TABLE UM_USER ADD COLUMN UM_SALT VARCHAR(31)";
    if (postgresql) db->session() << "ALTER SEQUENCE UM_USER_ATTRIBUTE_SEQ INCREMENT BY 5";
  }
  auto failure = run({{"database", v1.to_string()}, {"equals_script", script(1).string()}});
  ASSERT_TRUE(failure);
  std::vector<std::string> expected{
      "missing: table " + name("UM_TENANT") + " unique constraint " + name("UM_TENANT_DOMAIN_UNIQUE"),
      "extra: table " + name("UM_USER") + " column " + name("UM_SALT"),
      "missing: table " + name("UM_USER_ATTRIBUTE") + " foreign key " + foreign_key};
  if (postgresql) expected.push_back("changed: sequence um_user_attribute_seq increment");
  EXPECT_EQ(reported_labels(), expected);
}

INSTANTIATE_TEST_SUITE_P(AllTypes, SchemaDrift, ::testing::ValuesIn(kBackends),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace planrun
