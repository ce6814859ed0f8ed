// assert-same-dbtype: types from the DSNs, versions through the Databases service (read-only).

#include "interpreter/steps/assert_same_dbtype/assert_same_dbtype_step.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/fake_databases.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Kind = StepFailure::Kind;

StepFailure failure_of(StepContext& context) {
  try {
    AssertSameDbtypeStep().run(context);
  } catch (const StepFailure& failure) {
    return failure;
  }
  ADD_FAILURE() << "the step did not fail";
  return StepFailure(Kind::Failed, "");
}

struct Case {
  const char* source;
  const char* target;
  const char* message;
};

TEST(AssertSameDbtypeStep, DifferentTypesFailAsAPreconditionWithoutConnecting) {
  const Case cases[] = {
      {"postgresql://carbon@db/wso2", "mysql://carbon@db/wso2",
       "the upgrade cannot change the database type (source is PostgreSQL, target is MySQL): moving data between "
       "database types needs other scripts"},
      {"jdbc:mariadb://db/wso2", "sqlite:/data/staging.db",
       "the upgrade cannot change the database type (source is MySQL, target is SQLite): moving data between "
       "database types needs other scripts"},
      {"jdbc:sqlite:/data/a.db", "jdbc:postgresql://db:5433/wso2",
       "the upgrade cannot change the database type (source is SQLite, target is PostgreSQL): moving data between "
       "database types needs other scripts"},
  };
  for (const Case& c : cases) {
    testing::StepFixture fixture("assert-same-dbtype");
    testing::FakeDatabases databases;
    StepContext context = fixture.context({{"source", c.source}, {"target", c.target}});
    context.services.databases = &databases;
    StepFailure failure = failure_of(context);
    EXPECT_EQ(failure.kind, Kind::Precondition) << c.source;
    EXPECT_EQ(std::string(failure.what()), c.message);
    EXPECT_TRUE(databases.requests.empty()) << c.source;
    EXPECT_TRUE(context.outputs.empty());
  }
}

TEST(AssertSameDbtypeStep, MysqlAndMariadbInAnyFormAreOneType) {
  // Not a type failure: the step goes on to ask the source for its version.
  testing::StepFixture fixture("assert-same-dbtype");
  testing::FakeDatabases databases;
  databases.refuse("mysql://db/source", "Connection refused");
  StepContext context =
      fixture.context({{"source", "jdbc:mariadb://db/source"}, {"target", "mysql://db:3306/target"}});
  context.services.databases = &databases;
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_EQ(std::string(failure.what()), "cannot connect to mysql://db/source: Connection refused");
  ASSERT_EQ(databases.requests.size(), 1u);
  EXPECT_EQ(databases.requests[0].dsn, "mysql://db/source");
  EXPECT_TRUE(databases.requests[0].read_only);
}

TEST(AssertSameDbtypeStep, UnreachableServerFailsNamingItNotAsAPrecondition) {
  testing::StepFixture fixture("assert-same-dbtype");
  testing::FakeDatabases databases;
  databases.refuse("postgresql://carbon@db/wso2", "Connection refused");
  StepContext context =
      fixture.context({{"source", "postgresql://carbon@db/wso2"}, {"target", "postgresql://carbon@db2/wso2"}});
  context.services.databases = &databases;
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_EQ(std::string(failure.what()), "cannot connect to postgresql://carbon@db/wso2: Connection refused");
}

// MySQL/MariaDB servers as the fake gives them (SQLite underneath), each answering
// SELECT VERSION() with the version the test gives its DSN.
class VersionedServers final : public Databases {
 public:
  std::unique_ptr<DatabaseConnection> open(const Dsn& dsn, const OpenOptions& options = {}) override {
    auto connection = fake.open(dsn, options);
    sqlite3_create_function(connection->sqlite_handle(), "VERSION", 0, SQLITE_UTF8, &versions.at(dsn.to_string()),
                            &answer, nullptr, nullptr);
    return connection;
  }

  std::map<std::string, std::string> versions;  // by Dsn::to_string()
  testing::FakeDatabases fake;

 private:
  static void answer(sqlite3_context* call, int, sqlite3_value**) {
    sqlite3_result_text(call, static_cast<std::string*>(sqlite3_user_data(call))->c_str(), -1, SQLITE_TRANSIENT);
  }
};

TEST(AssertSameDbtypeStep, ServersOfOneTypeReportTheirVersionsAndWarnWhenMajorsDiffer) {
  struct VersionCase {
    const char* source_version;
    const char* target_version;
    std::vector<std::string> warnings;
  };
  const VersionCase cases[] = {
      {"10.6.18-MariaDB", "10.11.6-MariaDB-log", {}},
      {"10.11.6-MariaDB", "11.4.2-MariaDB",
       {"the major versions differ (source 10.11.6-MariaDB, target 11.4.2-MariaDB): check that the target server "
        "supports the data"}},
  };
  for (const VersionCase& c : cases) {
    testing::StepFixture fixture("assert-same-dbtype");
    VersionedServers servers;
    servers.versions = {{"mysql://carbon@old/wso2", c.source_version}, {"mysql://staging/wso2", c.target_version}};
    StepContext context = fixture.context({{"source", "mariadb://carbon@old/wso2"}, {"target", "jdbc:mysql://staging/wso2"}});
    context.services.databases = &servers;
    AssertSameDbtypeStep().run(context);
    EXPECT_EQ(context.outputs.at("dbtype").as_string(), "mysql");
    EXPECT_EQ(context.outputs.at("source_version").as_string(), c.source_version);
    EXPECT_EQ(context.outputs.at("target_version").as_string(), c.target_version);
    EXPECT_EQ(fixture.log.infos, std::vector<std::string>{"source and target are both MySQL (source "
                                                          "mysql://carbon@old/wso2: " + std::string(c.source_version) +
                                                          "; target mysql://staging/wso2: " + c.target_version + ")"});
    EXPECT_EQ(fixture.log.warnings, c.warnings);
    ASSERT_EQ(servers.fake.requests.size(), 2u);
    EXPECT_TRUE(servers.fake.requests[0].read_only);
    EXPECT_TRUE(servers.fake.requests[1].read_only);
  }
}

TEST(AssertSameDbtypeStep, SqliteFilesPassWithTheLibraryVersionAndAreNotOpened) {
  testing::StepFixture fixture("assert-same-dbtype");
  testing::FakeDatabases databases;
  std::string source = "sqlite:" + (fixture.dir.path() / "source.db").string();
  std::string target = "jdbc:sqlite:" + (fixture.dir.path() / "staging.db").string();
  StepContext context = fixture.context({{"source", source}, {"target", target}});
  context.services.databases = &databases;
  AssertSameDbtypeStep().run(context);
  std::string version = sqlite3_libversion();
  EXPECT_EQ(context.outputs.at("dbtype").as_string(), "sqlite");
  EXPECT_EQ(context.outputs.at("source_version").as_string(), version);
  EXPECT_EQ(context.outputs.at("target_version").as_string(), version);
  EXPECT_TRUE(databases.requests.empty());
  EXPECT_FALSE(std::filesystem::exists(fixture.dir.path() / "staging.db"));
  ASSERT_EQ(fixture.log.infos.size(), 1u);
  EXPECT_EQ(fixture.log.infos[0], "source and target are both SQLite (source " + source + ": " + version +
                                      "; target sqlite:" + (fixture.dir.path() / "staging.db").string() + ": " +
                                      version + ")");
  EXPECT_TRUE(fixture.log.warnings.empty());
}

// H2 databases are files: the step compares their types without opening them.
TEST(AssertSameDbtypeStep, TwoEmbeddedH2DatabasesAreOfOneTypeWithoutBeingOpened) {
  testing::StepFixture fixture{"assert-same-dbtype"};
  StepContext context = fixture.context({{"source", "jdbc:h2:/old/repository/database/WSO2CARBON_DB"},
                                         {"target", "jdbc:h2:/new/repository/database/WSO2CARBON_DB"}});
  AssertSameDbtypeStep().run(context);
  EXPECT_EQ(context.outputs.at("dbtype"), Value("h2"));
  EXPECT_TRUE(fixture.log.warnings.empty());
}

TEST(AssertSameDbtypeStep, DescribeNamesBothDatabases) {
  testing::ReplacingMasker masker;
  Value::Map fields{{"source", "sqlite:/a.db"}, {"target", "jdbc:sqlite:/b.db"}};
  StepNode step;
  DescribeContext context{step, fields, masker};
  EXPECT_EQ(AssertSameDbtypeStep().describe(context),
            std::vector<std::string>{
                "would check that sqlite:/a.db and sqlite:/b.db are of the same database type, reading their versions"});
}

TEST(AssertSameDbtypeStep, DescribeMasksADsnFromASecret) {
  testing::ReplacingMasker masker;
  masker.secrets = {"postgresql://carbon@db-internal/wso2"};
  Value::Map fields{{"source", Value("postgresql://carbon@db-internal/wso2").mark_secret()},
                    {"target", "postgresql://carbon@staging/wso2"}};
  StepNode step;
  DescribeContext context{step, fields, masker};
  EXPECT_EQ(AssertSameDbtypeStep().describe(context),
            std::vector<std::string>{"would check that *** and postgresql://carbon@staging/wso2 are of the same "
                                     "database type, reading their versions"});
}

}  // namespace
}  // namespace planrun
