// carbon-connect on small real Carbon homes: several datasources in several files, one not in
// use, one whose password is a secure-vault alias; the driver jar found by its content; the
// review list; one database for all or one per datasource; re-runs.

#include "interpreter/steps/carbon_connect/carbon_connect_step.h"

#include <gtest/gtest.h>

#include "interpreter/databases/database_credentials.h"
#include "interpreter/databases/databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "tests/support/carbon_fixture_home.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::FixtureDatasource;
using testing::read_text;

// The run's passwords, as `planrun run` binds them to database params; no connection is opened.
class BoundPasswords final : public Databases {
 public:
  std::unique_ptr<DatabaseConnection> open(const Dsn& dsn, const OpenOptions&) override {
    throw std::logic_error("carbon-connect opened " + dsn.to_string());
  }
  std::optional<Credential> login(const Dsn& dsn) const override { return credentials.find(dsn); }
  DatabaseCredentials credentials;
};

Dsn dsn(const std::string& text) {
  std::string error;
  return *parse_dsn(text, &error);
}

class CarbonConnectStepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The old home: the registry's and the user store's databases, apart; a demo datasource no one uses.
    testing::write_datasources(old_home(), "master-datasources.xml",
                               {{"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB", "jdbc:postgresql://old-db:5432/carbon"},
                                {"WSO2_DEMO_DB", "jdbc/Demo", "jdbc:h2:repository/database/DEMO"}});
    FixtureDatasource user_store{"WSO2_UM_DB", "jdbc/WSO2UMDB", "jdbc:postgresql://old-db:5432/um", "um"};
    user_store.password_alias = "UM.DB.Password";
    testing::write_datasources(old_home(), "um-datasources.xml", {user_store});
    testing::write_user_mgt(old_home(), "jdbc/WSO2UMDB");
    testing::write_registry(old_home(), "jdbc/WSO2CarbonDB");
    testing::write_jar(lib(old_home()) / "postgresql-9.4-1201.jdbc41.jar", {"org/postgresql/Driver.class"});
    testing::write_jar(lib(old_home()) / "commons-extra.jar", {"org/example/Extra.class"});
    testing::write_jar(old_home() / "repository/components/dropins/custom-handler.jar", {"org/example/Handler.class"});
    // The new pack: its own H2 defaults, no user store file, no jars.
    testing::write_datasources(new_home(), "master-datasources.xml",
                               {{"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB", "jdbc:h2:repository/database/WSO2CARBON_DB",
                                 "wso2carbon", "wso2carbon", "org.h2.Driver"},
                                {"WSO2_DEMO_DB", "jdbc/Demo", "jdbc:h2:repository/database/DEMO", "wso2carbon", "wso2carbon",
                                 "org.h2.Driver"}});
    fs::create_directories(lib(new_home()));
    passwords->credentials.add(dsn("postgresql://staging@new-db:5432/carbon"), "n3w-s3cret");
    passwords->credentials.add(dsn("postgresql://um_staging@new-db:5432/um"), "um-s3cret");
    fixture.masker.secrets = {"n3w-s3cret", "um-s3cret"};
  }
  fs::path old_home() const { return fixture.dir.path() / "old"; }
  fs::path new_home() const { return fixture.dir.path() / "new"; }
  static fs::path lib(const fs::path& home) { return home / "repository/components/lib"; }
  fs::path new_datasources(const std::string& file) const { return new_home() / "repository/conf/datasources" / file; }

  Value::Map by_name() const {
    return {{"old_home", Value(old_home().string())},
            {"new_home", Value(new_home().string())},
            {"databases", Value(Value::Map{{"WSO2_CARBON_DB", Value("postgresql://staging@new-db:5432/carbon")},
                                           {"WSO2_UM_DB", Value("postgresql://um_staging@new-db:5432/um")}})}};
  }
  StepContext context_for(Value::Map fields) {
    StepContext context = fixture.context(std::move(fields));
    context.services.databases = passwords.get();
    context.work_dir = fixture.dir.path() / "work";
    return context;
  }
  void run(Value::Map fields) {
    StepContext context = context_for(std::move(fields));
    CarbonConnectStep().run(context);
    outputs = context.outputs;
  }
  std::string failure_of(Value::Map fields) {
    return testing::failure_message([&] { run(std::move(fields)); });
  }
  std::vector<std::string> describe(const Value::Map& fields) {
    DescribeContext context{fixture.step, fields, fixture.masker};
    return CarbonConnectStep().describe(context);
  }

  testing::StepFixture fixture{"carbon-connect", "connect"};
  std::unique_ptr<BoundPasswords> passwords = std::make_unique<BoundPasswords>();
  Value::Map outputs;
};

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

TEST_F(CarbonConnectStepTest, EveryDatasourceInUseGetsItsDatabaseLoginAndDriver) {
  run(by_name());
  std::string master = read_text(new_datasources("master-datasources.xml"));
  EXPECT_NE(master.find("<url>jdbc:postgresql://new-db:5432/carbon</url>\n"
                        "                    <username>staging</username>\n"
                        "                    <password>n3w-s3cret</password>\n"
                        "                    <driverClassName>org.postgresql.Driver</driverClassName>"),
            std::string::npos)
      << master;
  EXPECT_EQ(outputs["datasources"], Value(Value::List{"WSO2_CARBON_DB", "WSO2_UM_DB"}));
}

TEST_F(CarbonConnectStepTest, ADatasourceNotInUseStaysAsThePackShipsIt) {
  run(by_name());
  std::string master = read_text(new_datasources("master-datasources.xml"));
  EXPECT_NE(master.find(testing::datasource_element({"WSO2_DEMO_DB", "jdbc/Demo", "jdbc:h2:repository/database/DEMO",
                                                      "wso2carbon", "wso2carbon", "org.h2.Driver"})),
            std::string::npos)
      << master;
}

TEST_F(CarbonConnectStepTest, AFileThePackLacksIsCarriedAndASecureVaultAliasStaysAnAlias) {
  run(by_name());
  std::string user_store = read_text(new_datasources("um-datasources.xml"));
  EXPECT_NE(user_store.find("<url>jdbc:postgresql://new-db:5432/um</url>\n"
                            "                    <username>um_staging</username>\n"
                            "                    <password svns:secretAlias=\"UM.DB.Password\"></password>"),
            std::string::npos)
      << user_store;
  EXPECT_EQ(user_store.find("um-s3cret"), std::string::npos);
  EXPECT_EQ(fs::status(new_datasources("um-datasources.xml")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(CarbonConnectStepTest, ADatasourceTheFileLacksIsCarriedIntoIt) {
  testing::write_datasources(new_home(), "master-datasources.xml",
                             {{"WSO2_DEMO_DB", "jdbc/Demo", "jdbc:h2:repository/database/DEMO", "wso2carbon", "wso2carbon",
                               "org.h2.Driver"}});
  run(by_name());
  std::string master = read_text(new_datasources("master-datasources.xml"));
  EXPECT_NE(master.find("<name>WSO2_DEMO_DB</name>"), std::string::npos);
  EXPECT_NE(master.find("<name>WSO2_CARBON_DB</name>"), std::string::npos);
  EXPECT_NE(master.find("<password>n3w-s3cret</password>"), std::string::npos) << master;
}

TEST_F(CarbonConnectStepTest, TheDriverJarIsFoundByItsContentAndCarried) {
  run(by_name());
  fs::path carried = lib(new_home()) / "postgresql-9.4-1201.jdbc41.jar";
  EXPECT_EQ(read_text(carried), read_text(lib(old_home()) / "postgresql-9.4-1201.jdbc41.jar"));
  EXPECT_EQ(outputs["jars"], Value(Value::List{carried.string()}));
}

TEST_F(CarbonConnectStepTest, AMissingDriverJarFailsNamingTheClassAndTheFolder) {
  fs::remove(lib(old_home()) / "postgresql-9.4-1201.jdbc41.jar");
  std::string expected = "no jar in " + lib(old_home()).string() +
                         " holds the JDBC driver class org.postgresql.Driver (org/postgresql/Driver.class): put the "
                         "driver's jar there or in " + lib(new_home()).string();
  EXPECT_EQ(failure_of(by_name()), expected);
  try {
    describe(by_name());
    FAIL() << "describe did not fail";
  } catch (const DescribedFailure& failure) {
    EXPECT_EQ(failure.what(), expected);
  }
  EXPECT_EQ(read_text(new_datasources("master-datasources.xml")).find("new-db"), std::string::npos) << "nothing is written";
}

TEST_F(CarbonConnectStepTest, JarsAndDropinsTheNewHomeLacksAreListedForReviewNotCopied) {
  run(by_name());
  Value::List review{"repository/components/lib/commons-extra.jar", "repository/components/dropins/custom-handler.jar"};
  EXPECT_EQ(outputs["review"], Value(review));
  EXPECT_FALSE(fs::exists(lib(new_home()) / "commons-extra.jar"));
  EXPECT_NE(joined(fixture.log.warnings).find("for review (the old home has it, the new one has not; not copied): "
                                              "repository/components/dropins/custom-handler.jar"),
            std::string::npos);
}

TEST_F(CarbonConnectStepTest, OneDatabaseForDatasourcesOnTwoDatabasesFailsNamingTheSecond) {
  Value::Map fields = by_name();
  fields.erase("databases");
  fields["database"] = Value("postgresql://staging@new-db:5432/carbon");
  std::string failure = failure_of(fields);
  EXPECT_EQ(failure.find("datasource 'WSO2_UM_DB' (" + old_home().string() +
                         "/repository/conf/datasources/um-datasources.xml:6:9) is on another database than datasource "
                         "'WSO2_CARBON_DB'"),
            0u)
      << failure;
}

TEST_F(CarbonConnectStepTest, OneDatabaseTakesEveryDatasourceWhenTheyShareOne) {
  FixtureDatasource user_store{"WSO2_UM_DB", "jdbc/WSO2UMDB", "jdbc:postgresql://old-db/carbon", "um"};
  testing::write_datasources(old_home(), "um-datasources.xml", {user_store});
  Value::Map fields = by_name();
  fields.erase("databases");
  fields["database"] = Value("postgresql://staging@new-db:5432/carbon");
  run(fields);
  std::string user_store_file = read_text(new_datasources("um-datasources.xml"));
  EXPECT_NE(user_store_file.find("<url>jdbc:postgresql://new-db:5432/carbon</url>"), std::string::npos) << user_store_file;
  EXPECT_NE(user_store_file.find("<password>n3w-s3cret</password>"), std::string::npos) << user_store_file;
}

TEST_F(CarbonConnectStepTest, ADatasourceInUseMissingFromTheMapIsLeftOnTheOldDatabase) {
  Value::Map fields = by_name();
  fields["databases"] = Value(Value::Map{{"WSO2_CARBON_DB", Value("postgresql://staging@new-db:5432/carbon")}});
  EXPECT_EQ(failure_of(fields), "datasource 'WSO2_UM_DB' (" + old_home().string() +
                                    "/repository/conf/datasources/um-datasources.xml:6:9), used by " + old_home().string() +
                                    "/repository/conf/user-mgt.xml:5:13 <Property name=\"dataSource\">, has no entry in "
                                    "`databases`: a datasource left on the old database");
}

TEST_F(CarbonConnectStepTest, AMapEntryForNoDatasourceInUseIsAnError) {
  Value::Map fields = by_name();
  fields["databases"].as_map()["WSO2_CARBON"] = Value("postgresql://staging@new-db:5432/carbon");
  EXPECT_EQ(failure_of(fields),
            "`databases` names 'WSO2_CARBON', which is no datasource the old home uses (did you mean 'WSO2_CARBON_DB'?)");
}

TEST_F(CarbonConnectStepTest, AServerDatabaseWithoutAPasswordFails) {
  Value::Map fields = by_name();
  fields["databases"].as_map()["WSO2_CARBON_DB"] = Value("postgresql://nobody@new-db:5432/carbon");
  EXPECT_NE(failure_of(fields).find("no password is bound to postgresql://nobody@new-db:5432/carbon"), std::string::npos);
}

TEST_F(CarbonConnectStepTest, RunningAgainChangesNothingMore) {
  run(by_name());
  std::string master = read_text(new_datasources("master-datasources.xml"));
  std::string user_store = read_text(new_datasources("um-datasources.xml"));
  fixture.log.infos.clear();
  run(by_name());
  EXPECT_EQ(read_text(new_datasources("master-datasources.xml")), master);
  EXPECT_EQ(read_text(new_datasources("um-datasources.xml")), user_store);
  EXPECT_NE(joined(fixture.log.infos).find(new_datasources("master-datasources.xml").string() + " already holds these settings"),
            std::string::npos)
      << joined(fixture.log.infos);
}

TEST_F(CarbonConnectStepTest, ARunKilledAfterTheJarAndOneFileFinishesTheSameWay) {
  std::string pack_master = read_text(new_datasources("master-datasources.xml"));
  run(by_name());
  std::string master = read_text(new_datasources("master-datasources.xml"));
  std::string user_store = read_text(new_datasources("um-datasources.xml"));
  // As a kill after the jar and the user store file, before master-datasources.xml, leaves it.
  testing::write_file(new_datasources("master-datasources.xml"), pack_master);
  testing::write_file(lib(new_home()) / ".postgresql-9.4-1201.jdbc41.jar.planrun-copy", "half a jar");
  run(by_name());
  EXPECT_EQ(read_text(new_datasources("master-datasources.xml")), master);
  EXPECT_EQ(read_text(new_datasources("um-datasources.xml")), user_store);
  EXPECT_EQ(outputs["review"], Value(Value::List{"repository/components/lib/commons-extra.jar",
                                                  "repository/components/dropins/custom-handler.jar"}));
}

TEST_F(CarbonConnectStepTest, WhatItShowsHidesThePasswords) {
  run(by_name());
  std::string shown = joined(fixture.log.infos) + joined(fixture.log.warnings);
  EXPECT_EQ(shown.find("n3w-s3cret"), std::string::npos) << shown;
  EXPECT_NE(shown.find("+                    <password>***</password>"), std::string::npos) << shown;
  EXPECT_NE(shown.find("-                    <password>***</password>"), std::string::npos) << shown;
}

TEST_F(CarbonConnectStepTest, DescribeShowsTheConnectionsJarsAndDiffsWithoutPasswords) {
  std::string shown = joined(describe(by_name()));
  EXPECT_NE(shown.find("would connect datasource 'WSO2_CARBON_DB' (used by " + old_home().string() +
                       "/repository/conf/registry.xml:4:9 <dbConfig name=\"wso2registry\"> (<currentDBConfig>)): url "
                       "jdbc:postgresql://new-db:5432/carbon, username staging, password ***, driver org.postgresql.Driver"),
            std::string::npos)
      << shown;
  EXPECT_NE(shown.find("password the secure-vault alias UM.DB.Password (kept)"), std::string::npos) << shown;
  EXPECT_NE(shown.find("driver org.postgresql.Driver: " + (lib(old_home()) / "postgresql-9.4-1201.jdbc41.jar").string()),
            std::string::npos);
  EXPECT_NE(shown.find("+                    <url>jdbc:postgresql://new-db:5432/carbon</url>"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("wso2carbon</password>"), std::string::npos) << shown;
  EXPECT_NE(shown.find("for review (the old home has it, the new one has not; not copied): "
                       "repository/components/lib/commons-extra.jar"),
            std::string::npos)
      << shown;
  EXPECT_FALSE(fs::exists(new_datasources("um-datasources.xml"))) << "describe writes nothing";
}

TEST_F(CarbonConnectStepTest, DescribeBeforeTheNewHomeIsUnpackedSaysWhatItWillShowThen) {
  fs::remove_all(new_home());
  std::string shown = joined(describe(by_name()));
  EXPECT_NE(shown.find(new_home().string() + " is not a Carbon home yet"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("for review"), std::string::npos) << shown;
  EXPECT_NE(shown.find("would connect datasource 'WSO2_UM_DB'"), std::string::npos) << shown;
}

}  // namespace
}  // namespace planrun
