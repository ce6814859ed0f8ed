// The fake Carbon server is as strict as Carbon where an upgrade plan can go wrong: each
// mistake an operator or a plan makes (a wrong login, a missing driver jar, the stock key
// store, a datasource on a missing database, a port offset) makes it log an ERROR naming the
// cause and never report "started"; a home without them starts. Real PostgreSQL and MariaDB
// servers (scripts/test-servers.sh) check the logins.

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <regex>
#include <thread>

#include "interpreter/databases/soci_databases.h"
#include "tests/support/test_servers.h"
#include "tests/tools/fake_carbon_home.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::file_text;
using testing::shell;
using testing::shell_quoted;

// A SQLite database holding the tables the fake looks for (UM_USER, REG_PATH).
void make_carbon_sqlite(const fs::path& file) {
  Dsn dsn;
  dsn.kind = Dsn::Kind::Sqlite;
  dsn.path = file.string();
  auto connection = SociDatabases().open(dsn);
  connection->session() << "CREATE TABLE UM_USER (UM_ID INTEGER, UM_USER_NAME VARCHAR(255))";
  connection->session() << "CREATE TABLE REG_PATH (REG_PATH_ID INTEGER, REG_PATH_VALUE VARCHAR(255))";
}

class FakeCarbonServer : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("planrun-fake-carbon-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    setenv("FAKE_CARBON_START_DELAY_MS", "100", 1);
    setenv("FAKE_CARBON_STOP_DELAY_MS", "100", 1);
    offset = testing::free_carbon_offset();
    old_db = dir / "carbon.db";
    make_carbon_sqlite(old_db);
  }
  void TearDown() override {
    if (!home.empty()) testing::stop_carbon(home);
    fs::remove_all(dir);
  }
  // Makes the old home with `args` (shell words) beside --jdbc-url; sets `home`.
  void make_home(const std::string& jdbc_url, const std::string& args = "") {
    testing::ShellOutcome made = testing::make_carbon_home(dir, offset, "--jdbc-url " + shell_quoted(jdbc_url) + " " + args);
    ASSERT_EQ(made.exit_code, 0) << made.output;
    home = dir / "wso2carbon-4.4.6";
  }
  // Unpacks the 4.4.7 archive into dir/new; sets `home`.
  void unpack_new_home() {
    fs::create_directories(dir / "new");
    ASSERT_EQ(shell("tar -xzf " + (dir / "wso2carbon-4.4.7.tar.gz").string() + " -C " + (dir / "new").string() +
                    " --strip-components=1").exit_code, 0);
    home = dir / "new";
  }
  void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = file_text(file);
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " is not in " << file;
    std::ofstream(file, std::ios::trunc) << text.replace(at, from.size(), to);
  }
  fs::path conf(const std::string& name) const { return home / "repository/conf" / name; }

  fs::path dir, home, old_db;
  int offset = 0;
};

// Every ERROR of a log, and that it never said "started".
void expect_failed_with(const testing::CarbonStart& start, const std::string& error) {
  EXPECT_FALSE(start.started) << start.log;
  EXPECT_NE(start.log.find("Starting WSO2 Carbon..."), std::string::npos) << start.log;
  EXPECT_NE(start.log.find(error), std::string::npos) << "no '" << error << "' in:\n" << start.log;
  EXPECT_EQ(start.log.find("Mgt Console URL"), std::string::npos) << start.log;
}

TEST_F(FakeCarbonServer, AGoodHomeStartsLateLogsLikeCarbonAndLeavesItsPidFileWhenStopped) {
  make_home("jdbc:sqlite:" + old_db.string());
  setenv("FAKE_CARBON_START_DELAY_MS", "1500", 1);
  setenv("FAKE_CARBON_STOP_DELAY_MS", "1500", 1);
  auto before = std::chrono::steady_clock::now();
  testing::ShellOutcome launched = shell((home / "bin/wso2server.sh").string() + " start");
  auto returned_after = std::chrono::steady_clock::now() - before;
  ASSERT_EQ(launched.exit_code, 0) << launched.output;
  EXPECT_LT(returned_after, std::chrono::milliseconds(1000)) << "start must return at once, as Carbon's does";
  for (int i = 0; i < 100 && testing::pid_in(home).empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_FALSE(testing::pid_in(home).empty()) << "the server writes its pid file first";
  EXPECT_TRUE(testing::port_free(9443 + offset)) << "it listens only once it started";
  EXPECT_EQ(file_text(home / "repository/logs/wso2carbon.log").find("started"), std::string::npos);
  testing::CarbonStart start = testing::wait_for_carbon(home, 0, "");
  ASSERT_TRUE(start.started) << start.log;
  std::string log = file_text(home / "repository/logs/wso2carbon.log");
  EXPECT_TRUE(std::regex_search(log, std::regex(R"(TID: \[-1234\] \[\] \[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\]  INFO )"
                                                R"(\{org\.wso2\.carbon\.core\.internal\.CarbonCoreActivator\} -  Starting WSO2 Carbon\.\.\. \n)")))
      << log;
  EXPECT_TRUE(std::regex_search(log, std::regex(R"(\} -  WSO2 Carbon started in [12] sec \n)"))) << log;
  EXPECT_NE(log.find("Mgt Console URL  : https://localhost:" + std::to_string(9443 + offset) + "/carbon/"), std::string::npos);
  EXPECT_EQ(log.find("ERROR"), std::string::npos) << log;
  EXPECT_EQ(log.find("WSO2_METRICS_DB"), std::string::npos) << "a datasource nothing uses is not checked: " << log;
  EXPECT_FALSE(testing::port_free(9443 + offset));
  EXPECT_FALSE(testing::port_free(9763 + offset));

  std::string pid = testing::pid_in(home);
  ASSERT_EQ(shell((home / "bin/wso2server.sh").string() + " stop").exit_code, 0);
  EXPECT_TRUE(testing::process_runs(pid)) << "stop returns before the server has exited, as Carbon's does";
  EXPECT_FALSE(testing::port_free(9443 + offset));
  testing::stop_carbon(home);
  EXPECT_FALSE(testing::process_runs(pid));
  EXPECT_TRUE(testing::port_free(9443 + offset));
  EXPECT_EQ(testing::pid_in(home), pid) << "Carbon leaves wso2carbon.pid behind";
  EXPECT_NE(file_text(home / "repository/logs/wso2carbon.log").find("Halting JVM"), std::string::npos);
  EXPECT_NE(shell((home / "bin/wso2server.sh").string() + " status").exit_code, 0);
}

TEST_F(FakeCarbonServer, TheNewPackStartsAsShippedOnItsEmbeddedH2) {
  make_home("jdbc:sqlite:" + old_db.string());
  unpack_new_home();
  testing::CarbonStart start = testing::start_carbon(home);
  EXPECT_TRUE(start.started) << start.log;
  EXPECT_NE(start.log.find("WSO2 Carbon-4.4.7"), std::string::npos) << start.log;
}

TEST_F(FakeCarbonServer, ADatasourceInUseWhoseDriverJarIsMissingFailsNamingTheClass) {
  make_home("jdbc:sqlite:" + old_db.string());
  fs::remove(home / "repository/components/lib/sqlite-jdbc-3.34.0.jar");
  expect_failed_with(testing::start_carbon(home),
                     "ERROR {org.wso2.carbon.user.core.internal.Activator} -  Cannot start User Manager Core bundle: "
                     "datasource 'WSO2_CARBON_DB' (jdbc/WSO2CarbonDB, " + conf("datasources/master-datasources.xml").string() +
                     ":6:9): Cannot load JDBC driver class 'org.sqlite.JDBC'");
}

TEST_F(FakeCarbonServer, TheNewPackConnectedToStagingWithoutTheDriverJarFails) {
  make_home("jdbc:sqlite:" + old_db.string());
  unpack_new_home();
  fs::path datasources = conf("datasources/master-datasources.xml");
  replace_in(datasources, "jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000",
             "jdbc:sqlite:" + old_db.string());
  expect_failed_with(testing::start_carbon(home), "Driver:org.h2.Driver returned null for URL:jdbc:sqlite:" + old_db.string());
  replace_in(datasources, "org.h2.Driver", "org.sqlite.JDBC");
  expect_failed_with(testing::start_carbon(home), "Cannot load JDBC driver class 'org.sqlite.JDBC'");
  fs::copy(dir / "wso2carbon-4.4.6/repository/components/lib/sqlite-jdbc-3.34.0.jar", home / "repository/components/lib/");
  EXPECT_TRUE(testing::start_carbon(home).started);
}

TEST_F(FakeCarbonServer, AUserManagementDatasourceOnAMissingSqliteFileFails) {
  make_home("jdbc:sqlite:" + old_db.string(), "--um-jdbc-url " + shell_quoted("jdbc:sqlite:" + (dir / "missing-um.db").string()));
  testing::CarbonStart start = testing::start_carbon(home);
  expect_failed_with(start, "Cannot start User Manager Core bundle: datasource 'WSO2_UM_DB' (jdbc/WSO2UMDB, " +
                                conf("datasources/um-datasources.xml").string() + ":6:9): the SQLite database file " +
                                (dir / "missing-um.db").string() + " does not exist");
  EXPECT_EQ(start.log.find("WSO2_CARBON_DB"), std::string::npos) << "the registry's datasource is fine: " << start.log;
}

TEST_F(FakeCarbonServer, AMountedRegistrysDatasourceIsInUseAndOnlyDatasourceFilesAreRead) {
  make_home("jdbc:sqlite:" + old_db.string());
  fs::path governance = dir / "governance.db";
  std::string datasource = "<datasources-configuration><datasources><datasource><name>WSO2_GOV_DB</name>"
                           "<jndiConfig><name>jdbc/WSO2GovDB</name></jndiConfig><definition type=\"RDBMS\"><configuration>"
                           "<url>jdbc:sqlite:" + governance.string() + "</url><driverClassName>org.sqlite.JDBC</driverClassName>"
                           "</configuration></definition></datasource></datasources></datasources-configuration>\n";
  // Carbon reads only master-datasources.xml and *-datasources.xml: this copy is ignored.
  std::ofstream(conf("datasources/gov-datasources.xml.bak")) << datasource;
  replace_in(conf("registry.xml"), "    <versionResourcesOnChange>",
             "    <dbConfig name=\"governance\"><dataSource>jdbc/WSO2GovDB</dataSource></dbConfig>\n"
             "    <remoteInstance url=\"https://localhost:9443/registry\"><id>gov</id><dbConfig>governance</dbConfig>"
             "</remoteInstance>\n    <versionResourcesOnChange>");
  expect_failed_with(testing::start_carbon(home), "Failed to initialize registry: no datasource has the JNDI name 'jdbc/WSO2GovDB' (used at " +
                                                       conf("registry.xml").string() + ":9:");
  std::ofstream(conf("datasources/gov-datasources.xml")) << datasource;
  expect_failed_with(testing::start_carbon(home), "ERROR {org.wso2.carbon.registry.core.internal.RegistryCoreServiceComponent} -  "
                                                  "Failed to initialize registry: datasource 'WSO2_GOV_DB' (jdbc/WSO2GovDB, " +
                                                       conf("datasources/gov-datasources.xml").string() + ":1:41): the SQLite database file " +
                                                       governance.string() + " does not exist");
  make_carbon_sqlite(governance);
  EXPECT_TRUE(testing::start_carbon(home).started);
}

TEST_F(FakeCarbonServer, ASqliteDatabaseWithoutCarbonTablesIsNotTakenForOne) {
  fs::path empty = dir / "empty.db";
  make_home("jdbc:sqlite:" + old_db.string(), "--um-jdbc-url " + shell_quoted("jdbc:sqlite:" + empty.string()));
  testing::shell("sqlite3 " + empty.string() + " 'CREATE TABLE T (A INTEGER)'");
  expect_failed_with(testing::start_carbon(home), "the SQLite database " + empty.string() + " has no table UM_USER");
}

TEST_F(FakeCarbonServer, TheStockKeyStoreCannotDecryptTheUserStorePasswordsOfTheOldOne) {
  make_home("jdbc:sqlite:" + old_db.string(), "--tenants 2");
  EXPECT_TRUE(testing::start_carbon(home).started);
  testing::stop_carbon(home);
  fs::path carbon_xml = conf("carbon.xml");
  replace_in(carbon_xml, "acme.jks", "wso2carbon.jks");
  replace_in(carbon_xml, "<Password>acme-keystore-pw</Password>", "<Password>wso2carbon</Password>");
  replace_in(carbon_xml, "<KeyAlias>acme</KeyAlias>", "<KeyAlias>wso2carbon</KeyAlias>");
  replace_in(carbon_xml, "<KeyPassword>acme-keystore-pw</KeyPassword>", "<KeyPassword>wso2carbon</KeyPassword>");
  testing::CarbonStart start = testing::start_carbon(home);
  std::string stock = (home / "repository/resources/security/wso2carbon.jks").string() + " (alias 'wso2carbon')";
  for (std::string file : {"deployment/server/userstores/SECONDARY.xml:8:5: encryption of Property=password",
                                  "deployment/server/userstores/PARTNERS.xml:6:5: encryption of Property=ConnectionPassword",
                                  "tenants/1/userstores/TENANT1_STORE.xml:8:5: encryption of Property=password",
                                  "tenants/2/userstores/TENANT2_STORE.xml:8:5: encryption of Property=password"})
    expect_failed_with(start, "ERROR {org.wso2.carbon.user.core.config.UserStoreConfigXMLProcessor} -  " +
                                  (home / "repository").string() + "/" + file + " failed: the primary key store " + stock +
                                  " cannot decrypt it");
}

TEST_F(FakeCarbonServer, AKeyStoreWithTheWrongPasswordOrAliasFails) {
  make_home("jdbc:sqlite:" + old_db.string(), "--keystore-password " + shell_quoted("s3cret store"));
  fs::path carbon_xml = conf("carbon.xml");
  replace_in(carbon_xml, "<Password>s3cret store</Password>", "<Password>wrong</Password>");
  expect_failed_with(testing::start_carbon(home), "Keystore was tampered with, or password was incorrect");
  replace_in(carbon_xml, "<Password>wrong</Password>", "<Password>s3cret store</Password>");
  replace_in(carbon_xml, "<KeyAlias>acme</KeyAlias>", "<KeyAlias>wso2carbon</KeyAlias>");
  expect_failed_with(testing::start_carbon(home), "has no key with the alias 'wso2carbon' (it holds 'acme')");
  replace_in(carbon_xml, "<KeyAlias>wso2carbon</KeyAlias>", "<KeyAlias>acme</KeyAlias>");
  fs::remove(home / "repository/resources/security/acme.jks");
  expect_failed_with(testing::start_carbon(home), "Keystore File Not Found in configured location: " +
                                                       (home / "repository/resources/security/acme.jks").string());
}

TEST_F(FakeCarbonServer, PortOffsetOnTheCommandLineOverridesCarbonXml) {
  make_home("jdbc:sqlite:" + old_db.string());
  int other = testing::free_carbon_offset();
  testing::CarbonStart start = testing::start_carbon(home, "-DportOffset=" + std::to_string(other));
  ASSERT_TRUE(start.started) << start.log;
  EXPECT_NE(start.log.find("Mgt Console URL  : https://localhost:" + std::to_string(9443 + other) + "/carbon/"), std::string::npos)
      << start.log;
  EXPECT_FALSE(testing::port_free(9443 + other));
  EXPECT_FALSE(testing::port_free(9763 + other));
  EXPECT_TRUE(testing::port_free(9443 + offset)) << "carbon.xml's offset is overridden";
}

TEST_F(FakeCarbonServer, APortInUseFailsTheStart) {
  make_home("jdbc:sqlite:" + old_db.string());
  testing::TcpTestListener taken(static_cast<uint16_t>(9443 + offset));
  expect_failed_with(testing::start_carbon(home), "Failed to start the connector on 127.0.0.1:" + std::to_string(9443 + offset));
}

// Carbon logs an admin service's fault as an ERROR in wso2carbon.log, where a plan's "no ERROR
// since the start" check finds it.
TEST_F(FakeCarbonServer, AnAdminServiceFaultIsLoggedAsAnError) {
  make_home("jdbc:sqlite:" + old_db.string());
  testing::CarbonStart start = testing::start_carbon(home);
  ASSERT_TRUE(start.started) << start.log;
  testing::ShellOutcome called = shell("curl -sk -o /dev/null -w '%{http_code}' -H 'SOAPAction: urn:frobnicate' "
                                       "-H 'Content-Type: text/xml' --data '<x/>' https://127.0.0.1:" +
                                       std::to_string(9443 + offset) + "/services/AuthenticationAdmin");
  EXPECT_EQ(called.output, "500");
  std::string log = file_text(home / "repository/logs/wso2carbon.log");
  EXPECT_TRUE(std::regex_search(log, std::regex(R"(\] ERROR \{org\.wso2\.carbon\.admin\.AuthenticationAdmin\} -  )"
                                                R"(The endpoint reference \(EPR\) for the Operation not found is )"
                                                R"(AuthenticationAdmin: frobnicate \n)")))
      << log;
}

// A server database: the good login starts, a wrong username or password fails naming the
// datasource and the server's own words.
class FakeCarbonOnAServer : public FakeCarbonServer, public ::testing::WithParamInterface<const char*> {
 protected:
  void SetUp() override {
    PLANRUN_REQUIRE_SERVER(server, GetParam());
    FakeCarbonServer::SetUp();
  }
  void make_home_with(const std::string& user, const std::string& password) {
    make_home(server->dsn.jdbc_url(), "--db-user " + shell_quoted(user) + " --db-password " + shell_quoted(password));
  }
  std::optional<testing::TestServer> server;
};

TEST_P(FakeCarbonOnAServer, TheRightLoginStarts) {
  make_home_with(server->dsn.user, server->password);
  testing::CarbonStart start = testing::start_carbon(home);
  EXPECT_TRUE(start.started) << start.log;
}

TEST_P(FakeCarbonOnAServer, AWrongPasswordFailsNamingTheDatasource) {
  make_home_with(server->dsn.user, "not the password");
  testing::CarbonStart start = testing::start_carbon(home);
  expect_failed_with(start, "Cannot start User Manager Core bundle: datasource 'WSO2_CARBON_DB' (jdbc/WSO2CarbonDB, " +
                                conf("datasources/master-datasources.xml").string() + ":6:9): cannot connect to ");
  EXPECT_TRUE(std::regex_search(start.log, std::regex("password authentication failed|Access denied for user"))) << start.log;
  EXPECT_EQ(start.log.find("not the password"), std::string::npos) << "the password never shows: " << start.log;
}

TEST_P(FakeCarbonOnAServer, AWrongUsernameFailsNamingTheDatasource) {
  make_home_with("wso2carbon", server->password);
  testing::CarbonStart start = testing::start_carbon(home);
  expect_failed_with(start, "datasource 'WSO2_CARBON_DB' (jdbc/WSO2CarbonDB, ");
  EXPECT_TRUE(std::regex_search(start.log, std::regex("for user \"?'?wso2carbon"))) << start.log;
}

INSTANTIATE_TEST_SUITE_P(Servers, FakeCarbonOnAServer, ::testing::Values("PLANRUN_TEST_POSTGRES", "PLANRUN_TEST_MARIADB"),
                         [](const auto& info) { return std::string(info.param).substr(13); });

}  // namespace
}  // namespace planrun
